package dev.attest.viewer.measure;

import java.util.List;

/**
 * One line of the measurement table the app shows: id, kind, label and the value as on the image.
 *
 * @param value the text of {@link MeasurementText}, without the label
 */
public record MeasurementRow(long id, MeasurementKind kind, String label, String value) {

    public static MeasurementRow of(DrawnMeasurement m, MeasurementCalculator calculator) {
        return new MeasurementRow(m.id(), m.kind(), m.label(), MeasurementText.of(calculator.measure(m.withLabel(""))));
    }

    /** Rows for the whole list, in its order. */
    public static List<MeasurementRow> of(MeasurementList list, MeasurementCalculator calculator) {
        return list.all().stream().map(m -> of(m, calculator)).toList();
    }
}
