package dev.attest.viewer.measure;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.render.Measurement;
import dev.attest.viewer.render.MeasurementCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes drawn measurements as CSV with where each one lies, so a measurement can be found again
 * and checked without our code: one row per quantity, with the id, kind, label, drawing plane
 * (unit normal and offset along it from the LPS origin), the control points in LPS mm ("x y z"
 * separated by ";"), the quantity, its value and unit. Quoting, numbers and CRLF line ends follow
 * {@link MeasurementCsv}.
 */
public final class MeasurementExport {

    public static final String HEADER = "id,kind,label,plane_normal_lps,plane_offset_mm,points_lps,quantity,value,unit";

    private MeasurementExport() {
    }

    public static String toCsv(List<DrawnMeasurement> measurements, MeasurementCalculator calculator) {
        StringBuilder out = new StringBuilder();
        write(measurements, calculator, out);
        return out.toString();
    }

    /** Writes the CSV to a file in UTF-8 (labels may hold any character), replacing it. */
    public static void write(List<DrawnMeasurement> measurements, MeasurementCalculator calculator, Path file)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(measurements, calculator, w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void write(List<DrawnMeasurement> measurements, MeasurementCalculator calculator, Appendable out) {
        try {
            out.append(HEADER).append("\r\n");
            for (DrawnMeasurement m : measurements) {
                String where = m.id() + "," + m.kind().key() + "," + MeasurementCsv.field(m.label()) + ","
                        + coordinates(m.plane().normal()) + "," + MeasurementCsv.number(m.planeOffsetMm()) + ","
                        + points(m.points()) + ",";
                for (Measurement.Quantity q : calculator.measure(m).quantities()) {
                    out.append(where).append(MeasurementCsv.field(q.name())).append(',')
                            .append(MeasurementCsv.number(q.value())).append(',')
                            .append(MeasurementCsv.field(q.unit())).append("\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String coordinates(Vec3 p) {
        return MeasurementCsv.number(p.x()) + " " + MeasurementCsv.number(p.y()) + " " + MeasurementCsv.number(p.z());
    }

    private static String points(List<Vec3> points) {
        StringBuilder sb = new StringBuilder();
        for (Vec3 p : points) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(coordinates(p));
        }
        return sb.toString();
    }
}
