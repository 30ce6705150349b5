package dev.attest.app.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/export.md describes every column of every table the exporter writes, under the table's own heading. */
class ExportDocsTest {
    @Test
    void everyColumnOfEveryTableIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "export.md"));
        for (TableSpec t : SetTables.ALL) {
            int at = doc.indexOf("\n### " + t.file() + "\n");
            assertTrue(at >= 0, "docs/export.md has no section for " + t.file());
            int end = doc.indexOf("\n### ", at + 1);
            String section = doc.substring(at, end < 0 ? doc.length() : end);
            for (Column c : t.columns()) {
                assertTrue(section.contains("| `" + c.name() + "` |"), t.file() + " column " + c.name() + " is not documented");
            }
        }
    }
}
