package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF calls a GUI menu action makes run without a window: a second JVM, started with -verbose:class and
 * java.awt.headless, writes both PDFs (key images included) and loads no JavaFX and no DJL class.
 */
class PdfReportsHeadlessTest {
    @Test
    void writingBothPdfsLoadsNoJavaFxAndNoDjlClass(@TempDir Path dir) throws Exception {
        PdfProjectFixture.Project project = PdfProjectFixture.build(dir);
        Path pdf = dir.resolve("case.pdf");
        Path summary = dir.resolve("summary.pdf");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-verbose:class", "-Djava.awt.headless=true", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), PdfOnlyMain.class.getName(), project.folder().toString(),
                Long.toString(project.caseId()), pdf.toString(), summary.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> loaded = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                (line.startsWith("[") ? loaded : other).add(line);
            }
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertTrue(other.contains("wrote 4 key images"), other.toString());
        assertTrue(Files.size(pdf) > 0 && Files.size(summary) > 0);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.attest.app.pdf.CaseKeyImages ")), "the log lists classes");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")
                || l.contains("ai.djl.") || l.contains("dev.attest.inference.")).toList());
    }
}
