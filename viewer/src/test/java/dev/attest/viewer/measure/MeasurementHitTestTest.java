package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasurementHitTestTest {

    /** An axial view at 4 screen pixels per mm with the LPS origin at screen (100, 50). */
    private static final ScreenProjection VIEW = p -> new double[] {100 + 4 * p.x(), 50 + 4 * p.y()};
    private static final ViewPlane AXIAL = ViewPlane.axial(Vec3.ZERO);

    private final DrawnMeasurement line = new DrawnMeasurement(1, MeasurementKind.DISTANCE,
            List.of(new Vec3(0, 0, 0), new Vec3(10, 0, 0)), AXIAL, "");
    private final DrawnMeasurement ellipse = new DrawnMeasurement(2, MeasurementKind.ELLIPSE,
            List.of(new Vec3(20, 20, 0), new Vec3(30, 26, 0)), AXIAL, "");

    @Test
    void findsTheNearestHandleWithinTheScreenTolerance() {
        // Handle 1 of the line is at screen (140, 50); the cursor is 3 px right and 4 px down of it.
        MeasurementHitTest.HandleHit hit = MeasurementHitTest.nearestHandle(List.of(line, ellipse), 143, 54, VIEW, 6)
                .orElseThrow();
        assertEquals(line, hit.measurement());
        assertEquals(1, hit.handle());
        assertEquals(5.0, hit.distancePx(), 1e-12);
        assertEquals(Optional.empty(), MeasurementHitTest.nearestHandle(List.of(line, ellipse), 143, 54, VIEW, 4.9));
        // The ellipse's second corner (30, 26) mm is at screen (220, 154).
        assertEquals(1, MeasurementHitTest.nearestHandle(List.of(line, ellipse), 219, 153, VIEW, 6).orElseThrow().handle());
    }

    @Test
    void findsTheMeasurementUnderTheCursorByItsLineOrInsideItsRegion() {
        List<DrawnMeasurement> both = List.of(line, ellipse);
        assertEquals(Optional.of(line), MeasurementHitTest.under(both, 120, 53, VIEW, 4));   // 3 px below the middle
        assertEquals(Optional.empty(), MeasurementHitTest.under(both, 120, 55, VIEW, 4));
        assertEquals(Optional.of(ellipse), MeasurementHitTest.under(both, 200, 142, VIEW, 4)); // centre (25, 23) mm
        // The bounding box corner lies outside the ellipse and more than 4 px from its outline.
        assertEquals(Optional.empty(), MeasurementHitTest.under(both, 181, 81, VIEW, 4));
    }

    @Test
    void draggingAHandleFoundOnScreenChangesTheValue() {
        MeasurementHitTest.HandleHit hit = MeasurementHitTest.nearestHandle(List.of(line), 140, 50, VIEW, 6).orElseThrow();
        // The mouse is released at screen (140, 90): (10, 10) mm.
        DrawnMeasurement edited = hit.measurement().withPoint(hit.handle(), new Vec3((140 - 100) / 4.0, (90 - 50) / 4.0, 0));
        assertTrue(edited.point(1).equals(new Vec3(10, 10, 0)));
        assertEquals(Math.sqrt(200), edited.point(0).distance(edited.point(1)), 1e-12);
    }
}
