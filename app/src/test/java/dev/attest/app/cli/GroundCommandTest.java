package dev.attest.app.cli;

import dev.attest.app.ModelFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.RunFacts;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code attest ground} as a user calls it: the tiny grounding model imported with {@code attest models import}
 * into a config folder of its own, a project whose case is the CT phantom saved as NIfTI with the phantom's
 * labels as its segmentation; the command reopens the case from the project, grounds on the middle slice by
 * default, and prints what it stored.
 */
class GroundCommandTest {
    static final Path FIXTURE = Path.of("../inference/src/test/resources/fixtures/grounding/tiny-grounding-ts")
            .toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    private ModelFolders folders;
    private Path project;
    private long caseId;

    @BeforeEach
    void projectAndModel() throws Exception {
        folders = ModelFolders.under(tmp);
        CliTest.Run imported = CliTest.attest("models", "import", FIXTURE.toString());
        assertEquals(0, imported.exit(), imported.err());
        CtPhantom.Result phantom = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        Path image = tmp.resolve("phantom.nii.gz");
        NiftiWriter.write(phantom.ct(), image);
        project = tmp.resolve("project");
        try (ProjectStore store = Projects.create(project)) {
            caseId = CaseImport.add(store, new CaseDraft("phantom-1", "A", "phantom", "CT", image.toString()), phantom.ct(),
                    phantom.labels(), CtPhantom.labelDescriptions(), new RunFacts("phantom-truth", "1", null, "{}", "none",
                            "cpu", Instant.parse("2026-03-01T09:00:00Z"), null), "HU").reviewCase().id();
        }
    }

    @AfterEach
    void restore() {
        folders.close();
    }


    @Test
    void groundsOnTheMiddleSliceAndPrintsWhatItStored() throws Exception {
        CliTest.Run run = CliTest.attest("ground", project.toString(), "phantom-1", "--model", "tiny-grounding-ts",
                "--phrase", "left lung nodule", "--device", "cpu");
        assertEquals(0, run.exit(), run.err());
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertEquals(caseId, out.get("case").asLong());
        assertEquals(20, out.get("slice").asInt(), "40 slices: the middle one");
        assertEquals("tiny-grounding-ts", out.at("/run/model").asText());
        assertEquals("2c87e8daaef20db9495a8d5d563a1b4a3c3250a79c05dc37c81c3d309427adc7", out.at("/run/weightsSha256").asText());
        assertEquals(20, out.at("/run/parameters/slice").asInt());
        assertEquals("left lung nodule", out.at("/run/parameters/phrase").asText());
        assertEquals("ef24e17abfa98d3487dd59ba7d57dd491c6a53dc5444e4609e6c6a58041ca568",
                out.at("/run/parameters/tokenizerSha256").asText());
        List<String> kinds = new ArrayList<>();
        out.get("evidence").forEach(e -> kinds.add(e.get("kind").asText()));
        assertEquals(List.of("box", "box", "heatmap"), kinds);
        // The same boxes as on the phantom in memory (ModelGroundingTest): the NIfTI round trip keeps grid and HU.
        assertEquals("[31,32,20]", out.at("/evidence/0/geometry/min_index").toString());
        assertEquals("[33,32,20]", out.at("/evidence/0/geometry/max_index").toString());
        assertEquals("[-5.0,0.0,0.0]", out.at("/evidence/0/geometry/min_lps_mm").toString());
        assertEquals(1, out.at("/evidence/0/method/rank").asInt());
        assertEquals(0.8188, out.at("/evidence/2/method/threshold").asDouble());

        try (ProjectStore store = Projects.openReadOnly(project)) {
            long claimId = out.at("/claim/id").asLong();
            var claim = store.claims(caseId).stream().filter(c -> c.id() == claimId).findFirst().orElseThrow();
            assertEquals(ClaimKind.PHRASE, claim.kind());
            assertEquals("left lung nodule", claim.text());
            assertEquals(out.at("/run/id").asLong(), claim.runId());
            List<ClaimCheck> checks = store.checks(claimId);
            assertEquals(4, out.get("checks").size());
            for (int i = 0; i < checks.size(); i++) {
                assertEquals(checks.get(i).kind(), out.get("checks").get(i).get("kind").asText());
                assertEquals(checks.get(i).outcome().name().toLowerCase(), out.get("checks").get(i).get("outcome").asText());
                assertEquals(checks.get(i).detail(), out.get("checks").get(i).get("reason").asText());
            }
            assertEquals("pass", out.at("/checks/0/outcome").asText());
            assertEquals(3.0, out.at("/checks/0/value").asDouble(), "three voxels in the best box");
        }
    }

    @Test
    void aSegmentationModelOrASliceOutsideTheCaseIsRefusedWithOneLine() {
        CliTest.Run seg = CliTest.attest("ground", project.toString(), Long.toString(caseId), "--model", "demo-ct-seg",
                "--phrase", "left lung", "--slice", "3");
        assertEquals(1, seg.exit());
        assertEquals("attest: model demo-ct-seg is a SEGMENTATION model, not a grounding model: it cannot ground"
                + " \"left lung\"", seg.err().strip());
        CliTest.Run outside = CliTest.attest("ground", project.toString(), Long.toString(caseId), "--model",
                "tiny-grounding-ts", "--phrase", "left lung", "--slice", "40");
        assertEquals(1, outside.exit());
        assertEquals("attest: slice 40 is outside case " + caseId + ", whose volume has slices 0..39", outside.err().strip());
        assertEquals("", outside.out());
    }
}
