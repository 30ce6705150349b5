package dev.attest.viewer.render;

import java.util.List;

/** A region's geometric area and the statistics of the pixels inside it, in the slice's value unit. */
public record RoiMeasurement(String kind, String label, double areaMm2, PixelStats stats, String unit)
        implements Measurement {

    @Override
    public List<Quantity> quantities() {
        return List.of(
                new Quantity("area", areaMm2, "mm2"),
                new Quantity("mean", stats.mean(), unit),
                new Quantity("sd", stats.sd(), unit),
                new Quantity("min", stats.min(), unit),
                new Quantity("max", stats.max(), unit),
                new Quantity("count", stats.count(), "pixels"));
    }
}
