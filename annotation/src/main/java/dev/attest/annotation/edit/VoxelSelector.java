package dev.attest.annotation.edit;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Finds the voxels an operation changes, as ascending linear indices; nothing is written here, so
 * the session can record old values before it writes.
 */
final class VoxelSelector {
    /** Voxel centres exactly on the radius count as inside although rounding may put them a hair outside. */
    private static final double RADIUS_TOLERANCE = 1e-9;

    private final LabelMapAccess map;
    private final ImageGrid grid;
    private final Vec3[] columns;

    VoxelSelector(LabelMapAccess map) {
        this.map = map;
        this.grid = map.volume.grid();
        Affine a = grid.indexToLps();
        this.columns = new Vec3[] {a.column(0), a.column(1), a.column(2)};
    }

    /** Tells, for a voxel inside the region, whether the operation changes it. */
    @FunctionalInterface
    interface Rule {
        boolean changes(int x, int y, int z, int value);
    }

    IntList select(EditOperation op) {
        return switch (op) {
            case EditOperation.Paint p -> {
                requireFits(p.label());
                requireSameGrid(p.limit());
                yield region(p.region(), (x, y, z, v) -> v != p.label() && (p.limit() == null || p.limit().accepts(x, y, z)));
            }
            case EditOperation.Erase e -> region(e.region(), (x, y, z, v) -> v != 0 && (e.onlyLabel() == 0 || v == e.onlyLabel()));
            case EditOperation.FloodFill f -> {
                requireFits(f.label());
                requireSameGrid(f.limit());
                yield flood(f);
            }
            case EditOperation.PlacePoint p -> new IntList();
            case EditOperation.PlaceBox b -> new IntList();
        };
    }

    private IntList region(Region region, Rule rule) {
        IntList out = new IntList();
        switch (region) {
            case Region.Sphere s -> sphere(s, rule, out);
            case Region.Disc d -> disc(d, rule, out);
            case Region.Box b -> box(b.box(), rule, out);
        }
        return out;
    }

    private void sphere(Region.Sphere s, Rule rule, IntList out) {
        double r2 = limit(s.radiusMm());
        Affine inverse = grid.lpsToIndex();
        int[] extent = new int[3];
        for (int a = 0; a < 3; a++) {
            // The index extent of a ball of radius r under x = M⁻¹p is r times the norm of row a of M⁻¹.
            double rowNorm = Math.sqrt(sq(inverse.get(a, 0)) + sq(inverse.get(a, 1)) + sq(inverse.get(a, 2)));
            extent[a] = (int) Math.floor(s.radiusMm() * rowNorm + 1e-6);
        }
        VoxelIndex c = s.centre();
        for (int z = Math.max(0, c.k() - extent[2]); z <= Math.min(map.sizeZ - 1, c.k() + extent[2]); z++) {
            for (int y = Math.max(0, c.j() - extent[1]); y <= Math.min(map.sizeY - 1, c.j() + extent[1]); y++) {
                for (int x = Math.max(0, c.i() - extent[0]); x <= Math.min(map.sizeX - 1, c.i() + extent[0]); x++) {
                    if (squaredMm(x - c.i(), y - c.j(), z - c.k()) <= r2) {
                        consider(x, y, z, rule, out);
                    }
                }
            }
        }
    }

    private void disc(Region.Disc d, Rule rule, IntList out) {
        SlicePlane plane = d.plane();
        VoxelIndex c = d.centre();
        int fixed = c.get(plane.fixedAxis());
        if (fixed < 0 || fixed >= grid.size(plane.fixedAxis())) {
            return;
        }
        double r2 = limit(d.radiusMm());
        // In-plane extents from the inverse of the 2x2 Gram matrix of the two in-plane axes, which
        // is exact for sheared grids too: max |u| over |Mu·u + Mv·v| <= r is r·sqrt((G⁻¹)uu).
        Vec3 cu = columns[plane.uAxis()];
        Vec3 cv = columns[plane.vAxis()];
        double guu = cu.dot(cu);
        double gvv = cv.dot(cv);
        double guv = cu.dot(cv);
        double det = guu * gvv - guv * guv;
        int eu = (int) Math.floor(d.radiusMm() * Math.sqrt(gvv / det) + 1e-6);
        int ev = (int) Math.floor(d.radiusMm() * Math.sqrt(guu / det) + 1e-6);
        int cuIndex = c.get(plane.uAxis());
        int cvIndex = c.get(plane.vAxis());
        int[] xyz = new int[3];
        xyz[plane.fixedAxis()] = fixed;
        // v is always the higher axis of the two, so v outside and u inside visits ascending indices.
        for (int v = Math.max(0, cvIndex - ev); v <= Math.min(grid.size(plane.vAxis()) - 1, cvIndex + ev); v++) {
            for (int u = Math.max(0, cuIndex - eu); u <= Math.min(grid.size(plane.uAxis()) - 1, cuIndex + eu); u++) {
                double du = u - cuIndex;
                double dv = v - cvIndex;
                if (du * du * guu + 2 * du * dv * guv + dv * dv * gvv <= r2) {
                    xyz[plane.uAxis()] = u;
                    xyz[plane.vAxis()] = v;
                    consider(xyz[0], xyz[1], xyz[2], rule, out);
                }
            }
        }
    }

