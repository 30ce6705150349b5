package dev.attest.core.volume;

import java.util.Arrays;

/**
 * The rescale of every slice of a volume, held as one immutable object so that readers on other
 * threads never see the slopes of one setting with the intercepts of another.
 */
final class RescaleTable {

    private final Rescale uniform;
    private final double[] slopes;
    private final double[] intercepts;

    private RescaleTable(Rescale uniform, double[] slopes, double[] intercepts) {
        this.uniform = uniform;
        this.slopes = slopes;
        this.intercepts = intercepts;
    }

    static RescaleTable uniform(Rescale rescale) {
        return new RescaleTable(rescale, null, null);
    }

    /** Builds a per-slice table, collapsing it to a uniform one when every slice agrees. */
    static RescaleTable perSlice(double[] slopes, double[] intercepts, int sizeZ) {
        if (slopes.length != sizeZ || intercepts.length != sizeZ) {
            throw new IllegalArgumentException("per-slice rescale needs " + sizeZ + " slopes and intercepts, got "
                    + slopes.length + " and " + intercepts.length);
        }
        for (int z = 0; z < sizeZ; z++) {
            if (!Double.isFinite(slopes[z]) || !Double.isFinite(intercepts[z])) {
                throw new IllegalArgumentException("rescale of slice " + z + " must be finite, got slope "
                        + slopes[z] + ", intercept " + intercepts[z]);
            }
        }
        boolean same = true;
        for (int z = 1; z < sizeZ && same; z++) {
            same = slopes[z] == slopes[0] && intercepts[z] == intercepts[0];
        }
        return same
                ? uniform(new Rescale(slopes[0], intercepts[0]))
                : new RescaleTable(null, slopes.clone(), intercepts.clone());
    }

    boolean isUniform() {
        return uniform != null;
    }

    /** The volume-wide rescale; only meaningful when {@link #isUniform()}. */
    Rescale uniformRescale() {
        if (uniform == null) {
            throw new IllegalStateException("rescale differs between slices; use slope(z) and intercept(z)");
        }
        return uniform;
    }

    double slope(int z) {
        return uniform != null ? uniform.slope() : slopes[z];
    }

    double intercept(int z) {
        return uniform != null ? uniform.intercept() : intercepts[z];
    }

    @Override
    public String toString() {
        return uniform != null ? uniform.toString()
                : "per-slice slopes " + Arrays.toString(slopes) + " intercepts " + Arrays.toString(intercepts);
    }
}
