package dev.attest.reports.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a case report PDF prints, filled by the caller from the project store; no lookups happen here.
 *
 * @param modelVersion  ignored when {@code blinded}: a blinded report never names the model
 * @param attestVersion printed in every page footer and the document's creator field
 * @param modelRuns     the runs whose claims the report lists, printed as a table under the case facts; must be
 *                      empty when {@code blinded}, since a run names its model
 * @param keyImageNote  printed under the key images, or in their place when there are none: why some or all
 *                      are missing (e.g. the image could not be reopened); may be empty
 * @param corrections   the reviewers' corrections of the case against the model's evidence, printed after the
 *                      claims when there are any
 */
public record CaseReportData(String title, String caseId, String studyRef, String site, String scanner,
                             String modality, String modelId, String modelVersion, boolean blinded,
                             Instant generatedAt, String attestVersion, List<KeyImage> keyImages,
                             List<ClaimRow> claims, List<MissedFinding> missedFindings,
                             List<Acceptability> acceptability, List<ModelRunRow> modelRuns, String keyImageNote,
                             Corrections corrections) {

    /**
     * One reviewer correction of the case against one piece of the model's evidence, as printed.
     *
     * @param claimIndex the claim's number in the claims table, or 0 when the correction belongs to no claim
     * @param claim      the claim's text as the claims table prints it; may be empty
     * @param correction the correction's form and who made it, e.g. "mask by ann"
     * @param evidence   the model evidence it was compared with ("mask", "box", "heat map"), or "-" when none
     * @param result     the agreement, e.g. "Dice 0.500, IoU 0.333", or why it could not be measured
     */
    public record CorrectionRow(int claimIndex, String claim, String correction, String evidence, String result) {
        public CorrectionRow {
            Objects.requireNonNull(correction, "correction");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(result, "result");
            claim = claim == null ? "" : claim;
        }
    }

    /**
     * The case's corrections against the model's evidence.
     *
     * @param rows one per comparison or skipped comparison, in the order printed
     * @param note how they were measured (e.g. the pointing-game tolerance), printed under the table; may be empty
     */
    public record Corrections(List<CorrectionRow> rows, String note) {
        /** A case without corrections: the section is left out. */
        public static final Corrections NONE = new Corrections(List.of(), "");

        public Corrections {
            rows = List.copyOf(rows);
            note = note == null ? "" : note;
        }
    }

    /**
     * One model run of the case as printed: its label (e.g. "run 3"), model, engine, device, times and weights
     * checksum; any of the strings may be null when the project did not record it.
     */
    public record ModelRunRow(String label, String model, String version, String engine, String device,
                              Instant started, Instant ended, String weightsSha256) {
        public ModelRunRow {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(model, "model");
        }
    }

    /** A finding the model did not claim, as listed by one reviewer. */
    public record MissedFinding(String text, String reviewer) {
        public MissedFinding {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reviewer, "reviewer");
        }
    }

    /** One reviewer's overall judgement of the whole report, e.g. "acceptable with edits". */
    public record Acceptability(String reviewer, String judgement) {
        public Acceptability {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(judgement, "judgement");
        }
    }

    public CaseReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(attestVersion, "attestVersion");
        keyImages = List.copyOf(keyImages);
        claims = List.copyOf(claims);
        missedFindings = List.copyOf(missedFindings);
        acceptability = List.copyOf(acceptability);
        modelRuns = List.copyOf(modelRuns);
        keyImageNote = keyImageNote == null ? "" : keyImageNote;
        Objects.requireNonNull(corrections, "corrections");
        if (blinded && !modelRuns.isEmpty()) {
            throw new IllegalArgumentException("a blinded case report cannot list model runs: they name the model");
        }
    }

    /** A report without corrections. */
    public CaseReportData(String title, String caseId, String studyRef, String site, String scanner, String modality,
                          String modelId, String modelVersion, boolean blinded, Instant generatedAt,
                          String attestVersion, List<KeyImage> keyImages, List<ClaimRow> claims,
                          List<MissedFinding> missedFindings, List<Acceptability> acceptability,
                          List<ModelRunRow> modelRuns, String keyImageNote) {
        this(title, caseId, studyRef, site, scanner, modality, modelId, modelVersion, blinded, generatedAt,
                attestVersion, keyImages, claims, missedFindings, acceptability, modelRuns, keyImageNote,
                Corrections.NONE);
    }

    /** A report without a model-run table, key-image note or corrections. */
    public CaseReportData(String title, String caseId, String studyRef, String site, String scanner, String modality,
                          String modelId, String modelVersion, boolean blinded, Instant generatedAt,
                          String attestVersion, List<KeyImage> keyImages, List<ClaimRow> claims,
                          List<MissedFinding> missedFindings, List<Acceptability> acceptability) {
        this(title, caseId, studyRef, site, scanner, modality, modelId, modelVersion, blinded, generatedAt,
                attestVersion, keyImages, claims, missedFindings, acceptability, List.of(), "");
    }

    /** The model as the report names it: "blinded" in blinded mode, so the PDF cannot unblind a reviewer. */
    public String modelLabel() {
        if (blinded) {
            return "blinded";
        }
        return modelVersion == null || modelVersion.isBlank() ? modelId : modelId + " " + modelVersion;
    }
}