    private void box(IndexBox b, Rule rule, IntList out) {
        for (int z = Math.max(0, b.min().k()); z <= Math.min(map.sizeZ - 1, b.max().k()); z++) {
            for (int y = Math.max(0, b.min().j()); y <= Math.min(map.sizeY - 1, b.max().j()); y++) {
                for (int x = Math.max(0, b.min().i()); x <= Math.min(map.sizeX - 1, b.max().i()); x++) {
                    consider(x, y, z, rule, out);
                }
            }
        }
    }

    private IntList flood(EditOperation.FloodFill f) {
        VoxelIndex seed = f.seed();
        if (!map.inside(seed.i(), seed.j(), seed.k())) {
            throw new IndexOutOfBoundsException("flood fill seed " + seed + " lies outside the "
                    + map.sizeX + " x " + map.sizeY + " x " + map.sizeZ + " label map");
        }
        IntList out = new IntList();
        int seedLabel = map.get(map.index(seed.i(), seed.j(), seed.k()));
        if (seedLabel == f.label() || f.limit() != null && !f.limit().accepts(seed.i(), seed.j(), seed.k())) {
            return out;
        }
        SlicePlane plane = f.plane();
        int nu = grid.size(plane.uAxis());
        int nv = grid.size(plane.vAxis());
        BitSet seen = new BitSet(nu * nv);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int[] xyz = {seed.i(), seed.j(), seed.k()};
        queue.add(new int[] {seed.get(plane.uAxis()), seed.get(plane.vAxis())});
        seen.set(seed.get(plane.vAxis()) * nu + seed.get(plane.uAxis()));
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] uv = queue.poll();
            xyz[plane.uAxis()] = uv[0];
            xyz[plane.vAxis()] = uv[1];
            out.add(map.index(xyz[0], xyz[1], xyz[2]));
            for (int[] s : steps) {
                int u = uv[0] + s[0];
                int v = uv[1] + s[1];
                if (u < 0 || v < 0 || u >= nu || v >= nv || seen.get(v * nu + u)) {
                    continue;
                }
                seen.set(v * nu + u);
                xyz[plane.uAxis()] = u;
                xyz[plane.vAxis()] = v;
                if (map.get(map.index(xyz[0], xyz[1], xyz[2])) == seedLabel
                        && (f.limit() == null || f.limit().accepts(xyz[0], xyz[1], xyz[2]))) {
                    queue.add(new int[] {u, v});
                }
            }
        }
        int[] sorted = out.toArray();
        Arrays.sort(sorted);
        IntList result = new IntList();
        for (int i : sorted) {
            result.add(i);
        }
        return result;
    }

    private void consider(int x, int y, int z, Rule rule, IntList out) {
        int index = map.index(x, y, z);
        if (rule.changes(x, y, z, map.get(index))) {
            out.add(index);
        }
    }

    private double squaredMm(int di, int dj, int dk) {
        double px = columns[0].x() * di + columns[1].x() * dj + columns[2].x() * dk;
        double py = columns[0].y() * di + columns[1].y() * dj + columns[2].y() * dk;
        double pz = columns[0].z() * di + columns[1].z() * dj + columns[2].z() * dk;
        return px * px + py * py + pz * pz;
    }

    private static double limit(double radiusMm) {
        return radiusMm * radiusMm * (1 + RADIUS_TOLERANCE) + RADIUS_TOLERANCE;
    }

    private void requireFits(int label) {
        if (label > map.maxLabel) {
            throw new IllegalArgumentException("label " + label + " does not fit the " + map.volume.type()
                    + " label map '" + LabelMapAccess.describe(map.volume) + "' (at most " + map.maxLabel + ")");
        }
    }

    private void requireSameGrid(IntensityRange limit) {
        if (limit != null && !limit.reference().grid().sameGeometry(grid, 1e-3)) {
            throw new GridMismatchException(LabelMapAccess.describe(limit.reference()), limit.reference().grid(),
                    LabelMapAccess.describe(map.volume), grid);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
