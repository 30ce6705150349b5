package dev.attest.reports.grounding;

import java.util.Collections;
import java.util.List;

/**
 * A linear size stated in a sentence ("3 cm", "12 mm", "1.5 x 2 cm"), each dimension converted to mm,
 * with the words it was read from.
 */
public record SizeClaim(List<Double> dimensionsMm, String text) {
    public SizeClaim {
        if (dimensionsMm.isEmpty()) {
            throw new IllegalArgumentException("a size needs at least one dimension");
        }
        dimensionsMm = List.copyOf(dimensionsMm);
    }

    /** The largest dimension: what is compared with a finding's longest diameter. */
    public double largestMm() {
        return Collections.max(dimensionsMm);
    }
}
