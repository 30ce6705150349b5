package dev.attest.annotation.metrics.groundtruth;

/**
 * A correction, or one pairing of it with model evidence, that could not be measured.
 *
 * @param correctionId the corrected annotation
 * @param correctionKind its form: "mask", "box" or "point"
 * @param evidenceId the evidence it was to be compared with, or null when there was none to name
 * @param caseId the case
 * @param study the case's study reference
 * @param model the model of the evidence's claim ("(none)" when unknown)
 * @param reason why, as a code
 * @param detail what exactly, naming the records and files (project-relative paths)
 */
public record SkippedComparison(long correctionId, String correctionKind, Long evidenceId, long caseId, String study,
        String model, SkipReason reason, String detail) {
}
