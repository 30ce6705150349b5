package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether two boxes stored without an image could lie on one voxel grid. A box carries its corner voxels'
 * indices and their LPS centres; on one grid with perpendicular axes of spacing s, any two of those corners
 * (from either box) lie Σ s_a² Δi_a² apart, squared. Four corners give six such equations in the three
 * unknown s_a²; a least-squares fit that leaves one of them off by more than 1% (plus 0.01 mm for the
 * micrometre rounding of stored LPS) means the boxes were drawn on grids that place the same index elsewhere,
 * e.g. one shifted or resampled. The test holds for rotated grids too, since it uses distances only; it cannot
 * see a grid mirrored onto itself, which no data-entry path makes. It reads LPS corners as corner voxel
 * centres (what the review GUI writes); a box stored as its mm extent is checked on its claim's mask grid
 * instead, which is where the report code writes one.
 */
final class BoxFrames {
    private static final double ABSOLUTE_MM = 0.01;
    private static final double RELATIVE = 0.01;

    private BoxFrames() {
    }

    /**
     * True when the boxes' corners fit one grid, or when either box lacks LPS corners (then nothing can be
     * checked and the indices are trusted).
     */
    static boolean couldShareAGrid(BoxGeometry a, BoxGeometry b) {
        if (a.minLps() == null || a.maxLps() == null || b.minLps() == null || b.maxLps() == null) {
            return true;
        }
        List<int[]> index = List.of(lower(a.voxels()), upper(a.voxels()), lower(b.voxels()), upper(b.voxels()));
        List<Vec3> lps = List.of(a.minLps(), a.maxLps(), b.minLps(), b.maxLps());
        List<double[]> rows = new ArrayList<>();
        List<Double> squared = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            for (int q = p + 1; q < 4; q++) {
                double[] row = new double[3];
                for (int axis = 0; axis < 3; axis++) {
                    double d = index.get(p)[axis] - index.get(q)[axis];
                    row[axis] = d * d;
                }
                double d = lps.get(p).distance(lps.get(q));
                rows.add(row);
                squared.add(d * d);
                distances.add(d);
            }
        }
        double[] s2 = leastSquares(rows, squared);
        for (int e = 0; e < rows.size(); e++) {
            double[] row = rows.get(e);
            double fitted = Math.sqrt(Math.max(0, row[0] * s2[0] + row[1] * s2[1] + row[2] * s2[2]));
            if (Math.abs(fitted - distances.get(e)) > ABSOLUTE_MM + RELATIVE * distances.get(e)) {
                return false;
            }
        }
        return true;
    }

    private static int[] lower(VoxelBox b) {
        return new int[] {b.x0(), b.y0(), b.z0()};
    }

    private static int[] upper(VoxelBox b) {
        return new int[] {b.x1() - 1, b.y1() - 1, b.z1() - 1};
    }

    /**
     * Solves min |X u − y|² through the normal equations with a vanishing ridge, so that an axis no pair of
     * corners differs along (a one-slice box) gets 0 instead of making the system singular.
     */
    static double[] leastSquares(List<double[]> x, List<Double> y) {
        double[][] a = new double[3][4];
        for (int e = 0; e < x.size(); e++) {
            double[] row = x.get(e);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][3] += row[i] * y.get(e);
            }
        }
        double trace = a[0][0] + a[1][1] + a[2][2];
        for (int i = 0; i < 3; i++) {
            a[i][i] += 1e-12 * trace + 1e-300;
        }
        // Gaussian elimination with partial pivoting on the 3 x 3 system (symmetric positive definite).
        for (int c = 0; c < 3; c++) {
            int pivot = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < 3; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < 4; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] u = new double[3];
        for (int r = 2; r >= 0; r--) {
            double v = a[r][3];
            for (int k = r + 1; k < 3; k++) {
                v -= a[r][k] * u[k];
            }
            u[r] = v / a[r][r];
        }
        return u;
    }
}
