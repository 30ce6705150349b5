package dev.attest.reports.evidence;

import dev.attest.core.volume.Volume;

import java.util.Objects;

/**
 * What a model shows for a claim, placed in the patient: a mask, a heat map or a box. Checks weigh a mask's
 * and a box's voxels equally and a heat map's voxels by their positive values.
 */
public sealed interface Evidence {

    /** A segmentation mask. */
    record Mask(VoxelMask mask) implements Evidence {
        public Mask {
            Objects.requireNonNull(mask, "mask");
        }
    }

    /**
     * A heat map (probability, saliency) in any patient grid. Its mass is the sum of its positive values; its
     * peak the first voxel (in index order) holding the maximum; it counts as showing something when that
     * maximum exceeds {@code presenceThreshold}.
     */
    record HeatMap(Volume values, double presenceThreshold) implements Evidence {
        public HeatMap {
            Objects.requireNonNull(values, "values");
            if (!Double.isFinite(presenceThreshold)) {
                throw new IllegalArgumentException("presence threshold must be finite, got " + presenceThreshold);
            }
        }

        /** A heat map that shows something wherever it is positive. */
        public HeatMap(Volume values) {
            this(values, 0);
        }
    }

    /** A box in patient millimetres; it stands for the voxels whose centres lie inside it. */
    record Box(PatientBox box) implements Evidence {
        public Box {
            Objects.requireNonNull(box, "box");
        }
    }
}
