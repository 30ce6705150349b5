package dev.attest.app.export;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.VoxelIndex;
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
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.CaseRefs;
import dev.attest.app.review.GeometryJson;
import dev.attest.app.review.RunFacts;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scored project for the export tests, with known identifiers planted where a careless export would leak them:
 * case 1 is a CT phantom written as a DICOM series of a named patient, case 2 the same phantom at another size as
 * a NIfTI file; the demo segmentation's findings of both, plus a report sentence with a box, scored by two
 * reviewers who disagree on some claims, with missed findings, a revised claim, a re-scored claim, notes that
 * name people, a correction and acceptability judgements.
 */
final class ScoredProject {
    static final String REVIEWER_A = "Alice Vankrijgen";
    static final String REVIEWER_B = "Bertrand Oxleywood";
    static final String PATIENT_NAME = "Zyxwer^Quentina";
    static final String PATIENT_ID = "PID-99887766";
    static final String REVISED_TEXT = "liver, about 1500 mL";
    static final String BOX = "{\"min_lps_mm\":[-90.0,-35.0,-48.0],\"max_lps_mm\":[-60.0,-5.0,-22.0],"
            + "\"min_index\":[3,4,6],\"max_index\":[9,10,7]}";
    static final RunFacts RUN_1 = new RunFacts("demo-ct-seg", "1.0", null,
            "{\"overlap\":0.5,\"weights\":\"/home/avankrijgen/models/demo.pt\"}", "PyTorch 2.7.1", "cpu",
            Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T04:05:08.500Z"));
    static final RunFacts RUN_2 = new RunFacts("demo-ct-seg", "1.0", null, "{\"overlap\":0.5}", "PyTorch 2.7.1", "cpu",
            Instant.parse("2026-02-04T10:00:00Z"), Instant.parse("2026-02-04T10:00:03Z"));

    final Path folder;
    final Path dicom;
    final Path nifti;
    final CtPhantom.Result phantom1;
    final CtPhantom.Result phantom2;
    final SeriesWriter.SeriesInfo series;
    /** Every UID of the original DICOM: study, series, frame of reference and each SOP instance. */
    final List<String> originalUids = new ArrayList<>();
    List<Claim> claims1;
    List<Claim> claims2;
    Claim sentence;
    Claim revised;
    Claim disputed;
    Claim disputed2;
    /** A phrase grounded to the left (low x) part of the liver: a region mask of its own. */
    Claim phrase;
    /** Evidence beyond one per claim: the heat map on the disputed claim. */
    int extraEvidence;
    int corrections;
    int scores;
    int correctScores;
    int gradableScores;
    int missed;

    ScoredProject(Path dir) throws Exception {
        folder = dir.resolve("project");
        dicom = dir.resolve("dicom-in");
        nifti = dir.resolve("case2-ct.nii.gz");
        phantom1 = CtPhantom.generate(40, 40, 16, 8.0, 10.0, 0, 7);
        phantom2 = CtPhantom.generate(32, 30, 12, 10.0, 12.0, 5, 3);
        SeriesWriter.SeriesInfo ct = SeriesWriter.SeriesInfo.ct(PATIENT_NAME, PATIENT_ID, "Zyxwer chest");
        series = ct;
        List<Path> files = SeriesWriter.write(phantom1.ct(), dicom, ct, TransferSyntax.EXPLICIT_VR_LE);
        originalUids.add(ct.studyInstanceUid());
        originalUids.add(ct.seriesInstanceUid());
        originalUids.add(ct.frameOfReferenceUid());
        for (Path f : files) {
            originalUids.add(DicomReader.read(f).sopInstanceUid());
        }
        NiftiWriter.write(phantom2.ct(), nifti);
        build();
    }

    private void build() throws java.io.IOException {
        try (ProjectStore store = Projects.create(folder)) {
            long a = store.addReviewer(REVIEWER_A).id();
            long b = store.addReviewer(REVIEWER_B).id();
            var c1 = CaseImport.add(store, new CaseDraft(CaseRefs.SERIES + series.seriesInstanceUid(), "Hospital Alpha",
                    "Scanner X1", "CT", dicom.toAbsolutePath().toString()), phantom1.ct(), phantom1.labels(),
                    CtPhantom.labelDescriptions(), RUN_1, "HU");
            var c2 = CaseImport.add(store, new CaseDraft(nifti.toAbsolutePath().toString(), "Hospital Beta", "Scanner Y2",
                    "CT", nifti.toAbsolutePath().toString()), phantom2.ct(), phantom2.labels(),
                    CtPhantom.labelDescriptions(), RUN_2, "HU");
            claims1 = c1.claims();
            claims2 = c2.claims();
            long case1 = c1.reviewCase().id();
            long case2 = c2.reviewCase().id();
            // A report sentence that names the patient (a model can copy a name from the request into its report).
            sentence = store.addClaims(List.of(new ClaimDraft(case1, c1.run().id(), ClaimKind.SENTENCE,
                    "Zyxwer: 3 cm lesion in the right liver lobe", null, 30.0, "mm"))).get(0);
            store.addEvidence(List.of(new EvidenceDraft(sentence.id(), EvidenceKind.BOX, null, BOX,
                    "{\"method\":\"grounding\",\"model\":\"/home/bertrand/grounder.onnx\"}")));
            revised = claims1.stream().filter(c -> c.text().startsWith("liver,")).findFirst().orElseThrow();
            store.reviseClaim(revised.id(), b, REVISED_TEXT);

            disputed = claims1.get(1);
            disputed2 = claims2.get(0);
            groundTruth(store, case1, c1.run().id(), a, b);
            List<ScoreDraft> drafts = new ArrayList<>();
            // Reviewer A first calls claim 0 incorrect, then changes their mind: only version 2 is current.
            store.saveScore(new ScoreDraft(claims1.get(0).id(), a, Verdict.INCORRECT, EvidenceSupport.SUPPORTS, null,
                    ErrorType.FALSE_FINDING, null, null));
            for (Claim c : all()) {
                if (c == sentence) {
                    drafts.add(new ScoreDraft(c.id(), a, Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL, null,
                            ErrorType.WRONG_SEVERITY_OR_SIZE, Significance.INSIGNIFICANT,
                            "size looks smaller; discussed with Dr. Oxleywood on 2026-01-02"));
                } else if (c == disputed) {
                    drafts.add(new ScoreDraft(c.id(), a, Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, null,
                            ErrorType.WRONG_LOCATION, Significance.SIGNIFICANT, "Alice thinks the mask is off"));
                } else {
                    drafts.add(new ScoreDraft(c.id(), a, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null,
                            null));
                }
            }
            for (Claim c : all()) {
                if (c == sentence) {
                    continue; // reviewer B left the sentence unscored
                }
                if (c == disputed2) {
                    drafts.add(new ScoreDraft(c.id(), b, Verdict.INCORRECT, EvidenceSupport.NONE_OR_OFF_TARGET, null,
                            ErrorType.FALSE_FINDING, null, null));
                } else {
                    drafts.add(new ScoreDraft(c.id(), b, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null,
                            null));
                }
            }
            store.saveScores(drafts);
            scores = drafts.size();
            gradableScores = drafts.size();
            correctScores = (int) drafts.stream().filter(d -> d.verdict() == Verdict.CORRECT).count();

            store.addMissedFinding(case1, a, "small cyst in the left kidney, seen by Dr. Oxleywood",
                    GeometryJson.point(new Vec3(58, 50, -95)));
            store.addMissedFinding(case2, b, "lung nodule", null);
            missed = 2;
            store.addCorrection(new CorrectionDraft(case1, disputed.id(), AnnotationKind.POINT, null,
                    GeometryJson.point(new Vec3(-75, -20, -35)), null, a));
            corrections++;
            store.setAcceptability(case1, a, Acceptability.ACCEPTABLE_WITH_EDITS, "call Quentina's GP");
            store.setAcceptability(case2, b, Acceptability.ACCEPTABLE, null);
        }
    }

    /**
     * What ground-truth metrics measure: reviewer A's corrected mask of the disputed claim (half its label erased,
     * written by the mask editor with its provenance sidecar, which names A), a heat map on that claim, reviewer
     * B's wider box for the sentence, and a phrase whose region mask B edited (the sidecar is what tells the
     * metrics it is an edit of that region).
     */
    private void groundTruth(ProjectStore store, long case1, long run1, long a, long b) throws java.io.IOException {
        Path work = folder.resolveSibling("edits");
        java.nio.file.Files.createDirectories(work);
        Evidence mask = store.evidence(disputed.id()).get(0);
        Path labels = store.resolveArtifact(mask.artifact());
        int label = disputed.labelValue();
        var g = phantom1.labels().grid();
        EditSession erased = new EditSession(NiftiReader.read(labels).volume());
        erased.apply(EditOperation.Erase.only(label, new Region.Box(new IndexBox(new VoxelIndex(0, 0, 0),
                new VoxelIndex(g.sizeX() / 2, g.sizeY() - 1, g.sizeZ() - 1)))));
        CorrectedMask m = new CorrectedMaskWriter().write(erased, labels, REVIEWER_A, work, "erased");
        store.importArtifact(m.sidecar(), "erased.json");
        store.addCorrection(new CorrectionDraft(case1, disputed.id(), AnnotationKind.MASK,
                store.importArtifact(m.path(), "erased.nii.gz"), null, mask.id(), a));

        int[] peak = null;
        Volume heat = Volume.allocate(g, VoxelType.FLOAT32);
        for (int k = 0; k < g.sizeZ() && peak == null; k++) {
            for (int j = 0; j < g.sizeY() && peak == null; j++) {
                for (int i = g.sizeX() - 1; i >= 0 && peak == null; i--) {
                    if (phantom1.labels().getStored(i, j, k) == label) {
                        peak = new int[] {i, j, k};
                    }
                }
            }
        }
        heat.setStored(peak[0], peak[1], peak[2], 5);
        heat.setStored(0, 0, 0, 1);
        Path heatFile = work.resolve("heat.nii.gz");
        NiftiWriter.write(heat, heatFile);
        store.addEvidence(List.of(new EvidenceDraft(disputed.id(), EvidenceKind.HEATMAP,
                store.importArtifact(heatFile, "heat.nii.gz"), null, "{\"method\":\"gradcam\"}")));
        extraEvidence++;

        Claim liver = claims1.stream().filter(c -> c.text().startsWith("liver,")).findFirst().orElseThrow();
        Volume region = Volume.allocate(g, VoxelType.UINT8);
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX() / 2; i++) {
                    if (phantom1.labels().getStored(i, j, k) == liver.labelValue()) {
                        region.setStored(i, j, k, 1);
                    }
                }
            }
        }
        Path regionFile = work.resolve("region.nii.gz");
        NiftiWriter.write(region, regionFile);
        phrase = store.addClaims(List.of(new ClaimDraft(case1, run1, ClaimKind.PHRASE, "the left part of the liver",
                null, null, null))).get(0);
        Evidence regionEvidence = store.addEvidence(List.of(new EvidenceDraft(phrase.id(), EvidenceKind.MASK,
                store.importArtifact(regionFile, "region.nii.gz"), null, "{\"method\":\"phrase-grounding\",\"labelValue\":" + liver.labelValue()
                        + ",\"labels\":[" + liver.labelValue() + "],\"labelName\":\"liver\",\"region\":true}"))).get(0);
        EditSession trimmed = new EditSession(NiftiReader.read(regionFile).volume());
        trimmed.apply(EditOperation.Erase.only(1, new Region.Box(new IndexBox(new VoxelIndex(0, 0, 0),
                new VoxelIndex(g.sizeX() - 1, g.sizeY() - 1, 3)))));
        CorrectedMask r = new CorrectedMaskWriter().write(trimmed, store.resolveArtifact(regionEvidence.artifact()),
                REVIEWER_B, work, "region-edit");
        store.importArtifact(r.sidecar(), "region-edit.json");
        store.addCorrection(new CorrectionDraft(case1, phrase.id(), AnnotationKind.MASK,
                store.importArtifact(r.path(), "region-edit.nii.gz"), null, regionEvidence.id(), b));

        Evidence box = store.evidence(sentence.id()).get(0);
        store.addCorrection(new CorrectionDraft(case1, sentence.id(), AnnotationKind.BOX, null,
                "{\"min_index\":[3,4,6],\"max_index\":[11,10,7]}", box.id(), b));
        corrections += 3;
    }

    /** The sentence's id in the set. */
    String sentenceId() {
        return "claim-" + String.format("%04d", all().indexOf(sentence) + 1);
    }

    /** The claims in project order (case 1's findings, case 2's findings, the sentence, the phrase). */
    List<Claim> all() {
        List<Claim> out = new ArrayList<>(claims1);
        out.addAll(claims2);
        out.add(sentence);
        out.add(phrase);
        return out;
    }

    /** Strings that must appear in no byte of an export. */
    List<String> secrets() {
        List<String> s = new ArrayList<>(List.of("Vankrijgen", "Oxleywood", "Alice", "Bertrand", "Zyxwer", "Quentina",
                PATIENT_ID, "avankrijgen", "/home/", folder.toAbsolutePath().toString(), dicom.toAbsolutePath().toString(),
                nifti.toAbsolutePath().toString(), "2026-01-02"));
        s.addAll(originalUids);
        return s;
    }
}
