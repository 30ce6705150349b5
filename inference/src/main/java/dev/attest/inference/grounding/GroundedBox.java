package dev.attest.inference.grounding;

import dev.attest.core.geometry.Vec3;

import java.util.List;

/**
 * One box a grounding model placed for a phrase: which of the model's boxes it was ({@code index}), its
 * score after the manifest's activation, the box on the slice ({@link SliceBox} index coordinates) and
 * its four corners in patient LPS mm.
 */
public record GroundedBox(int index, double score, SliceBox slice, List<Vec3> cornersLps) {

    public GroundedBox {
        cornersLps = List.copyOf(cornersLps);
    }
}
