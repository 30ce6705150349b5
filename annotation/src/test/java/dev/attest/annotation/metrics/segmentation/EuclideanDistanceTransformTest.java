package dev.attest.annotation.metrics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The separable distance transform against brute force over every feature, on anisotropic grids. */
class EuclideanDistanceTransformTest {

    @Test
    void matchesBruteForceOnSparseAndDenseRandomFeatures() {
        SplittableRandom random = new SplittableRandom(7);
        for (double density : new double[] {0.002, 0.05, 0.5}) {
            int nx = 17;
            int ny = 11;
            int nz = 9;
            boolean[] features = new boolean[nx * ny * nz];
            for (int i = 0; i < features.length; i++) {
                features[i] = random.nextDouble() < density;
            }
            features[random.nextInt(features.length)] = true;
            double[] d = EuclideanDistanceTransform.squared(features, nx, ny, nz, 0.7, 2.0, 3.1);
            for (int i = 0; i < features.length; i++) {
                int x = i % nx;
                int y = (i / nx) % ny;
                int z = i / (nx * ny);
                assertEquals(bruteForce(features, nx, ny, x, y, z, 0.7, 2.0, 3.1), d[i], 1e-9,
                        "point (" + x + ", " + y + ", " + z + ") at density " + density);
            }
        }
    }

    @Test
    void aGridWithoutFeaturesIsInfinitelyFar() {
        double[] d = EuclideanDistanceTransform.squared(new boolean[24], 2, 3, 4, 1, 1, 1);
        for (double v : d) {
            assertEquals(Double.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void aLargeGridIsTransformedInParallelWithTheSameResult() {
        int nx = 80;
        int ny = 70;
        int nz = 60;
        boolean[] features = new boolean[nx * ny * nz];
        features[5 + nx * (60 + ny * 3)] = true;
        features[77 + nx * (2 + ny * 55)] = true;
        double[] d = EuclideanDistanceTransform.squared(features, nx, ny, nz, 0.5, 0.8, 2.5);
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 500; n++) {
            int i = random.nextInt(features.length);
            assertEquals(bruteForce(features, nx, ny, i % nx, (i / nx) % ny, i / (nx * ny), 0.5, 0.8, 2.5), d[i], 1e-9);
        }
    }

    private static double bruteForce(boolean[] features, int nx, int ny, int x, int y, int z, double sx, double sy,
            double sz) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < features.length; i++) {
            if (features[i]) {
                double dx = sx * (x - i % nx);
                double dy = sy * (y - (i / nx) % ny);
                double dz = sz * (z - i / (nx * ny));
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return best;
    }
}
