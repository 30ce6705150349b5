package dev.attest.annotation.metrics.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.TestVolumes;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;

/** Box IoU and box-pixel precision and recall, counted by hand. */
class BoxMetricsTest {

    @Test
    void overlappingBoxesIn2d() {
        // Predicted 10 x 10 at (0, 0); reference 10 x 5 at (5, 5): overlap 5 x 5 = 25, union 100 + 50 - 25.
        BoxScores s = BoxMetrics.compare(new VoxelBox(0, 0, 0, 10, 10, 1), new VoxelBox(5, 5, 0, 15, 10, 1));
        assertEquals(25.0 / 125, s.iou(), 1e-15);
        assertEquals(25.0 / 100, s.pixelPrecision(), 1e-15);
        assertEquals(25.0 / 50, s.pixelRecall(), 1e-15);
        assertEquals(25, s.overlapVoxels());
    }

    @Test
    void disjointBoxesScoreZeroAndAnEmptyBoxHasNoPrecision() {
        BoxScores apart = BoxMetrics.compare(new VoxelBox(0, 0, 0, 2, 2, 2), new VoxelBox(2, 0, 0, 4, 2, 2));
        assertEquals(0.0, apart.iou());
        BoxScores empty = BoxMetrics.compare(new VoxelBox(3, 3, 0, 3, 5, 1), new VoxelBox(0, 0, 0, 4, 4, 1));
        assertTrue(Double.isNaN(empty.pixelPrecision()));
        assertEquals(0.0, empty.pixelRecall());
    }

    @Test
    void aBoxAgainstAReviewerMaskCountsTheMaskVoxels() {
        Volume mask = TestVolumes.labels(6, 6, 3, 0.8, 0.8, 2.5);
        // Label 2: a plus sign of 5 voxels centred on (2, 2, 1); label 3 elsewhere must not count.
        int[][] plus = {{2, 2}, {1, 2}, {3, 2}, {2, 1}, {2, 3}};
        for (int[] p : plus) {
            mask.setStored(p[0], p[1], 1, 2);
        }
        mask.setStored(5, 5, 1, 3);
        // Box [1, 3) x [1, 3) x [1, 2): 4 voxels, holding (1,2), (2,2), (2,1) of the plus.
        BoxScores s = BoxMetrics.compare(new VoxelBox(1, 1, 1, 3, 3, 2), mask, 2);
        assertEquals(3.0 / 4, s.pixelPrecision(), 1e-15);
        assertEquals(3.0 / 5, s.pixelRecall(), 1e-15);
        assertEquals(3.0 / 6, s.iou(), 1e-15);
        assertEquals(6, BoxMetrics.compare(new VoxelBox(1, 1, 1, 3, 3, 2), mask, BoxMetrics.ANY_LABEL).referenceVoxels());
    }

    @Test
    void refusesABoxOutsideTheGrid() {
        Volume mask = TestVolumes.labels(4, 4, 1, 1, 1, 1);
        mask.setName("reviewer box");
        MetricInputException e = assertThrows(MetricInputException.class,
                () -> BoxMetrics.compare(new VoxelBox(2, 2, 0, 5, 3, 1), mask, 1));
        assertEquals("VoxelBox[x0=2, y0=2, z0=0, x1=5, y1=3, z1=1] reaches outside the 4 x 4 x 1 grid of 'reviewer box'",
                e.getMessage());
    }
}
