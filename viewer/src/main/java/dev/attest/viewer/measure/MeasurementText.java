package dev.attest.viewer.measure;

import dev.attest.viewer.render.Angle;
import dev.attest.viewer.render.Distance;
import dev.attest.viewer.render.Measurement;
import dev.attest.viewer.render.PixelStats;
import dev.attest.viewer.render.RoiMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short text shown next to a measurement on the image and in the list: "42.3 mm", "87.5°",
 * "mean 45.1 SD 12.0 min 20.0 max 80.0 HU area 310 mm²". Always with a decimal point, whatever
 * the user's locale, so numbers read the same on screen as in the CSV.
 */
public final class MeasurementText {

    private MeasurementText() {
    }

    /** The text on one line, for the table and the CSV's readers. */
    public static String of(Measurement m) {
        return String.join(" ", lines(m));
    }

    /**
     * The text as drawn on the image: one line for a distance or an angle; two for a region
     * ("mean … SD … HU" and "min … max … area … mm²"), which would run off a view on one line.
     */
    public static List<String> lines(Measurement m) {
        List<String> value = switch (m) {
            case Distance d -> List.of(fixed(d.millimetres()) + " mm");
            case Angle a -> List.of(fixed(a.degrees()) + "°");
            case RoiMeasurement r -> region(r);
            default -> throw new IllegalArgumentException("no text for a " + m.kind());
        };
        if (m.label().isEmpty()) {
            return value;
        }
        List<String> labelled = new ArrayList<>(value);
        labelled.set(0, m.label() + ": " + value.get(0));
        return List.copyOf(labelled);
    }

    private static List<String> region(RoiMeasurement r) {
        PixelStats s = r.stats();
        String unit = r.unit().isEmpty() ? "" : " " + r.unit();
        // Areas of a few mm² need a decimal; beyond 100 mm² a tenth is noise next to the outline's precision.
        String area = r.areaMm2() < 100 ? fixed(r.areaMm2()) : String.format(Locale.ROOT, "%.0f", r.areaMm2());
        return List.of("mean " + fixed(s.mean()) + " SD " + fixed(s.sd()),
                "min " + fixed(s.min()) + " max " + fixed(s.max()) + unit + " area " + area + " mm²");
    }

    /** One decimal; NaN (an empty region, the SD of one pixel) as an en dash. */
    private static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
