package dev.attest.reports.lexicon;

/**
 * A position qualifier naming one half of a structure: superior/inferior along patient z, anterior/posterior
 * along patient y, medial/lateral along patient x relative to the body midline. Left and right are {@link Side}s.
 */
public enum Part {
    SUPERIOR, INFERIOR, ANTERIOR, POSTERIOR, MEDIAL, LATERAL;

    /** The part naming the other half, so that "upper and lower" can be refused as a contradiction. */
    public Part opposite() {
        return switch (this) {
            case SUPERIOR -> INFERIOR;
            case INFERIOR -> SUPERIOR;
            case ANTERIOR -> POSTERIOR;
            case POSTERIOR -> ANTERIOR;
            case MEDIAL -> LATERAL;
            case LATERAL -> MEDIAL;
        };
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
