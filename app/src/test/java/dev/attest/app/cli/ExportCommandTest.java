package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.RunFacts;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code attest export} and {@code attest import-set} end to end on a two-case, two-reviewer project. */
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportsZipsAndReimportsAProjectWithReproducedMetrics(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        int claims = 0;
        try (ProjectStore store = Projects.create(project)) {
            long ann = store.addReviewer("Ann Example").id();
            long ben = store.addReviewer("Ben Example").id();
            List<ScoreDraft> scores = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CtPhantom.Result p = CtPhantom.generate(24, 24, 8, 14.0, 20.0, 0, i);
                Path image = dir.resolve("ct" + i + ".nii.gz");
                NiftiWriter.write(p.ct(), image);
                var added = CaseImport.add(store, new CaseDraft(image.toString(), "site " + i, "scanner", "CT",
                        image.toString()), p.ct(), p.labels(), CtPhantom.labelDescriptions(), new RunFacts("demo-ct-seg",
                        "1.0", null, "{}", "PyTorch", "cpu", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), "HU");
                for (Claim c : added.claims()) {
                    scores.add(new ScoreDraft(c.id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null));
                    boolean odd = (claims++ % 2) == 1;
                    scores.add(new ScoreDraft(c.id(), ben, odd ? Verdict.INCORRECT : Verdict.CORRECT,
                            EvidenceSupport.SUPPORTS, null, null, null, null));
                }
            }
            store.saveScores(scores);
            store.addMissedFinding(1, ben, "kidney cyst", null);
        }
        Path out = dir.resolve("set");

        CliTest.Run export = CliTest.attest("export", project.toString(), out.toString(), "--zip", "--resamples", "200",
                "--name", "phantom-set", "--license", "https://spdx.org/licenses/CC-BY-4.0.html");
        assertEquals(0, export.exit(), export.err());
        JsonNode summary = JSON.readTree(export.out());
        assertEquals(2, summary.get("cases").intValue());
        assertEquals(claims, summary.get("claims").intValue());
        assertEquals(2 * claims, summary.get("scores").intValue());
        assertEquals(out.toString() + ".zip", summary.get("zip").asText());
        JsonNode croissant = JSON.readTree(out.resolve("croissant.json").toFile());
        assertEquals("phantom-set", croissant.get("name").asText());
        assertEquals("https://spdx.org/licenses/CC-BY-4.0.html", croissant.get("license").asText());
        assertEquals(200, JSON.readTree(out.resolve("metrics.json").toFile()).get("metrics").get("options")
                .get("bootstrap").get("resamples").intValue());

        CliTest.Run again = CliTest.attest("export", project.toString(), out.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().startsWith("attest: will not export into " + out + ": the folder is not empty"), again.err());

        CliTest.Run imported = CliTest.attest("import-set", out + ".zip", "--project", dir.resolve("rebuilt").toString());
        assertEquals(0, imported.exit(), imported.err());
        JsonNode r = JSON.readTree(imported.out());
        assertTrue(r.get("reproduced").booleanValue(), r.toString());
        assertEquals(claims, r.get("claims").intValue());
        assertTrue(Files.isRegularFile(dir.resolve("rebuilt").resolve("project.db")));

        Path claimsFile = out.resolve("claims.jsonl");
        Files.writeString(claimsFile, Files.readString(claimsFile) + "\n");
        CliTest.Run tampered = CliTest.attest("import-set", out.toString());
        assertEquals(2, tampered.exit());
        assertTrue(tampered.err().startsWith("attest: claims.jsonl: sha256 is "), tampered.err());
    }

    @Test
    void benchExportPrintsItsFiguresAsJson(@TempDir Path dir) throws Exception {
        CliTest.Run run = CliTest.attest("bench", "export", "--cases", "3", "--size", "16", "--repeats", "2", "--warmup", "0",
                "--work", dir.resolve("work").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode r = JSON.readTree(run.out());
        assertEquals(3, r.get("cases").intValue());
        assertEquals(2, r.get("repeats").intValue());
        assertEquals(16 * 16 * 4, r.get("voxelsPerCase").intValue());
        // 3 images, 3 label maps with their names, 10 tables and 10 schemas, metrics, deid, README; per case COCO,
        // RadFact, SEG and SR, and the joined COCO.
        assertEquals(3 + 6 + 20 + 3 + 3 * 4 + 1, r.get("setFiles").intValue());
        assertTrue(r.get("medianCasesPerSecond").doubleValue() > 0);
    }
}
