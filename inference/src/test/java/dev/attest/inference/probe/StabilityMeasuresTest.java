package dev.attest.inference.probe;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dice per label, Pearson's r and the top-k% overlap on arrays small enough to count by hand. */
class StabilityMeasuresTest {
    @Test
    void diceIsPerForegroundLabelEitherRunGivesAndTheMeanIsUnweighted() {
        int[] a = {0, 1, 1, 1, 2, 2, 0, 0};
        int[] b = {0, 1, 1, 0, 2, 3, 3, 0};
        LabelDice d = LabelDice.of(a, b);
        // label 1: |A|=3, |B|=2, both 2 -> 0.8; label 2: 2, 1, 1 -> 2/3; label 3 only in b -> 0.
        assertEquals(Map.of(1, 0.8, 2, 2.0 / 3, 3, 0.0), d.perLabel());
        assertEquals((0.8 + 2.0 / 3 + 0) / 3, d.mean(), 1e-15);
        LabelDice same = LabelDice.of(a, a.clone());
        assertEquals(Map.of(1, 1.0, 2, 1.0), same.perLabel());
        assertEquals(1.0, same.mean());
        assertTrue(Double.isNaN(LabelDice.of(new int[4], new int[4]).mean()), "no label in either run: undefined");
    }

    @Test
    void pearsonOfKnownPairs() {
        float[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, Pearson.of(x, x.clone()));
        assertEquals(-1.0, Pearson.of(x, new float[] {10, 8, 6, 4, 2}), 1e-15);
        // y = {2, 1, 4, 3, 5}: Sxy = 8, Sxx = Syy = 10 -> 0.8
        assertEquals(0.8, Pearson.of(x, new float[] {2, 1, 4, 3, 5}), 1e-15);
        assertTrue(Double.isNaN(Pearson.of(x, new float[] {3, 3, 3, 3, 3})));
    }

    @Test
    void topSetTakesTheTopPercentWithTiesAndOverlapIsTheirDice() {
        float[] a = {0.1f, 0.9f, 0.8f, 0.2f, 0.7f, 0.3f, 0.0f, 0.6f, 0.5f, 0.4f};
        float[] b = {0.9f, 0.8f, 0.1f, 0.2f, 0.7f, 0.3f, 0.0f, 0.6f, 0.5f, 0.4f};
        TopSet ta = TopSet.of(a, 30); // m = 3: voxels 1, 2, 4
        TopSet tb = TopSet.of(b, 30); // voxels 0, 1, 4
        assertEquals("{1, 2, 4}", ta.voxels().toString());
        assertEquals("{0, 1, 4}", tb.voxels().toString());
        assertEquals(2.0 / 3, ta.overlap(tb), 1e-15);
        assertEquals(1.0, ta.overlap(TopSet.of(a.clone(), 30)));
        // 25% of 10 is 2.5 -> m = 3; ties at the threshold all join: four voxels at 1.
        float[] saturated = {1, 1, 0.5f, 1, 0, 0, 1, 0.2f, 0, 0};
        TopSet ts = TopSet.of(saturated, 25);
        assertEquals("{0, 1, 3, 6}", ts.voxels().toString());
        assertEquals(4, ts.size());
        assertEquals(1.0f, ts.threshold());
        // Against {1, 3, 6} alone: 2*3 / (4 + 3).
        float[] three = {0, 1, 0.5f, 1, 0, 0, 1, 0.2f, 0, 0};
        assertEquals(6.0 / 7, ts.overlap(TopSet.of(three, 25)), 1e-15);
    }
}
