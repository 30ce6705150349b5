package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.RoiMeasurement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Region statistics against references computed with numpy from the voxel centres (the axial
 * reslice of {@link TestVolumes#grid()} has its pixel centres on the voxel centres; the coronal one
 * has 1.5 mm pixels at z = 12.75 - 1.5 j).
 */
class RegionStatsTest {

    private static final Volume LINEAR = TestVolumes.field(TestVolumes::linear);
    private static final ViewPlane AXIAL_K4 = ViewPlane.axial(new Vec3(0, 0, -3));

    private static RoiMeasurement measure(Volume volume, DrawnMeasurement m) {
        return (RoiMeasurement) new MeasurementCalculator(volume, Interpolation.LINEAR).measure(m);
    }

    @Test
    void ellipseOnAConstantRegionHasThatMeanAndNoSpread() {
        Volume constant = TestVolumes.field(p -> 37.25);
        DrawnMeasurement e = new DrawnMeasurement(1, MeasurementKind.ELLIPSE,
                List.of(new Vec3(-11.3, -6.1, -3), new Vec3(3.3, 3.1, -3)), AXIAL_K4, "");
        RoiMeasurement r = measure(constant, e);
        assertEquals(48, r.stats().count());
        assertEquals(37.25, r.stats().mean(), 0);
        assertEquals(0.0, r.stats().sd(), 0);
        assertEquals(37.25, r.stats().min(), 0);
        assertEquals(37.25, r.stats().max(), 0);
        assertEquals(Math.PI * 7.3 * 4.6, r.areaMm2(), 1e-9);
        assertEquals("HU", r.unit());
    }

    @Test
    void ellipseOnALinearFieldMatchesNumpyOverTheInsidePixelCentres() {
        // numpy: centres inside ((x-cx)/rx)^2 + ((y-cy)/ry)^2 <= 1 with cx -4, cy -1.5, rx 7.3, ry 4.6 at z = -3
        DrawnMeasurement e = new DrawnMeasurement(1, MeasurementKind.ELLIPSE,
                List.of(new Vec3(-11.3, -6.1, -3), new Vec3(3.3, 3.1, -3)), AXIAL_K4, "");
        RoiMeasurement r = measure(LINEAR, e);
        assertEquals(48, r.stats().count());
        assertEquals(1.6875, r.stats().mean(), 1e-12);
        assertEquals(10.248313301803126, r.stats().sd(), 1e-12);
        assertEquals(-17.0, r.stats().min(), 0);
        assertEquals(20.5, r.stats().max(), 0);
        assertEquals(105.49468130754525, r.areaMm2(), 1e-9);
    }

    @Test
    void ellipseCentredOnAPixelOfALinearFieldHasTheCentreValueAsMean() {
        // The inside pixels are symmetric about the centre, so a linear field averages to f(centre).
        Vec3 centre = new Vec3(-3, -5, -3);
        DrawnMeasurement e = new DrawnMeasurement(1, MeasurementKind.ELLIPSE,
                List.of(centre.sub(new Vec3(6.2, 4.1, 0)), centre.add(new Vec3(6.2, 4.1, 0))), AXIAL_K4, "");
        RoiMeasurement r = measure(LINEAR, e);
        assertEquals(TestVolumes.linear(centre), r.stats().mean(), 1e-12);
        assertEquals(14.5, r.stats().mean(), 1e-12);
        assertEquals(33, r.stats().count());
        assertEquals(8.510104288432663, r.stats().sd(), 1e-12);
    }

    @Test
    void rectangleOnACoronalPlaneHasItsAreaInMm2AndNumpyStatistics() {
        double y = -9.5;
        DrawnMeasurement rect = new DrawnMeasurement(1, MeasurementKind.POLYGON, List.of(
                new Vec3(-10.3, y, 1.8), new Vec3(-0.3, y, 1.8), new Vec3(-0.3, y, -4.2), new Vec3(-10.3, y, -4.2)),
                ViewPlane.coronal(new Vec3(0, y, 0)), "");
        RoiMeasurement r = measure(LINEAR, rect);
        assertEquals(60.0, r.areaMm2(), 1e-9);                 // 10 mm x 6 mm
        // Coronal pixels interpolate between 3 mm slices; a linear field comes out exact.
        assertEquals(24, r.stats().count());
        assertEquals(24.25, r.stats().mean(), 1e-5);
        assertEquals(5.303300858899107, r.stats().sd(), 1e-5);
        assertEquals(15.625, r.stats().min(), 1e-5);
        assertEquals(32.875, r.stats().max(), 1e-5);
    }

    @Test
    void aRegionIsMeasuredOnlyOnTheResliceOfItsOwnPlane() {
        DrawnMeasurement e = new DrawnMeasurement(9, MeasurementKind.ELLIPSE,
                List.of(new Vec3(-5, -5, -3), new Vec3(5, 5, -3)), AXIAL_K4, "");
        var nextSlice = PlaneResampler.resample(LINEAR, ViewPlane.axial(new Vec3(0, 0, 0)), Interpolation.LINEAR);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> MeasurementCalculator.measureRegion(e, nextSlice));
        assertEquals(true, ex.getMessage().startsWith("measurement 9 on plane"), ex.getMessage());
        var ownSlice = PlaneResampler.resample(LINEAR, ViewPlane.axial(new Vec3(12, 3, -3)), Interpolation.LINEAR);
        assertEquals(measure(LINEAR, e), MeasurementCalculator.measureRegion(e, ownSlice));
    }
}
