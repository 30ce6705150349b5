package dev.attest.annotation.metrics.groundtruth;

/**
 * Which reviewer correction was compared with which piece of model evidence, and the case, claim and model
 * they belong to (what the tables are split by).
 *
 * @param correctionId the corrected annotation
 * @param correctionKind its form: "mask", "box" or "point"
 * @param editorId the reviewer who made it
 * @param evidenceId the model evidence it was compared with
 * @param evidenceKind that evidence's form: "mask", "box" or "heatmap"
 * @param claimId the claim the evidence belongs to
 * @param caseId the case
 * @param study the case's study reference
 * @param model the model id of the claim's run ("(none)" for a claim without one)
 */
public record Pairing(long correctionId, String correctionKind, long editorId, long evidenceId, String evidenceKind,
        long claimId, long caseId, String study, String model) {
}
