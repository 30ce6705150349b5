package dev.attest.viewer.volume3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferFunctionTest {

    private static float[] eval(TransferFunction tf, double v) {
        float[] out = new float[4];
        tf.compile().evaluate(v, out);
        return out;
    }

    @Test
    void interpolatesLinearlyBetweenPointsAndHoldsOutside() {
        TransferFunction tf = new TransferFunction("t", List.of(
                new TransferFunction.Point(0, 0, 0, 0, 0),
                new TransferFunction.Point(100, 1, 0.5, 0, 0.8)));
        assertArrayEquals(new float[] {0, 0, 0, 0}, eval(tf, -50));
        assertArrayEquals(new float[] {0.25f, 0.125f, 0, 0.2f}, eval(tf, 25), 1e-7f);
        assertArrayEquals(new float[] {1, 0.5f, 0, 0.8f}, eval(tf, 100));
        assertArrayEquals(new float[] {1, 0.5f, 0, 0.8f}, eval(tf, 5000));
    }

    @Test
    void equalValuesMakeASharpStep() {
        TransferFunction tf = new TransferFunction("step", List.of(
                new TransferFunction.Point(10, 0, 0, 0, 0),
                new TransferFunction.Point(10, 1, 1, 1, 1)));
        assertEquals(0, eval(tf, 9.999)[3]);
        assertEquals(1, eval(tf, 10)[3]);
    }

    @Test
    void refusesUnsortedPointsAndOutOfRangeOpacity() {
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction("bad", List.of(
                new TransferFunction.Point(5, 0, 0, 0, 0), new TransferFunction.Point(4, 0, 0, 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction.Point(0, 0, 0, 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction("empty", List.of()));
    }

    @Test
    void ctBoneIsClearUpTo150HuAndOpaqueOnDenseBone() {
        TransferFunction bone = TransferPreset.CT_BONE.build(new ValueStatistics(-1024, 3000, -1000, 1000));
        assertEquals(0, eval(bone, 40)[3]);
        assertEquals(0, eval(bone, 150)[3]);
        assertEquals(0.15f, eval(bone, 200)[3], 1e-6f);
        assertEquals(0.95f, eval(bone, 2000)[3], 1e-6f);
        assertEquals(150, bone.compile().firstVisibleValue());
    }

    @Test
    void mrPresetSitsOnTheVolumesPercentiles() {
        // p01 = 100, p99 = 1100: clear up to 100 + 0.15 × 1000 = 250, 0.5 opacity at 700.
        TransferFunction mr = TransferPreset.MR.build(new ValueStatistics(0, 2000, 100, 1100));
        assertEquals(0, eval(mr, 250)[3]);
        assertEquals(0.1f, eval(mr, 400)[3], 1e-6f);
        assertEquals(0.5f, eval(mr, 700)[3], 1e-6f);
        TransferFunction scaled = TransferPreset.MR.build(new ValueStatistics(0, 20000, 1000, 11000));
        assertEquals(0.5f, eval(scaled, 7000)[3], 1e-6f, "the same picture for intensities ten times larger");
    }
}
