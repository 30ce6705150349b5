package dev.attest.inference.run;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window positions and padding follow MONAI's rules, worked out by hand. */
class WindowPlanTest {

    private static List<Integer> axis(WindowPlan p, int a) {
        return p.starts().stream().map(s -> s[a]).distinct().sorted().collect(Collectors.toList());
    }

    @Test
    void lastWindowIsAlignedToTheImageEnd() {
        // roi 6, overlap 0.25: interval int(4.5) = 4; starts 0, 4, then 8 + 6 >= 13 so 13 - 6 = 7.
        WindowPlan p = WindowPlan.of(new int[] {9, 11, 13}, new int[] {4, 5, 6}, 0.25);
        assertEquals(List.of(0, 4, 7), axis(p, 2));
        // roi 5: interval int(3.75) = 3; 0, 3, then 6 + 5 >= 11 so 6.
        assertEquals(List.of(0, 3, 6), axis(p, 1));
        // roi 4: interval 3; 0, 3, then 6 + 4 >= 9 so 5.
        assertEquals(List.of(0, 3, 5), axis(p, 0));
        assertEquals(27, p.windowCount());
        assertArrayEquals(new int[] {0, 0, 0}, p.starts().get(0));
        assertArrayEquals(new int[] {0, 0, 4}, p.starts().get(1), "x varies fastest");
        assertArrayEquals(new int[] {5, 6, 7}, p.starts().get(26));
    }

    @Test
    void smallImageIsPaddedWithTheExtraVoxelAfter() {
        WindowPlan p = WindowPlan.of(new int[] {9, 11, 13}, new int[] {12, 8, 16}, 0.25);
        assertArrayEquals(new int[] {1, 0, 1}, p.padBefore());
        assertArrayEquals(new int[] {12, 11, 16}, p.paddedSize());
        assertArrayEquals(new int[] {12, 6, 16}, p.interval(), "a padded axis steps by the whole roi");
        assertEquals(List.of(0), axis(p, 0));
        assertEquals(List.of(0, 3), axis(p, 1));
    }

    @Test
    void intervalIsAtLeastOneVoxel() {
        WindowPlan p = WindowPlan.of(new int[] {1, 1, 5}, new int[] {1, 1, 2}, 0.9);
        assertEquals(List.of(0, 1, 2, 3), axis(p, 2));
    }

    @Test
    void gaussianMapIsOneAtAnOddCentreAndClampedAtTheCorners() {
        float[] m = ImportanceMap.of(new int[] {3, 5, 7}, BlendMode.GAUSSIAN, 0.125);
        assertEquals(1f, m[(1 * 5 + 2) * 7 + 3]);
        // Corner: exp(-(1/(2*(3/8)^2)) - (4/(2*(5/8)^2)) - (9/(2*(7/8)^2))) = 1.0e-5 < 1e-3, so the clamp applies.
        assertEquals(1e-3f, m[0]);
        // Along x only, 1 voxel from the centre: exp(-1 / (2 * 0.875^2)).
        assertEquals((float) Math.exp(-1 / (2 * 0.875 * 0.875)), m[(1 * 5 + 2) * 7 + 4], 0f);
    }
}
