package dev.attest.inference.manifest;

/**
 * Intensity normalisation of the input contract. Kinds and their parameters:
 * WINDOW (lower, upper: clip then scale to [0,1]); ZSCORE (optionally over voxels > lower only when
 * nonzero is true); PERCENTILE (lower, upper are percentiles in [0,100]; values between them scale to
 * [0,1], clip says whether to clip outside); MINMAX (to [0,1]); NONE.
 */
public record Normalisation(Kind kind, double lower, double upper, boolean clip, boolean nonzero) {

    public enum Kind { NONE, WINDOW, ZSCORE, PERCENTILE, MINMAX }

    public static Normalisation none() {
        return new Normalisation(Kind.NONE, 0, 0, false, false);
    }

    public static Normalisation window(double lower, double upper) {
        return new Normalisation(Kind.WINDOW, lower, upper, true, false);
    }

    public static Normalisation zscore(boolean nonzero) {
        return new Normalisation(Kind.ZSCORE, 0, 0, false, nonzero);
    }

    public static Normalisation percentile(double lowerPercent, double upperPercent, boolean clip) {
        return new Normalisation(Kind.PERCENTILE, lowerPercent, upperPercent, clip, false);
    }

    public static Normalisation minMax() {
        return new Normalisation(Kind.MINMAX, 0, 1, false, false);
    }
}
