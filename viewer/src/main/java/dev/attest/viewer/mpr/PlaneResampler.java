package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Samples a volume on a {@link ViewPlane}, going through the grid's LPS-to-index affine so that
 * oblique planes and sheared (gantry-tilted) grids come out geometrically right.
 *
 * <p>Because index(p) is affine in p, the index of pixel (u, v) is index0 + u·du + v·dv with
 * constant du and dv; a row therefore costs a few multiply-adds per pixel and no allocation.
 * Rows are sampled in parallel.
 */
public final class PlaneResampler {

    /** Slack on the volume's edge, so pixels landing exactly on a voxel boundary are not lost to rounding. */
    private static final double EDGE_TOL = 1e-6;

    private PlaneResampler() {
    }

    /**
     * Reslices with the default field of view: the volume's box (voxel edges) projected on the
     * plane, in square pixels of the smallest in-plane voxel spacing, centred on that projection.
     */
    public static SliceImage resample(Volume volume, ViewPlane plane, Interpolation interpolation) {
        ImageGrid grid = volume.grid();
        double pixelMm = inPlaneSpacing(grid, plane);
        double uMin = Double.POSITIVE_INFINITY;
        double uMax = Double.NEGATIVE_INFINITY;
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = grid.indexToLps().apply(
                    (corner & 1) == 0 ? -0.5 : grid.sizeX() - 0.5,
                    (corner & 2) == 0 ? -0.5 : grid.sizeY() - 0.5,
                    (corner & 4) == 0 ? -0.5 : grid.sizeZ() - 0.5).sub(plane.centre());
            uMin = Math.min(uMin, p.dot(plane.right()));
            uMax = Math.max(uMax, p.dot(plane.right()));
            vMin = Math.min(vMin, p.dot(plane.down()));
            vMax = Math.max(vMax, p.dot(plane.down()));
        }
        // The 1e-9 keeps an extent of exactly n pixels from rounding up to n + 1.
        int width = Math.max(1, (int) Math.ceil((uMax - uMin) / pixelMm - 1e-9));
        int height = Math.max(1, (int) Math.ceil((vMax - vMin) / pixelMm - 1e-9));
        double uFirst = (uMin + uMax) / 2 - (width - 1) * pixelMm / 2;
        double vFirst = (vMin + vMax) / 2 - (height - 1) * pixelMm / 2;
        Vec3 first = plane.centre().add(plane.right().scale(uFirst)).add(plane.down().scale(vFirst));
        return sample(volume, plane, width, height, pixelMm, first, interpolation);
    }

    /** Reslices a field of view of width × height pixels of pixelMm whose middle is the plane's centre. */
    public static SliceImage resample(Volume volume, ViewPlane plane, int width, int height, double pixelMm,
            Interpolation interpolation) {
        Vec3 first = plane.centre()
                .sub(plane.right().scale((width - 1) * pixelMm / 2))
                .sub(plane.down().scale((height - 1) * pixelMm / 2));
        return sample(volume, plane, width, height, pixelMm, first, interpolation);
    }

    /**
     * Reslices width × height pixels of pixelMm whose top-left pixel centre is {@code firstPixel}:
     * what a zoomed or panned view, or a high-resolution export, needs to sample exactly the
     * patient region it shows.
     */
    public static SliceImage resample(Volume volume, ViewPlane plane, int width, int height, double pixelMm,
            Vec3 firstPixel, Interpolation interpolation) {
        Objects.requireNonNull(firstPixel, "firstPixel");
        if (!(pixelMm > 0) || !Double.isFinite(pixelMm)) {
            throw new IllegalArgumentException("pixel size must be positive and finite, got " + pixelMm);
        }
        return sample(volume, plane, width, height, pixelMm, firstPixel, interpolation);
    }

    /**
     * Samples another volume in the same patient space (a label map, a heat map) on exactly the
     * pixel grid of an existing reslice, so overlays line up pixel for pixel with the image.
     */
    public static SliceImage resampleLike(Volume volume, SliceImage like, Interpolation interpolation) {
        return sample(volume, like.plane(), like.width(), like.height(), like.pixelMm(), like.firstPixel(), interpolation);
    }

    /**
     * Returns the spacing of the finer of the two grid axes closest to the plane (the third, most
     * nearly along the normal, is the slice direction); reslicing finer would only interpolate.
     */
    public static double inPlaneSpacing(ImageGrid grid, ViewPlane plane) {
        Vec3 n = plane.normal();
        int sliceAxis = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(grid.axisDirection(a).dot(n)) > Math.abs(grid.axisDirection(sliceAxis).dot(n))) {
                sliceAxis = a;
            }
        }
        Vec3 spacing = grid.spacing();
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 3; a++) {
            if (a != sliceAxis) {
                best = Math.min(best, spacing.get(a));
            }
        }
        return best;
    }

    private static SliceImage sample(Volume volume, ViewPlane plane, int width, int height, double pixelMm,
            Vec3 first, Interpolation interpolation) {
        Objects.requireNonNull(interpolation, "interpolation");
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot reslice " + width + " x " + height + " pixels");
        }
        Affine toIndex = volume.grid().lpsToIndex();
        Vec3 i0 = toIndex.apply(first);
        Vec3 du = toIndex.applyDirection(plane.right().scale(pixelMm));
        Vec3 dv = toIndex.applyDirection(plane.down().scale(pixelMm));
        float[] values = new float[width * height];
        Sampler sampler = new Sampler(volume);
        IntStream.range(0, height).parallel().forEach(v -> {
            double rx = i0.x() + v * dv.x();
            double ry = i0.y() + v * dv.y();
            double rz = i0.z() + v * dv.z();
            int offset = v * width;
            for (int u = 0; u < width; u++) {
                // Multiply rather than accumulate, so rounding does not drift along long rows.
                double x = rx + u * du.x();
                double y = ry + u * du.y();
                double z = rz + u * du.z();
                values[offset + u] = (float) (interpolation == Interpolation.NEAREST
                        ? sampler.nearest(x, y, z) : sampler.linear(x, y, z));
            }
        });
        return new SliceImage(width, height, pixelMm, values, plane, first,
                volume.properties().getOrDefault(SliceImage.UNIT_PROPERTY, ""));
    }

    /** Reads physical values at fractional voxel indices; NaN outside the voxel boxes of the grid. */
    static final class Sampler {
        private final Volume volume;
        private final int nx;
        private final int ny;
        private final int nz;

        Sampler(Volume volume) {
            this.volume = volume;
            this.nx = volume.grid().sizeX();
            this.ny = volume.grid().sizeY();
            this.nz = volume.grid().sizeZ();
        }

        private static boolean inside(double c, int n) {
            return c >= -0.5 - EDGE_TOL && c <= n - 0.5 + EDGE_TOL;
        }

        private static int clamp(int i, int n) {
            return i < 0 ? 0 : (i >= n ? n - 1 : i);
        }

        double nearest(double x, double y, double z) {
            if (!inside(x, nx) || !inside(y, ny) || !inside(z, nz)) {
                return Double.NaN;
            }
            return volume.getPhysical(clamp((int) Math.floor(x + 0.5), nx), clamp((int) Math.floor(y + 0.5), ny),
                    clamp((int) Math.floor(z + 0.5), nz));
        }

        /**
         * Trilinear between the eight surrounding voxel centres; in the half voxel at the edge the
         * edge value is held, so the linear image covers exactly what the nearest one does.
         */
        double linear(double x, double y, double z) {
            if (!inside(x, nx) || !inside(y, ny) || !inside(z, nz)) {
                return Double.NaN;
            }
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            int z0 = (int) Math.floor(z);
            double fx = x - x0;
            double fy = y - y0;
            double fz = z - z0;
            int xa = clamp(x0, nx);
            int xb = clamp(x0 + 1, nx);
            int ya = clamp(y0, ny);
            int yb = clamp(y0 + 1, ny);
            int za = clamp(z0, nz);
            int zb = clamp(z0 + 1, nz);
            double c00 = lerp(volume.getPhysical(xa, ya, za), volume.getPhysical(xb, ya, za), fx);
            double c10 = lerp(volume.getPhysical(xa, yb, za), volume.getPhysical(xb, yb, za), fx);
            double c01 = lerp(volume.getPhysical(xa, ya, zb), volume.getPhysical(xb, ya, zb), fx);
            double c11 = lerp(volume.getPhysical(xa, yb, zb), volume.getPhysical(xb, yb, zb), fx);
            return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
        }

        private static double lerp(double a, double b, double t) {
            return a + (b - a) * t;
        }
    }
}
