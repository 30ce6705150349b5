package dev.attest.inference.probe;

import java.math.BigDecimal;

/** Writes a level as its shortest plain decimal ("20", "0.5", "-100"), the way a user typed it. */
public final class LevelFormat {
    private LevelFormat() {
    }

    public static String format(double level) {
        if (Double.isNaN(level) || Double.isInfinite(level)) {
            return Double.toString(level);
        }
        BigDecimal d = BigDecimal.valueOf(level).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
