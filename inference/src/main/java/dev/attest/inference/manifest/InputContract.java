package dev.attest.inference.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the network expects. {@code targetSpacing} null means the image's own spacing; {@code orientation}
 * is a three-letter code of the array axes (e.g. "RAS", "LPS"; null = as stored). {@code axisOrder} says
 * how spatial axes appear in the tensor: "zyx" (x fastest, Attest's memory order, [N,C,z,y,x]) or "xyz"
 * (nibabel/MONAI order, [N,C,x,y,z]). {@code patchSize} (x, y, z) null means the whole volume in one pass;
 * {@code overlap} is the sliding-window overlap fraction in [0,1).
 */
public record InputContract(String modality, int channels, double[] targetSpacing, String orientation,
                            String axisOrder, Normalisation normalisation, int[] patchSize, double overlap,
                            int batchSize) {

    public InputContract {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1");
        }
        if (targetSpacing != null && targetSpacing.length != 3) {
            throw new IllegalArgumentException("targetSpacing needs 3 values");
        }
        if (patchSize != null && patchSize.length != 3) {
            throw new IllegalArgumentException("patchSize needs 3 values (x, y, z)");
        }
        if (overlap < 0 || overlap >= 1) {
            throw new IllegalArgumentException("overlap must be in [0, 1)");
        }
        axisOrder = axisOrder == null ? "zyx" : axisOrder;
        if (!List.of("zyx", "xyz").contains(axisOrder)) {
            throw new IllegalArgumentException("axisOrder must be zyx or xyz, not " + axisOrder);
        }
        normalisation = normalisation == null ? Normalisation.none() : normalisation;
        batchSize = Math.max(1, batchSize);
        targetSpacing = targetSpacing == null ? null : targetSpacing.clone();
        patchSize = patchSize == null ? null : patchSize.clone();
    }

    /** Value equality, arrays included (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof InputContract c && channels == c.channels && Double.compare(overlap, c.overlap) == 0
                && batchSize == c.batchSize && Objects.equals(modality, c.modality)
                && Arrays.equals(targetSpacing, c.targetSpacing) && Objects.equals(orientation, c.orientation)
                && axisOrder.equals(c.axisOrder) && normalisation.equals(c.normalisation)
                && Arrays.equals(patchSize, c.patchSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modality, channels, Arrays.hashCode(targetSpacing), orientation, axisOrder, normalisation,
                Arrays.hashCode(patchSize), overlap, batchSize);
    }

    @Override
    public String toString() {
        return "InputContract[modality=" + modality + ", channels=" + channels + ", targetSpacing="
                + Arrays.toString(targetSpacing) + ", orientation=" + orientation + ", axisOrder=" + axisOrder
                + ", normalisation=" + normalisation + ", patchSize=" + Arrays.toString(patchSize) + ", overlap=" + overlap
                + ", batchSize=" + batchSize + "]";
    }
}
