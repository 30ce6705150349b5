package dev.attest.inference.probe;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The perturbations whose results can be worked out by hand: intensity, missing slices, noise, identity. */
class PerturbationTest {
    private static final ImageGrid SMALL = new ImageGrid(2, 1, 3, Affine.diagonal(1, 1, 2));

    @Test
    void scaleAndShiftActOnPhysicalValues() {
        float[] v = {-1000, 0, 40, 1.5f, 3, -2};
        assertArrayEquals(new float[] {-900, 0, 36, 1.35f, 2.7f, -1.8f}, new IntensityScale(0.9).apply(v, SMALL));
        assertArrayEquals(new float[] {-1100, -100, -60, -98.5f, -97, -102}, new IntensityShift(-100).apply(v, SMALL));
    }

    @Test
    void aVolumeIsPerturbedThroughItsRescaleAndComesBackAsFloatOnTheSameGrid() {
        Volume ct = Volume.allocate(SMALL, VoxelType.INT16);
        ct.setRescale(new Rescale(2, -1024));
        short[] stored = {0, 512, 1024, 600, 700, 800};
        for (int i = 0; i < 6; i++) {
            ct.setStored(i % 2, 0, i / 2, stored[i]);
        }
        Volume out = new IntensityShift(24).apply(ct);
        assertEquals(VoxelType.FLOAT32, out.type());
        assertEquals(SMALL, out.grid());
        float[] expected = {-1000, 24, 1048, 200, 400, 600};
        assertArrayEquals(expected, FloatVoxels.physical(out));
        assertEquals(1.0, out.rescale().slope());
        assertEquals(0.0, out.rescale().intercept());
    }

