package dev.attest.annotation.claims;

import dev.attest.annotation.edit.IndexBox;
import dev.attest.core.geometry.Vec3;

import java.util.Objects;

/** What a claim points to in the case's images: a label of a mask, a box or a point. */
public sealed interface ClaimEvidence {

    /** The voxels of labelMap holding labelValue; labelMap names the label map (its file, or the volume's name). */
    record Mask(String labelMap, int labelValue) implements ClaimEvidence {
        public Mask {
            Objects.requireNonNull(labelMap, "labelMap");
            if (labelValue <= 0) {
                throw new IllegalArgumentException("mask evidence needs a label value >= 1, got " + labelValue);
            }
        }
    }

    /** An index-space box in the named image. */
    record Box(String image, IndexBox box) implements ClaimEvidence {
        public Box {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(box, "box");
        }
    }

    /** A point in LPS millimetres. */
    record Point(Vec3 lps) implements ClaimEvidence {
        public Point {
            Objects.requireNonNull(lps, "lps");
        }
    }
}
