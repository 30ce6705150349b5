package dev.attest.viewer.render;

import java.util.List;

/** A finished measurement as named quantities with units, what {@link MeasurementCsv} writes out. */
public interface Measurement {

    /** One number of a measurement, e.g. ("area", 12.5, "mm2"). */
    record Quantity(String name, double value, String unit) {
    }

    /** What was measured: "distance", "angle", "polygon", "ellipse". */
    String kind();

    /** The user's name for it; may be empty. */
    String label();

    List<Quantity> quantities();
}
