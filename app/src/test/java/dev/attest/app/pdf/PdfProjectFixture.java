package dev.attest.app.pdf;

import dev.attest.annotation.claims.FindingClaim;
import dev.attest.annotation.claims.FindingClaims;
import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.open.ImageLoader;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.open.StudyScan;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.CaseRefs;
import dev.attest.app.review.GeometryJson;
import dev.attest.app.review.RunFacts;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.write.SeriesWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real project for the PDF tests, made the way the workstation makes one: the demo CT phantom written as a
 * DICOM series, opened again, and its label map added as a model run with {@link CaseImport} (claims, mask
 * evidence, automatic checks). Then two reviewers score it, edit claim texts, list missed findings and judge
 * the report, and a re-run size check fails on the liver lesion. A second, smaller case from another model and
 * site has no image on record, so its report has no key images.
 */
public final class PdfProjectFixture {
    public static final RunFacts DEMO_RUN = new RunFacts("demo-ct-seg", "1.0",
            "6c2f0e1d9a8b7c6d5e4f30211e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d", "{\"overlap\":0.5}", "PyTorch 2.7.1",
            "cpu", Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T04:05:08.400Z"));
    public static final RunFacts OTHER_RUN = new RunFacts("other-seg", "2.0", null, "{}", "ONNX Runtime 1.22", "cuda:0",
            Instant.parse("2026-02-04T10:00:00Z"), Instant.parse("2026-02-04T10:00:01Z"));
    public static final String LESION_NOTE = "Lesion is larger than stated \u2013 about 14 mm";
    public static final String BEN_LESION_NOTE = "Mask sits in segment VII, not VI";
    public static final String LIVER_EDIT_1 = "liver, enlarged";
    public static final String LIVER_EDIT_2 = "liver, 1,500 mL, homogeneous attenuation";
    public static final String KIDNEY_EDIT = "left kidney, normal size and attenuation";
    public static final String FAILED_SIZE_DETAIL = "re-run after review: 14 mm measured on the mask against 11 mm stated";

    /**
     * What the fixture made.
     *
     * @param phantom  the first case's phantom (CT and exact labels)
     * @param findings the first case's finding claims as {@link FindingClaims} computes them, in claim order
     * @param claims   the first case's stored claims by label name
     */
    public record Project(Path folder, Path dicom, CtPhantom.Result phantom, long caseId, long otherCaseId, long ann,
                          long ben, long cyd, List<FindingClaim> findings, Map<String, Claim> claims,
                          List<Claim> otherClaims, String studyRef) {
        public Claim claim(String label) {
            Claim c = claims.get(label);
            if (c == null) {
                throw new IllegalArgumentException("no claim for label '" + label + "' in " + claims.keySet());
            }
            return c;
        }
    }

    private PdfProjectFixture() {
    }

    /** 96 × 96 × 40 voxels of 4 × 4 × 5 mm: the whole phantom torso, small enough to build in a second. */
    public static CtPhantom.Result phantom() {
        return CtPhantom.generate(96, 96, 40, 4, 5, 10, 20260203L);
    }

    public static Project build(Path dir) throws IOException {
        CtPhantom.Result phantom = phantom();
        Path dicom = dir.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Test^Phantom", "T1", "phantom"),
                TransferSyntax.EXPLICIT_VR_LE);
        OpenedImage opened = open(dicom);
        Path folder = dir.resolve("project");
        try (ProjectStore store = Projects.create(folder)) {
            long ann = store.addReviewer("ann").id();
            long ben = store.addReviewer("ben").id();
            long cyd = store.addReviewer("cyd").id(); // never scores: absent from every report
            String studyRef = CaseRefs.studyRef(opened);
            CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft(studyRef, "Site A", "phantom CT",
                    "CT", CaseRefs.imageRef(opened)), opened.volume(), phantom.labels(), CtPhantom.labelDescriptions(),
                    DEMO_RUN, "HU");
            List<FindingClaim> findings = FindingClaims.fromSegmentation(phantom.labels(), opened.volume(),
                    CtPhantom.labelDescriptions(), DEMO_RUN.modelId(), "HU");
            Map<String, Claim> byLabel = new TreeMap<>();
            for (int i = 0; i < imported.claims().size(); i++) {
                byLabel.put(findings.get(i).labelName(), imported.claims().get(i));
            }
            long caseId = imported.reviewCase().id();
            Claim lesion = byLabel.get("liver lesion");
            Claim liver = byLabel.get("liver");
            Claim spleen = byLabel.get("spleen");
            Claim leftKidney = byLabel.get("left kidney");

            List<ScoreDraft> scores = new ArrayList<>();
            for (Claim c : imported.claims()) {
                scores.add(c == lesion
                        ? new ScoreDraft(c.id(), ann, Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL,
                                Localisation.HIT_ONLY, ErrorType.WRONG_SEVERITY_OR_SIZE, Significance.SIGNIFICANT, LESION_NOTE)
                        : new ScoreDraft(c.id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null,
                                Significance.INSIGNIFICANT, null));
            }
            scores.add(new ScoreDraft(lesion.id(), ben, Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, Localisation.MISS,
                    ErrorType.WRONG_LOCATION, Significance.SIGNIFICANT, BEN_LESION_NOTE));
            scores.add(new ScoreDraft(liver.id(), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null,
                    null, null));
            scores.add(new ScoreDraft(spleen.id(), ben, Verdict.UNGRADABLE, EvidenceSupport.NONE_OR_OFF_TARGET, null,
                    null, null, null));
            store.saveScores(scores);
            // ann first thought the liver was incorrect; only her newest score counts.
            store.saveScore(new ScoreDraft(liver.id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD,
                    null, Significance.INSIGNIFICANT, "checked twice"));

            store.reviseClaim(liver.id(), ben, LIVER_EDIT_1);
            store.reviseClaim(liver.id(), ben, LIVER_EDIT_2);
            store.reviseClaim(leftKidney.id(), ann, KIDNEY_EDIT);
            store.addChecks(List.of(new ClaimCheckDraft(lesion.id(), "size", CheckOutcome.FAIL, 1.27, FAILED_SIZE_DETAIL)));
            store.addMissedFinding(caseId, ann, "small right adrenal nodule", GeometryJson.point(new Vec3(-40, 30, -30)));
            store.addMissedFinding(caseId, ben, "gallstone", null);
            store.setAcceptability(caseId, ann, Acceptability.ACCEPTABLE_WITH_EDITS, "lesion size wrong");
            store.setAcceptability(caseId, ben, Acceptability.UNACCEPTABLE, null);

            CtPhantom.Result small = CtPhantom.generate(40, 40, 16, 8.0, 10.0, 0, 7);
            CaseImport.ImportedCase other = CaseImport.add(store, new CaseDraft("1.2.3.4", "Site B", "phantom CT", "CT"),
                    small.ct(), small.labels(), CtPhantom.labelDescriptions(), OTHER_RUN, "HU");
            List<Claim> otherClaims = other.claims();
            store.saveScores(List.of(
                    new ScoreDraft(otherClaims.get(0).id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null,
                            null, null),
                    new ScoreDraft(otherClaims.get(1).id(), ann, Verdict.INCORRECT, EvidenceSupport.SUPPORTS, null,
                            ErrorType.FALSE_FINDING, Significance.SIGNIFICANT, null)));
            return new Project(folder, dicom, phantom, caseId, other.reviewCase().id(), ann, ben, cyd, findings,
                    byLabel, otherClaims, studyRef);
        }
    }

    static OpenedImage open(Path dicom) throws IOException {
        StudyScan scan = StudyScan.scan(List.of(dicom), ProgressListener.NONE, new Cancellation());
        DicomSeries series = scan.studies().get(0).series().get(0);
        return ImageLoader.load(series, series.stacks().get(0), ProgressListener.NONE, new Cancellation());
    }

    /**
     * When the system property attest.pdf.out names a folder, copies the PDF there under the name given, for a
     * person to render (pdftoppm -png -r 60) and look at; otherwise does nothing.
     */
    static void keep(Path pdf, String name) throws IOException {
        String folder = System.getProperty("attest.pdf.out");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Files.createDirectories(Path.of(folder));
        Files.copy(pdf, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
