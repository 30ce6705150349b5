package dev.attest.inference.evidence;

import dev.attest.inference.engine.FloatTensor;

/**
 * An evidence map in the network's input space: {@code values} has shape [z, y, x] like the input patch,
 * {@code method} says how it was made, {@code regionVoxels} how many voxels the explained region held
 * (0 means there was nothing to explain and the map is all zeros).
 */
public record EvidenceMap(FloatTensor values, EvidenceMethod method, int regionVoxels) {
}
