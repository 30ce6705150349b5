package dev.attest.annotation.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Words for a segmented finding, "liver, 1,512 mL, mean 55 HU", the same in every locale (comma
 * thousands separator, point decimal). Rounding is half away from zero: volumes of 10 mL or more to
 * whole mL, smaller ones to 0.1 mL (a 3.6 mL nodule should not read "4 mL"); means to whole units.
 */
public final class FindingText {
    private FindingText() {
    }

    public static String of(String name, double volumeMl, double mean, String unit) {
        String text = name + ", " + volume(volumeMl) + " mL, mean " + whole(mean);
        return unit == null || unit.isBlank() ? text : text + " " + unit.strip();
    }

    static String volume(double ml) {
        BigDecimal tenths = BigDecimal.valueOf(ml).setScale(1, RoundingMode.HALF_UP);
        if (tenths.compareTo(BigDecimal.TEN) < 0) {
            return format("0.0", tenths);
        }
        return whole(ml);
    }

    static String whole(double value) {
        return format("#,##0", BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP));
    }

    private static String format(String pattern, BigDecimal value) {
        // DecimalFormat is not thread-safe, so one per call; these are short strings.
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
