package dev.attest.inference.run;

import dev.attest.core.geometry.ImageGrid;

/**
 * A pre-processed single-channel image as the network sees it (resampled, normalised; x fastest,
 * z slowest) with the grid that places it in the patient, so anything computed on it can be mapped
 * back to the source grid ({@link InferenceRunner#mapToSource}).
 */
public record NetworkInput(ImageGrid grid, float[] data) {
}
