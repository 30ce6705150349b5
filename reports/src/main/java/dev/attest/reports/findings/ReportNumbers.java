package dev.attest.reports.findings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as report sentences write them, the same in every locale (comma groups thousands, point for
 * decimals), rounded half away from zero: volumes of 10 mL or more to whole mL ("1,512"), from 0.1 mL to
 * one decimal ("3.6": a small nodule should not read "4 mL"), below that to two ("0.03": a one-voxel
 * finding should not read "0.0"); lengths to a tenth of a centimetre.
 */
public final class ReportNumbers {
    private ReportNumbers() {
    }

    public static String millilitres(double ml) {
        BigDecimal tenths = BigDecimal.valueOf(ml).setScale(1, RoundingMode.HALF_UP);
        if (tenths.compareTo(BigDecimal.TEN) >= 0) {
            return format("#,##0", BigDecimal.valueOf(ml).setScale(0, RoundingMode.HALF_UP));
        }
        if (tenths.compareTo(new BigDecimal("0.1")) >= 0) {
            return format("0.0", tenths);
        }
        return format("0.00", BigDecimal.valueOf(ml).setScale(2, RoundingMode.HALF_UP));
    }

    /** A length given in mm, written in cm with one decimal. */
    public static String centimetres(double mm) {
        return format("0.0", BigDecimal.valueOf(mm / 10).setScale(1, RoundingMode.HALF_UP));
    }

    private static String format(String pattern, BigDecimal value) {
        // DecimalFormat is not thread-safe, so one per call; these are short strings.
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
