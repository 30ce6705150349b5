package dev.attest.viewer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WindowLevelTest {

    // Expected grey levels are the PS3.3 C.11.2.1.2.1 formula worked by hand:
    // y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255, rounded half up.

    @Test
    void lungWindowMapsEdgesAndCentreByTheDicomLinearFunction() {
        WindowLevel lung = WindowLevel.CT_LUNG;
        assertEquals(-1350.0, lung.lowerEdge());
        assertEquals(149.0, lung.upperEdge());
        assertEquals(0, lung.map(-1351));
        assertEquals(0, lung.map(-1350));      // x <= c - 0.5 - (w-1)/2 -> ymin
        assertEquals(0, lung.map(-1349));      // 0.085 rounds to 0
        assertEquals(127, lung.map(-601));     // 127.41
        assertEquals(128, lung.map(-600.5));   // exactly 127.5
        assertEquals(128, lung.map(-600));     // 127.59
        assertEquals(255, lung.map(148));      // 254.83
        assertEquals(255, lung.map(149));      // top of the ramp, exactly 255
        assertEquals(255, lung.map(150));      // x > c - 0.5 + (w-1)/2 -> ymax
    }

    @Test
    void brainWindowMapsValuesJustInsideTheEdges() {
        WindowLevel brain = WindowLevel.CT_BRAIN;
        assertEquals(0.0, brain.lowerEdge());
        assertEquals(79.0, brain.upperEdge());
        assertEquals(0, brain.map(-1000));
        assertEquals(0, brain.map(0));
        assertEquals(3, brain.map(1));         // 255 / 79 = 3.23
        assertEquals(129, brain.map(40));      // 129.11
        assertEquals(252, brain.map(78));      // 251.77
        assertEquals(255, brain.map(79));
        assertEquals(255, brain.map(3000));
        assertEquals(255 - 129, brain.mapInverted(40));
        assertEquals(0, brain.map(Double.NaN));
    }

    @Test
    void presetsCarryTheConventionalCentresAndWidths() {
        assertEquals(new WindowLevel(-600, 1500), WindowLevel.CT_LUNG);
        assertEquals(new WindowLevel(50, 350), WindowLevel.CT_MEDIASTINUM);
        assertEquals(new WindowLevel(40, 400), WindowLevel.CT_ABDOMEN);
        assertEquals(new WindowLevel(60, 160), WindowLevel.CT_LIVER);
        assertEquals(new WindowLevel(400, 1800), WindowLevel.CT_BONE);
        assertEquals(new WindowLevel(40, 80), WindowLevel.CT_BRAIN);
    }

    @Test
    void percentileWindowMatchesNumpyOnOneToHundred() {
        // numpy.percentile(np.arange(1, 101), [1, 99]) -> [1.99, 99.01]
        float[] values = new float[102];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        values[100] = Float.NaN;               // outside the volume: ignored
        values[101] = Float.NaN;
        WindowLevel w = WindowLevel.fromPercentiles(values);
        assertEquals(50.5, w.centre(), 1e-12);
        assertEquals(97.02, w.width(), 1e-12);
    }

    @Test
    void percentileWindowInterpolatesBetweenOrderStatistics() {
        // numpy.percentile([5, 1, 9, 3, 7], [1, 99]) -> [1.08, 8.92]
        WindowLevel w = WindowLevel.fromPercentiles(new float[] {5, 1, 9, 3, 7}, 1, 99);
        assertEquals(5.0, w.centre(), 1e-12);
        assertEquals(7.84, w.width(), 1e-12);
    }

    @Test
    void dicomMultiValuedWindowTakesTheFirstPair() {
        WindowLevel w = WindowLevel.fromDicom(new double[] {40, -600}, new double[] {400, 1500});
        assertEquals(WindowLevel.CT_ABDOMEN, w);
        assertThrows(IllegalArgumentException.class, () -> WindowLevel.fromDicom(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(0, 0.5));
    }

    @Test
    void greyRendererIsOpaqueBlackForNanAndInvertsForMonochrome1() {
        float[] values = {Float.NaN, 0, 40, 79};
        int[] plain = new GreyRenderer(WindowLevel.CT_BRAIN, false).render(values, 2, 2);
        assertEquals(0xFF000000, plain[0]);
        assertEquals(0xFF000000, plain[1]);
        assertEquals(0xFF818181, plain[2]);    // 129
        assertEquals(0xFFFFFFFF, plain[3]);
        int[] mono1 = GreyRenderer.forPhotometric(WindowLevel.CT_BRAIN, "MONOCHROME1").render(values, 2, 2);
        assertEquals(0xFF000000, mono1[0]);
        assertEquals(0xFFFFFFFF, mono1[1]);
        assertEquals(0xFF7E7E7E, mono1[2]);    // 126
        assertEquals(0xFF000000, mono1[3]);
        assertEquals(false, GreyRenderer.forPhotometric(WindowLevel.CT_BRAIN, "MONOCHROME2").inverted());
    }
}
