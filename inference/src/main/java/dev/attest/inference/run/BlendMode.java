package dev.attest.inference.run;

/** How overlapping sliding-window predictions are weighted: equally, or by a Gaussian centred on each window. */
public enum BlendMode {
    CONSTANT, GAUSSIAN;

    public static BlendMode parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "constant" -> CONSTANT;
            case "gaussian" -> GAUSSIAN;
            default -> throw new IllegalArgumentException("unknown blend mode '" + text + "' (constant or gaussian)");
        };
    }
}
