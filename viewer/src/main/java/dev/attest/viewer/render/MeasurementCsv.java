package dev.attest.viewer.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes measurements as RFC 4180 CSV, one row per quantity (kind, label, quantity, value, unit),
 * CRLF line ends, so a spreadsheet or pandas opens it without our code. Numbers use Java's
 * locale-independent shortest form; NaN (e.g. the SD of a single pixel) is an empty field.
 */
public final class MeasurementCsv {

    public static final String HEADER = "kind,label,quantity,value,unit";

    private MeasurementCsv() {
    }

    public static String toCsv(List<? extends Measurement> measurements) {
        StringBuilder out = new StringBuilder();
        write(measurements, out);
        return out.toString();
    }

    public static void write(List<? extends Measurement> measurements, Appendable out) {
        try {
            out.append(HEADER).append("\r\n");
            for (Measurement m : measurements) {
                for (Measurement.Quantity q : m.quantities()) {
                    out.append(field(m.kind())).append(',')
                            .append(field(m.label())).append(',')
                            .append(field(q.name())).append(',')
                            .append(number(q.value())).append(',')
                            .append(field(q.unit())).append("\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field when it holds a comma, a double quote, CR or LF, doubling inner quotes. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes a number in the shortest locale-independent form: integers without ".0", NaN as empty. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
