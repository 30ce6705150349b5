package dev.attest.viewer.overlay;

import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.ColorBar;
import dev.attest.viewer.render.ColorMap;
import dev.attest.viewer.render.ContinuousOverlay;
import java.util.List;
import java.util.Objects;

/**
 * A continuous map (probability, saliency, dose) on any grid in the patient's space, coloured
 * through a colour map over [min, max], transparent below the threshold, at an opacity, with the
 * unit its colour bar shows. Sampled trilinearly on each view's pixels.
 */
public record HeatMapLayer(String name, Volume values, ColorMap map, double min, double max, double threshold,
        double opacity, String unit, boolean visible) implements Overlay {

    public HeatMapLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        unit = unit == null ? "" : unit;
        new ContinuousOverlay(map, min, max, threshold, opacity);
    }

    /** A visible map over [min, max] hiding values below the threshold. */
    public static HeatMapLayer of(String name, Volume values, ColorMap map, double min, double max, double threshold,
            double opacity, String unit) {
        return new HeatMapLayer(name, values, map, min, max, threshold, opacity, unit, true);
    }

    /** How a slice of values is turned into pixels. */
    public ContinuousOverlay style() {
        return new ContinuousOverlay(map, min, max, threshold, opacity);
    }

    /** The colour bar shown beside the image: at most six ticks at round values, labelled with the unit. */
    public ColorBar colorBar() {
        return ColorBar.of(map, min, max, unit, 6);
    }

    public HeatMapLayer withThreshold(double newThreshold) {
        return new HeatMapLayer(name, values, map, min, max, newThreshold, opacity, unit, visible);
    }

    public HeatMapLayer withOpacity(double newOpacity) {
        return new HeatMapLayer(name, values, map, min, max, threshold, newOpacity, unit, visible);
    }

    public HeatMapLayer withMap(ColorMap newMap) {
        return new HeatMapLayer(name, values, newMap, min, max, threshold, opacity, unit, visible);
    }

    public HeatMapLayer withRange(double newMin, double newMax) {
        return new HeatMapLayer(name, values, map, newMin, newMax, threshold, opacity, unit, visible);
    }

    @Override
    public HeatMapLayer withVisible(boolean shown) {
        return new HeatMapLayer(name, values, map, min, max, threshold, opacity, unit, shown);
    }

    /** One entry in the colour of the map's top end. */
    @Override
    public List<LegendEntry> legend() {
        return List.of(new LegendEntry(map.rgbAt(1), unit.isEmpty() ? name : name + " (" + unit + ")",
                LegendEntry.Kind.CONTINUOUS));
    }
}
