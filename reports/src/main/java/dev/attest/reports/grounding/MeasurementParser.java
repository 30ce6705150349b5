package dev.attest.reports.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sizes and volumes in a sentence. Numbers use a point for decimals and may group thousands with
 * commas ("1,512"); a comma followed by other than three digits ("1,5 cm") is not read as a number, so a
 * decimal comma is never silently misread as a thousands separator. Units: mm, cm (and their spelled-out
 * forms) for sizes, with dimensions joined by "x", "×" or "by"; mL, cc, cm3, cm³ for volumes.
 */
final class MeasurementParser {
    private static final String NUMBER = "(?<![\\p{L}\\d.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern VOLUME = Pattern.compile(
            NUMBER + "\\s*(ml|millilit(?:re|er)s?|cc|cm3|cm³)(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile(
            NUMBER + "((?:\\s*(?:x|×|by)\\s*(?:\\d+(?:\\.\\d+)?))*)\\s*(mm|millimet(?:re|er)s?|cm|centimet(?:re|er)s?)(?![\\p{L}\\d³])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOWING = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** The measurements found and the sentence with their words blanked out. */
    record Result(List<SizeClaim> sizes, List<VolumeClaim> volumes, String rest) {
    }

    private MeasurementParser() {
    }

    static Result parse(String text) {
        StringBuilder rest = new StringBuilder(text);
        List<VolumeClaim> volumes = new ArrayList<>();
        Matcher v = VOLUME.matcher(text);
        while (v.find()) {
            volumes.add(new VolumeClaim(number(v.group(1)), v.group()));
            blank(rest, v.start(), v.end());
        }
        List<SizeClaim> sizes = new ArrayList<>();
        Matcher s = SIZE.matcher(rest.toString());
        while (s.find()) {
            double toMm = s.group(3).toLowerCase(Locale.ROOT).startsWith("c") ? 10 : 1;
            List<Double> dims = new ArrayList<>();
            dims.add(number(s.group(1)) * toMm);
            Matcher more = FOLLOWING.matcher(s.group(2));
            while (more.find()) {
                dims.add(Double.parseDouble(more.group()) * toMm);
            }
            sizes.add(new SizeClaim(dims, s.group()));
            blank(rest, s.start(), s.end());
        }
        return new Result(sizes, volumes, rest.toString());
    }

    private static double number(String digits) {
        return Double.parseDouble(digits.replace(",", ""));
    }

    private static void blank(StringBuilder sb, int start, int end) {
        for (int i = start; i < end; i++) {
            sb.setCharAt(i, ' ');
        }
    }
}
