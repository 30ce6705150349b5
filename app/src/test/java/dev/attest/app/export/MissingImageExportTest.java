package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case whose image has moved is exported without it, reported to the user and named in the datasheet; the rest goes on. */
class MissingImageExportTest {
    @Test
    void aMovedImageIsReportedAndSkippedWithoutStoppingTheExport(@TempDir Path dir) throws Exception {
        ScoredProject project = new ScoredProject(dir);
        Files.delete(project.nifti);
        Path out = dir.resolve("set");
        ExportSummary s;
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            s = SetExporter.export(store, out, ExportOptions.DEFAULT, ProgressListener.NONE, new Cancellation());
        }
        assertEquals(1, s.casesWithoutImage());
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("region mask"), s.warnings().get(0));
        assertTrue(s.warnings().get(1).contains("(case-0002): image not read"), s.warnings().get(1));
        List<String> cases = Files.readAllLines(out.resolve("cases.jsonl"));
        JsonNode second = new ObjectMapper().readTree(cases.get(1));
        assertTrue(second.get("image").isNull());
        assertFalse(Files.exists(out.resolve("images/case-0002.nii.gz")));
        assertTrue(Files.exists(out.resolve("labels/case-0002-labels-1.nii.gz")), "its label map is still there");
        assertTrue(Files.readString(out.resolve("README.md")).contains("1 of 2 cases have no image in the set"));
        assertFalse(Files.readString(out.resolve("README.md")).contains(project.nifti.toString()),
                "the warning's path stays with the user");
        assertTrue(SetImporter.importSet(out, null, ProgressListener.NONE, new Cancellation()).reproduced());
    }
}
