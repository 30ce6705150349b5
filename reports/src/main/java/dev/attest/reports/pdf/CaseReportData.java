package dev.attest.reports.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a case report PDF prints, filled by the caller from the project store; no lookups happen here.
 *
 * @param modelVersion  ignored when {@code blinded}: a blinded report never names the model
 * @param attestVersion printed in every page footer and the document's creator field
 */
public record CaseReportData(String title, String caseId, String studyRef, String site, String scanner,
                             String modality, String modelId, String modelVersion, boolean blinded,
                             Instant generatedAt, String attestVersion, List<KeyImage> keyImages,
                             List<ClaimRow> claims, List<MissedFinding> missedFindings,
                             List<Acceptability> acceptability) {

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
    }

    /** The model as the report names it: "blinded" in blinded mode, so the PDF cannot unblind a reviewer. */
    public String modelLabel() {
        if (blinded) {
            return "blinded";
        }
        return modelVersion == null || modelVersion.isBlank() ? modelId : modelId + " " + modelVersion;
    }
}
