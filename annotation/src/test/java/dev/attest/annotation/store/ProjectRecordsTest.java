package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs, evidence, artifacts, corrections and missed findings come back from a reopened project as stored. */
class ProjectRecordsTest {
    @TempDir
    Path dir;
    SampleProject p;

    @BeforeEach
    void create() {
        p = SampleProject.create(dir.resolve("p"));
    }

    @AfterEach
    void close() {
        p.store().close();
    }

    private ProjectStore reopen() {
        p.store().close();
        ProjectStore store = Projects.open(dir.resolve("p"));
        p = new SampleProject(store, p.reviewers(), p.cases(), p.runs(), p.claims());
        return store;
    }

    @Test
    void modelRunsRoundTripWithProvenance() {
        ModelRun run = p.runs().get(1);
        assertEquals(new ModelRun(run.id(), p.cases().get(1).id(), "nodules", "1.0", SampleProject.WEIGHTS,
                "{\"overlap\":0.5}", "PyTorch", "cpu", Instant.parse("2026-01-02T03:04:05.006Z"),
                Instant.parse("2026-01-02T03:04:09Z")), run);
        assertEquals(run, reopen().modelRun(run.id()).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new ModelRunDraft(1, "m", "1", "ABC", null, null, null,
                Instant.EPOCH, null));
    }

    @Test
    void evidenceWithAnArtifactOrInlineGeometryRoundTrips() throws Exception {
        Path mask = dir.resolve("mask.nii");
        Files.write(mask, new byte[] {1, 2, 3});
        ArtifactRef ref = p.store().importArtifact(mask, "claim-1-mask.nii");
        assertEquals(new ArtifactRef("artifacts/claim-1-mask.nii",
                "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"), ref);
        long claim = p.claims().get(0).id();
        List<Evidence> added = p.store().addEvidence(List.of(
                new EvidenceDraft(claim, EvidenceKind.MASK, ref, null, "{\"method\":\"segmentation\"}"),
                new EvidenceDraft(claim, EvidenceKind.BOX, null, "{\"min\":[1,2,3],\"max\":[4,5,6]}", null)));
        ProjectStore store = reopen();
        assertEquals(added, store.evidence(claim));
        assertEquals(dir.resolve("p/artifacts/claim-1-mask.nii"), store.resolveArtifact(ref));
    }

    @Test
    void aChangedArtifactIsDetectedByItsChecksum() throws Exception {
        Path heat = dir.resolve("heat.nii");
        Files.write(heat, new byte[] {9, 9});
        ArtifactRef ref = p.store().importArtifact(heat, "heat.nii");
        Path stored = dir.resolve("p/artifacts/heat.nii");
        Files.write(stored, new byte[] {9, 8});
        ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> p.store().resolveArtifact(ref));
        assertEquals(stored + " has sha256 4674d5929bf80d90d5d455d37bd530ca60bdf6a870c7014d92b529a89c4c4e95 but the"
                + " project recorded 31609426297325bdb28c86ab3ceeed4a3c438966733fd61b8aea00ee8b23b7bc; the artifact was changed outside Attest", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.store().importArtifact(heat, "../escape.nii"));
    }

    @Test
    void correctionsAndMissedFindingsRoundTrip() {
        long caseId = p.cases().get(0).id();
        long claim = p.claims().get(0).id();
        Evidence box = p.store().addEvidence(List.of(new EvidenceDraft(claim, EvidenceKind.BOX, null,
                "{\"min\":[0,0,0],\"max\":[9,9,9]}", null))).get(0);
        CorrectedAnnotation fixed = p.store().addCorrection(new CorrectionDraft(caseId, claim, AnnotationKind.BOX, null,
                "{\"min\":[1,1,1],\"max\":[8,8,8]}", box.id(), p.ann().id()));
        CorrectedAnnotation point = p.store().addCorrection(new CorrectionDraft(caseId, null, AnnotationKind.POINT,
                null, "{\"lps\":[10.5,-3,40]}", null, p.ben().id()));
        MissedFinding missed = p.store().addMissedFinding(caseId, p.ann().id(), "rib fracture, left 7th",
                "{\"lps\":[1,2,3]}");
        ProjectStore store = reopen();
        assertEquals(List.of(fixed, point), store.corrections(caseId));
        assertEquals(List.of(missed), store.missedFindings(caseId));
        assertEquals(List.of(), store.missedFindings(p.cases().get(1).id()));
    }

    @Test
    void checksKeepTheNewestPerKindAndRevisionsNumberFromTwo() {
        long claim = p.claims().get(0).id();
        p.store().addChecks(List.of(new ClaimCheckDraft(claim, "laterality", CheckOutcome.FAIL, 0.12, "88% on the left"),
                new ClaimCheckDraft(claim, "size", CheckOutcome.UNKNOWN, null, "no size claimed")));
        List<ClaimCheck> rerun = p.store().addChecks(List.of(
                new ClaimCheckDraft(claim, "laterality", CheckOutcome.PASS, 0.97, "97% on the right")));
        ClaimRevision first = p.store().reviseClaim(claim, p.ann().id(), "  Liver volume 1,400 mL. ");
        ClaimRevision second = p.store().reviseClaim(claim, p.ben().id(), "Liver volume 1,450 mL.");
        ProjectStore store = reopen();
        List<ClaimCheck> checks = store.checks(claim);
        assertEquals(List.of("size", "laterality"), checks.stream().map(ClaimCheck::kind).toList());
        assertEquals(rerun.get(0), checks.get(1));
        assertEquals(null, checks.get(0).value());
        assertEquals(List.of(first, second), store.revisions(claim));
        assertEquals(2, first.version());
        assertEquals("Liver volume 1,400 mL.", first.text());
        assertEquals(3, second.version());
        assertEquals(List.of(), store.revisions(p.claims().get(1).id()));
        assertThrows(IllegalArgumentException.class, () -> store.reviseClaim(claim, p.ann().id(), " "));
    }
}
