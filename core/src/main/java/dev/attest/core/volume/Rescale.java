package dev.attest.core.volume;

/** The linear map from stored voxel values to physical values (e.g. Hounsfield units): stored × slope + intercept. */
public record Rescale(double slope, double intercept) {

    public static final Rescale IDENTITY = new Rescale(1, 0);

    public Rescale {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("rescale must be finite, got slope " + slope + ", intercept " + intercept);
        }
    }

    public double apply(double stored) {
        return stored * slope + intercept;
    }

    public boolean isIdentity() {
        return slope == 1 && intercept == 0;
    }
}
