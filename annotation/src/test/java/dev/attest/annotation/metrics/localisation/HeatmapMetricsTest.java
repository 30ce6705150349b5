package dev.attest.annotation.metrics.localisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.annotation.metrics.TestVolumes;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;

/** Pointing game and energy in region on small maps whose answers follow by hand. */
class HeatmapMetricsTest {

    private static Volume region() {
        Volume mask = TestVolumes.labels(10, 8, 4, 0.5, 0.5, 3.0);
        for (int y = 2; y < 4; y++) {
            for (int x = 2; x < 5; x++) {
                mask.setStored(x, y, 1, 1);
            }
        }
        return mask;
    }

    @Test
    void aPeakOnTheRegionIsAHit() {
        Volume mask = region();
        Volume map = TestVolumes.floats(mask);
        map.setStored(3, 3, 1, 0.9);
        map.setStored(8, 7, 3, 0.5);
        PointingResult r = HeatmapMetrics.pointingGame(map, mask, 1, 0);
        assertTrue(r.hit());
        assertArrayEquals(new int[] {3, 3, 1}, r.peak());
        assertEquals(0.9, r.peakValue(), 1e-6);
        assertEquals(0.0, r.distanceMm());
    }

    @Test
    void aPeakOneSliceAwayMissesUnlessTheToleranceCoversTheSliceSpacing() {
        Volume mask = region();
        Volume map = TestVolumes.floats(mask);
        // One slice (3 mm) above the region and one column (0.5 mm) past its edge: sqrt(9 + 0.25) mm.
        map.setStored(5, 3, 2, 1.0);
        PointingResult strict = HeatmapMetrics.pointingGame(map, mask, 1, 0);
        assertFalse(strict.hit());
        assertEquals(Math.sqrt(9.25), strict.distanceMm(), 1e-12);
        assertFalse(HeatmapMetrics.pointingGame(map, mask, 1, 3.0).hit());
        assertTrue(HeatmapMetrics.pointingGame(map, mask, 1, 3.05).hit());
    }

    @Test
    void anEmptyRegionIsNeverHit() {
        Volume mask = TestVolumes.labels(3, 3, 1, 1, 1, 1);
        Volume map = TestVolumes.floats(mask);
        map.setStored(1, 1, 0, 1);
        PointingResult r = HeatmapMetrics.pointingGame(map, mask, 1, 100);
        assertFalse(r.hit());
        assertEquals(Double.POSITIVE_INFINITY, r.distanceMm());
    }

    @Test
    void energyInRegionCountsOnlyPositiveSaliency() {
        Volume mask = region();
        Volume map = TestVolumes.floats(mask);
        map.setStored(2, 2, 1, 3.0);
        map.setStored(4, 3, 1, 1.0);
        map.setStored(0, 0, 0, 4.0);
        map.setStored(9, 7, 3, -10.0);
        EnergyResult r = HeatmapMetrics.energyInRegion(map, mask, 1);
        assertEquals(4.0 / 8.0, r.fraction(), 1e-15);
        assertEquals(8.0, r.total(), 1e-12);
        assertTrue(Double.isNaN(HeatmapMetrics.energyInRegion(TestVolumes.floats(mask), mask, 1).fraction()));
    }

    @Test
    void refusesAMapOnAnotherGrid() {
        Volume mask = region();
        Volume map = TestVolumes.floats(TestVolumes.labels(10, 8, 4, 0.5, 0.5, 2.0));
        map.setName("saliency");
        mask.setName("reviewer mask");
        GridMismatchException e = assertThrows(GridMismatchException.class,
                () -> HeatmapMetrics.energyInRegion(map, mask, 1));
        assertTrue(e.getMessage().startsWith("'saliency' ("), e.getMessage());
        assertTrue(e.getMessage().contains("'reviewer mask'"), e.getMessage());
    }
}
