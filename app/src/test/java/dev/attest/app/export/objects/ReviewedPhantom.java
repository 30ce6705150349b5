package dev.attest.app.export.objects;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.RunFacts;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.deid.FreeTextScrubber;
import dev.attest.dicom.deid.KnownIdentifiers;
import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.deid.UidMap;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.Equipment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A reviewed project with one case of the demo CT phantom (64 × 64 × 40, 5 mm), kept as a NIfTI file: the demo
 * segmentation run added as CaseImport adds it (one finding claim per label, the label map as mask evidence),
 * then by hand a grounded phrase with a box, a sentence whose box is stored in millimetres only, a sentence
 * with a broken box and one with none, and two reviewers with real-looking names who score, correct, revise,
 * add a missed finding and judge the report.
 *
 * <pre>
 * claim                          evidence                reviewer 1 ("Alice Realname")      reviewer 2 ("Bob Secretname")
 * findings (one per label)       mask                    correct (liver lesion: incorrect,   correct (liver lesion: incorrect,
 *                                                        false finding; body: ungradable)     false finding; body: partial)
 * phrase "nodule in the left..." box [20,24,30]-[27,31,33] partial/partial/hit/size/insig.  correct; corrected box shifted +1 in x
 * sentence "No pleural effusion." broken box "{}"        incorrect, negation error          correct
 * sentence "Cyst in the left..."  box in mm (label 11's)  (not scored)                       (not scored)
 * revision of the phrase by reviewer 1: "6 mm nodule in the left upper lobe, MRN: 12345678"
 * reviewer 1 adds a box for label 11 tied to no claim; reviewer 2 a missed finding (a point)
 * acceptability: reviewer 1 acceptable with edits, reviewer 2 unacceptable
 * </pre>
 */
final class ReviewedPhantom {
    static final RunFacts RUN = new RunFacts("demo-ct-seg", "1.0", null, "{\"overlap\":0.5}", "PyTorch 2.7.1", "cpu",
            Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T04:05:08Z"));
    static final String PSEUDONYM = "case-0001";
    static final ProjectSecret SECRET = ProjectSecret.of("attest export objects test secret!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 3, 4, 5, 6, 7);
    static final Equipment EQUIPMENT = Equipment.attest("Attest workstation", "0.1-test", "export");
    /** The phrase's box, voxel corners both included. */
    static final int[] PHRASE_MIN = {20, 24, 30};
    static final int[] PHRASE_MAX = {27, 31, 33};

    final Path niftiFile;
    final ProjectStore store;
    final ReviewCase reviewCase;
    final Volume labels;
    final Reviewer alice;
    final Reviewer bob;
    final List<Claim> findings;
    final Claim phrase;
    final Claim effusion;
    final Claim cyst;
    final Evidence brokenBox;
    final UidMap uids = new UidMap(SECRET);

    private ReviewedPhantom(Path niftiFile, ProjectStore store, ReviewCase reviewCase, Volume labels, Reviewer alice, Reviewer bob,
                            List<Claim> findings, Claim phrase, Claim effusion, Claim cyst, Evidence brokenBox) {
        this.niftiFile = niftiFile;
        this.store = store;
        this.reviewCase = reviewCase;
        this.labels = labels;
        this.alice = alice;
        this.bob = bob;
        this.findings = findings;
        this.phrase = phrase;
        this.effusion = effusion;
        this.cyst = cyst;
        this.brokenBox = brokenBox;
    }

    static ReviewedPhantom create(Path dir) throws IOException {
        CtPhantom.Result p = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        // A file name like a patient's, which must never reach the export.
        Path nifti = dir.resolve("Doe_Jane_19700101_ct.nii.gz");
        NiftiWriter.write(p.ct(), nifti);
        Volume ct = NiftiReader.read(nifti).volume();
        Volume labels = Volume.allocate(ct.grid(), VoxelType.UINT8);
        for (int k = 0; k < 40; k++) {
            System.arraycopy((byte[]) p.labels().sliceArray(k), 0, (byte[]) labels.sliceArray(k), 0, 64 * 64);
        }
        ProjectStore store = Projects.create(dir.resolve("project"));
        CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft(nifti.toString(), "Site A", "phantom", "CT",
                nifti.toString()), ct, labels, CtPhantom.labelDescriptions(), RUN, "HU");
        ReviewCase c = imported.reviewCase();
        long run = imported.run().id();
        Reviewer alice = store.addReviewer("Alice Realname");
        Reviewer bob = store.addReviewer("Bob Secretname");
        List<Claim> added = store.addClaims(List.of(
                new ClaimDraft(c.id(), run, ClaimKind.PHRASE, "nodule in the left upper lobe", null, null, null),
                new ClaimDraft(c.id(), run, ClaimKind.SENTENCE, "No pleural effusion.", null, null, null),
                new ClaimDraft(c.id(), run, ClaimKind.SENTENCE, "Cyst in the left kidney.", null, null, null)));
        Claim phrase = added.get(0);
        Claim effusion = added.get(1);
        Claim cyst = added.get(2);
        int[] cystMin = Brute.box3d(labels, 11)[0];
        int[] cystMax = Brute.box3d(labels, 11)[1];
        List<Evidence> boxes = store.addEvidence(List.of(
                new EvidenceDraft(phrase.id(), EvidenceKind.BOX, null, indexBox(PHRASE_MIN, PHRASE_MAX, null), null),
                new EvidenceDraft(effusion.id(), EvidenceKind.BOX, null, "{}", null),
                new EvidenceDraft(cyst.id(), EvidenceKind.BOX, null, "{\"min_lps_mm\":" + lps(ct.grid(), cystMin)
                        + ",\"max_lps_mm\":" + lps(ct.grid(), cystMax) + "}", null)));

        List<ScoreDraft> scores = new ArrayList<>();
        for (Claim f : imported.claims()) {
            boolean lesion = f.labelValue() == 9;
            boolean body = f.labelValue() == 1;
            scores.add(lesion ? new ScoreDraft(f.id(), alice.id(), Verdict.INCORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD,
                    ErrorType.FALSE_FINDING, Significance.SIGNIFICANT, null)
                    : body ? new ScoreDraft(f.id(), alice.id(), Verdict.UNGRADABLE, EvidenceSupport.NONE_OR_OFF_TARGET, null, null, null, null)
                    : new ScoreDraft(f.id(), alice.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null, null, null));
            scores.add(lesion ? new ScoreDraft(f.id(), bob.id(), Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, Localisation.MISS,
                    ErrorType.FALSE_FINDING, Significance.INSIGNIFICANT, "the note stays out of the SR")
                    : body ? new ScoreDraft(f.id(), bob.id(), Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL, Localisation.HIT_ONLY,
                    ErrorType.WRONG_SEVERITY_OR_SIZE, null, null)
                    : new ScoreDraft(f.id(), bob.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null, null, null));
        }
        scores.add(new ScoreDraft(phrase.id(), alice.id(), Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL, Localisation.HIT_ONLY,
                ErrorType.WRONG_SEVERITY_OR_SIZE, Significance.INSIGNIFICANT, null));
        scores.add(new ScoreDraft(phrase.id(), bob.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null, null, null));
        scores.add(new ScoreDraft(effusion.id(), alice.id(), Verdict.INCORRECT, EvidenceSupport.NONE_OR_OFF_TARGET, null,
                ErrorType.NEGATION_ERROR, Significance.SIGNIFICANT, null));
        scores.add(new ScoreDraft(effusion.id(), bob.id(), Verdict.CORRECT, EvidenceSupport.NONE_OR_OFF_TARGET, null, null, null, null));
        store.saveScores(scores);

        int[] shiftedMin = {PHRASE_MIN[0] + 1, PHRASE_MIN[1], PHRASE_MIN[2]};
        int[] shiftedMax = {PHRASE_MAX[0] + 1, PHRASE_MAX[1], PHRASE_MAX[2]};
        store.addCorrection(new CorrectionDraft(c.id(), phrase.id(), AnnotationKind.BOX, null, indexBox(shiftedMin, shiftedMax, 10),
                boxes.get(0).id(), bob.id()));
        store.addCorrection(new CorrectionDraft(c.id(), null, AnnotationKind.BOX, null, indexBox(cystMin, cystMax, 11), null, alice.id()));
        store.addCorrection(new CorrectionDraft(c.id(), null, AnnotationKind.POINT, null, "{\"label\":3,\"point_lps_mm\":[1.000,2.000,3.000]}",
                null, alice.id()));
        store.reviseClaim(phrase.id(), alice.id(), "6 mm nodule in the left upper lobe, MRN: 12345678");
        store.addMissedFinding(c.id(), bob.id(), "small right pleural effusion", "{\"point_lps_mm\":[-80.000,10.000,60.000]}");
        store.setAcceptability(c.id(), alice.id(), Acceptability.ACCEPTABLE_WITH_EDITS, "fine after the edit");
        store.setAcceptability(c.id(), bob.id(), Acceptability.UNACCEPTABLE, null);
        return new ReviewedPhantom(nifti, store, c, labels, alice, bob, imported.claims(), phrase, effusion, cyst, boxes.get(1));
    }

    static String indexBox(int[] min, int[] max, Integer label) {
        return String.format(Locale.ROOT, "{%s\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}",
                label == null ? "" : "\"label\":" + label + ",", min[0], min[1], min[2], max[0], max[1], max[2]);
    }

    private static String lps(ImageGrid grid, int[] index) {
        Vec3 p = grid.indexToLps().apply(index[0], index[1], index[2]);
        return String.format(Locale.ROOT, "[%.3f,%.3f,%.3f]", p.x(), p.y(), p.z());
    }

    Claim finding(int label) {
        return findings.stream().filter(f -> f.labelValue() == label).findFirst().orElseThrow();
    }

    CaseObjectsInput input(Optional<StackGeometry> dicom, ImageGrid grid) {
        FreeTextScrubber scrubber = new FreeTextScrubber(KnownIdentifiers.none());
        return new CaseObjectsInput(store, reviewCase, PSEUDONYM, Map.of(alice.id(), "reader-1", bob.id(), "reader-2"), grid,
                "images/" + PSEUDONYM + ".nii.gz", dicom, uids::remap, s -> scrubber.scrub(s).text(), EQUIPMENT, CREATED);
    }
}
