package dev.attest.reports.checks;

/**
 * The thresholds of the checks.
 *
 * @param lateralityPass  fraction of evidence mass on the claimed side at or above which laterality passes
 * @param lateralityFail  fraction at or below which it fails (between the two the evidence straddles the
 *                        reference and the check says UNKNOWN)
 * @param locationInside  fraction of evidence mass inside the claimed structure that location needs to pass
 *                        (and below which, with the peak elsewhere, it fails)
 * @param sizeRelative    relative tolerance of a stated length against the measured one
 * @param volumeRelative  relative tolerance of a stated volume against the measured one
 */
public record Tolerances(double lateralityPass, double lateralityFail, double locationInside, double sizeRelative,
                         double volumeRelative) {
    /**
     * Two thirds on a side is a clear majority; half inside a structure is a majority of the mass; 20% is
     * about the spread between two readers measuring the same lesion on CT (and covers rounding to a
     * tenth of a cm); volumes get the same 20%.
     */
    public static final Tolerances DEFAULT = new Tolerances(2.0 / 3, 1.0 / 3, 0.5, 0.20, 0.20);

    public Tolerances {
        if (!(lateralityFail >= 0 && lateralityFail < lateralityPass && lateralityPass <= 1)) {
            throw new IllegalArgumentException("need 0 <= lateralityFail < lateralityPass <= 1, got "
                    + lateralityFail + ", " + lateralityPass);
        }
        if (!(locationInside > 0 && locationInside <= 1) || !(sizeRelative >= 0) || !(volumeRelative >= 0)) {
            throw new IllegalArgumentException("tolerances out of range: " + locationInside + ", " + sizeRelative
                    + ", " + volumeRelative);
        }
    }
}
