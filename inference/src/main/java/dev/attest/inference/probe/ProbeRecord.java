package dev.attest.inference.probe;

/**
 * The stability of one perturbation at one level against the unperturbed run of the same image.
 *
 * @param perturbation what was done to the image (kind, level, seed, options)
 * @param dice         per-label and mean Dice of the labels against the unperturbed labels
 * @param pearson      Pearson's r of the evidence maps (NaN when either is constant)
 * @param topOverlap   Dice of the evidence maps' top-k% voxel sets
 * @param millis       wall time of perturbing, running and comparing
 */
public record ProbeRecord(Perturbation perturbation, LabelDice dice, double pearson, double topOverlap, long millis) {
}
