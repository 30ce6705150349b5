package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.render.Angle;
import dev.attest.viewer.render.Distance;
import dev.attest.viewer.render.PixelStats;
import dev.attest.viewer.render.RoiMeasurement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MeasurementTextTest {

    @Test
    void formatsEachKindWithOneDecimalWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);                     // would write 42,3
        try {
            assertEquals("42.3 mm", MeasurementText.of(new Distance("", Vec3.ZERO, new Vec3(42.25, 0, 1e-9))));
            assertEquals("lesion: 5.0 mm", MeasurementText.of(new Distance("lesion", Vec3.ZERO, new Vec3(3, 4, 0))));
            assertEquals("87.5°", MeasurementText.of(new Angle("", new Vec3(1, 0, 0), Vec3.ZERO,
                    new Vec3(Math.cos(Math.toRadians(87.5)), Math.sin(Math.toRadians(87.5)), 0))));
            assertEquals("mean 45.1 SD 12.0 min -3.0 max 90.5 HU area 310 mm²", MeasurementText.of(new RoiMeasurement(
                    "ellipse", "", 310.4, new PixelStats(40, 45.12, 11.96, -3, 90.5), "HU")));
            assertEquals("mean 7.0 SD – min 7.0 max 7.0 area 2.3 mm²", MeasurementText.of(new RoiMeasurement(
                    "polygon", "", 2.25, new PixelStats(1, 7, Double.NaN, 7, 7), "")));
            assertEquals(List.of("liver: mean 60.0 SD 12.0", "min 23.0 max 92.0 HU area 393 mm²"),
                    MeasurementText.lines(new RoiMeasurement("ellipse", "liver", 392.7,
                            new PixelStats(170, 60.04, 12.01, 23, 92), "HU")));
            assertEquals(List.of("87.5°"), MeasurementText.lines(new Angle("", new Vec3(1, 0, 0), Vec3.ZERO,
                    new Vec3(Math.cos(Math.toRadians(87.5)), Math.sin(Math.toRadians(87.5)), 0))));
        } finally {
            Locale.setDefault(before);
        }
    }
}