    @Test
    void everyNthSliceIsReplacedByTheSliceBeforeItOrByZero() {
        ImageGrid g = new ImageGrid(2, 2, 7, Affine.identity());
        float[] v = new float[28];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + i / 4; // slice k holds 100 + k everywhere
        }
        float[] neighbour = new MissingSlices(3, MissingSlices.Fill.NEIGHBOUR).apply(v, g);
        float[] zero = new MissingSlices(3, MissingSlices.Fill.ZERO).apply(v, g);
        float[] half = new MissingSlices(2, MissingSlices.Fill.NEIGHBOUR).apply(v, g);
        // Slices 2 and 5 (the 3rd and 6th) are missing at n = 3; slices 1, 3, 5 at n = 2.
        float[] sliceNeighbour = {100, 101, 101, 103, 104, 104, 106};
        float[] sliceZero = {100, 101, 0, 103, 104, 0, 106};
        float[] sliceHalf = {100, 100, 102, 102, 104, 104, 106};
        for (int i = 0; i < v.length; i++) {
            assertEquals(sliceNeighbour[i / 4], neighbour[i], "n=3 neighbour, voxel " + i);
            assertEquals(sliceZero[i / 4], zero[i], "n=3 zero, voxel " + i);
            assertEquals(sliceHalf[i / 4], half[i], "n=2 neighbour, voxel " + i);
        }
        MissingSlices m = new MissingSlices(3, MissingSlices.Fill.ZERO);
        assertEquals("[false, false, true, false, false, true, false]",
                java.util.Arrays.toString(new boolean[] {m.replaces(0), m.replaces(1), m.replaces(2), m.replaces(3),
                    m.replaces(4), m.replaces(5), m.replaces(6)}));
        assertThrows(IllegalArgumentException.class, () -> new MissingSlices(1, MissingSlices.Fill.ZERO));
    }

    @Test
    void signalIsTheContrastOfVoxelsAboveTheMeanAgainstTheRest() {
        // Mean 40/6 = 6.67: foreground {10, 10, 20} has mean 40/3, background {0, 0, 0} mean 0.
        assertEquals(40.0 / 3, GaussianNoise.signal(new float[] {0, 0, 0, 10, 10, 20}), 1e-12);
        // CT-like: air -1000 around tissue at 40 and 60: mean -460, foreground mean 50, background -1000.
        assertEquals(1050, GaussianNoise.signal(new float[] {-1000, -1000, -1000, -1000, -1000, -1000, 40, 60, 40, 60}
                ), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> GaussianNoise.signal(new float[] {5, 5, 5}));
    }

    @Test
    void noiseHasTheAskedSnrAndLevelsOfOneSeedScaleOneField() {
        ImageGrid g = new ImageGrid(64, 64, 64, Affine.identity());
        float[] v = new float[Math.toIntExact(g.voxelCount())];
        for (int i = 0; i < v.length; i++) {
            int x = i % 64;
            v[i] = x < 16 || x >= 48 ? -1000 : 50; // a slab of tissue in air
        }
        double signal = GaussianNoise.signal(v);
        assertEquals(1050, signal, 1e-9);
        float[] snr10 = new GaussianNoise(10.0, 42L).apply(v, g);
        float[] snr5 = new GaussianNoise(5.0, 42L).apply(v, g);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < v.length; i++) {
            double d = snr10[i] - v[i];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / v.length;
        double sd = Math.sqrt(sumSq / v.length - mean * mean);
        // 262,144 draws: the sample SD is within 0.3% (two standard errors, 1/sqrt(2N) = 0.14%) of sigma = 105.
        assertEquals(105, sd, 105 * 0.003);
        assertEquals(10, signal / sd, 10 * 0.003, "measured SNR");
        assertEquals(0, mean, 105 * 0.01);
        Random r = new Random(42L);
        for (int i = 0; i < 5; i++) {
            assertEquals((float) (v[i] + 105 * r.nextGaussian()), snr10[i], "voxel " + i + " draws java.util.Random(42) in order");
        }
        for (int i = 0; i < v.length; i++) {
            // float rounding of v + noise: a step of 6e-5 at 1000, doubled
            assertEquals(2 * (snr10[i] - v[i]), snr5[i] - v[i], 3e-4, "SNR 5 adds twice the field of SNR 10, voxel " + i);
        }
        assertArrayEquals(snr10, new GaussianNoise(10.0, 42L).apply(v, g), "a seed gives the same image");
        assertNotEquals(snr10[0], new GaussianNoise(10.0, 43L).apply(v, g)[0]);
        assertEquals(42L, new GaussianNoise(10.0, 42L).seed());
    }

    @Test
    void identityCopiesAndBlurOfAConstantImageChangesNothing() {
        ImageGrid g = new ImageGrid(5, 4, 3, Affine.diagonal(0.7, 0.7, 3));
        float[] v = new float[60];
        java.util.Arrays.fill(v, 37.25f);
        float[] same = new Identity().apply(v, g);
        assertArrayEquals(v, same);
        assertTrue(same != v, "a copy, not the array itself");
        assertArrayEquals(v, new GaussianBlur(2).apply(v, g));
        assertArrayEquals(v, new Downsample(2).apply(v, g));
        assertArrayEquals(v, new Rotation(5, Rotation.PatientAxis.S).apply(v, g));
    }

    @Test
    void aQuarterTurnAboutSuperiorTakesLeftToPosteriorAndRestoringUndoesIt() {
        // 5 x 5 x 3 unit voxels, centre voxel (2, 2, 1). Turning +90 degrees about +S by the right-hand rule takes
        // +L to +P, so the output at (x, y) reads the input at c + R^-1 (p - c) = (y, 4 - x).
        ImageGrid g = new ImageGrid(5, 5, 3, Affine.identity());
        float[] v = new float[75];
        int[] labels = new int[75];
        for (int i = 0; i < 75; i++) {
            v[i] = i % 5 + 10 * (i / 5 % 5) + 100 * (i / 25);
            labels[i] = i;
        }
        Rotation quarter = new Rotation(90, Rotation.PatientAxis.S);
        float[] turned = quarter.apply(v, g);
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(y + 10 * (4 - x) + 100 * z, turned[(z * 5 + y) * 5 + x], "voxel " + x + "," + y + "," + z);
                }
            }
        }
        assertArrayEquals(v, quarter.restoreMap(turned, g));
        int[] turnedLabels = new int[75];
        for (int i = 0; i < 75; i++) {
            turnedLabels[i] = (int) turned[i] % 5 + 5 * ((int) turned[i] / 10 % 10) + 25 * ((int) turned[i] / 100);
        }
        assertArrayEquals(labels, quarter.restoreLabels(turnedLabels, g));
        int[] same = {1, 2, 3};
        assertTrue(new GaussianBlur(1).restoreLabels(same, g) == same, "only a rotation moves the anatomy");
    }

    @Test
    void blurKernelFollowsScipysRadiusAndNormalisation() {
        // sigma 1 voxel: radius floor(4 + 0.5) = 4, weights exp(-t^2/2) / sum.
        double[] k = GaussianBlur.kernel(1.0);
        assertEquals(9, k.length);
        double sum = 0;
        for (int t = -4; t <= 4; t++) {
            sum += Math.exp(-0.5 * t * t);
        }
        assertEquals(1 / sum, k[4], 1e-15);
        assertEquals(Math.exp(-8) / sum, k[0], 1e-18);
        assertEquals(1, GaussianBlur.kernel(0.1).length, "radius floor(0.4 + 0.5) = 0: no blur along that axis");
    }

    @Test
    void coarseGridCentresEachBlockOnItsFineVoxels() {
        ImageGrid g = new ImageGrid(7, 4, 5, Affine.fromColumns(new Vec3(0.5, 0, 0),
                new Vec3(0, 0.5, 0), new Vec3(0, 0, 2),
                new Vec3(10, 20, 30)));
        ImageGrid c = Downsample.coarseGrid(g, new int[] {2, 2, 3});
        assertEquals(4, c.sizeX());
        assertEquals(2, c.sizeY());
        assertEquals(2, c.sizeZ());
        // Coarse voxel (0, 0, 0) sits at fine index (0.5, 0.5, 1): LPS (10.25, 20.25, 32).
        assertEquals(new Vec3(10.25, 20.25, 32), c.origin());
        assertEquals(new Vec3(1, 1, 6), c.spacing());
    }
}
