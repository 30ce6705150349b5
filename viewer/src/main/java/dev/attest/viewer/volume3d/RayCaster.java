package dev.attest.viewer.volume3d;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.WindowLevel;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Renders a volume from an {@link OrbitCamera} on the CPU by casting one ray per pixel: MIP,
 * MinIP or front-to-back compositing through a transfer function.
 *
 * <p>Rays are marched in patient space and sampled through the grid's LPS-to-index affine, so
 * sheared (gantry-tilted) and oblique grids are drawn in their true shape; values are trilinear
 * between voxel centres. Each ray is first clipped to the grid's box (voxel edges), so empty
 * space around the volume costs nothing. Samples lie on planes perpendicular to the view
 * direction, spaced by the step and anchored on voxel (0, 0, 0)'s centre, so when the camera
 * looks along a grid axis with the step equal to (or an integer fraction of) the spacing, every
 * sample falls on a voxel centre and MIP/MinIP equal the plain maximum/minimum over the voxels.
 *
 * <p>Empty-space leaping is exact: a ray is walked in runs of samples sharing one 8×8×8 brick
 * ({@link BrickRanges}), and a run is skipped whole when its brick cannot beat the ray's best
 * (MIP/MinIP, most promising run first) or is fully transparent (composite); a MIP ray stops at
 * the volume's extreme. Skipping never changes a pixel.
 *
 * <p>Rows are rendered in parallel on all cores. A caster prepares the volume once (16-bit slices
 * read in place, anything else copied to float32) and may then render any number of frames, from
 * several threads at once.
 */
public final class RayCaster {

    /** Stop compositing a ray once it is this opaque: what lies behind changes no 8-bit colour much. */
    private static final double EARLY_TERMINATION = 0.99;
    private static final int OPACITY_TABLE_SIZE = 1024;
    private static final double AMBIENT = 0.3;
    private static final double DIFFUSE = 0.7;
    private static final double SPECULAR = 0.2;

    private final ImageGrid grid;
    private final VoxelField field;
    private final BrickRanges bricks;
    private final Vec3 centre;
    private final double radiusMm;
    private final double minSpacing;
    /** lpsToIndex, row-major 3x4. */
    private final double[] toIndex;
    private final double globalMin;
    private final double globalMax;
    private volatile ValueStatistics statistics;

    /** Prepares volume for rendering, loading any lazy slices. */
    public RayCaster(Volume volume) {
        Objects.requireNonNull(volume, "volume");
        this.grid = volume.grid();
        this.field = VoxelField.of(volume);
        this.bricks = new BrickRanges(field);
        this.globalMin = bricks.overallMin();
        this.globalMax = bricks.overallMax();
        OrbitCentre orbit = OrbitCentre.of(grid);
        this.centre = orbit.centre();
        this.radiusMm = orbit.radiusMm();
        Vec3 s = grid.spacing();
        this.minSpacing = Math.min(s.x(), Math.min(s.y(), s.z()));
        double[] m = grid.lpsToIndex().toRowMajor();
        this.toIndex = new double[12];
        System.arraycopy(m, 0, toIndex, 0, 12);
    }

    public ImageGrid grid() {
        return grid;
    }

    /** The LPS centre of the grid, around which the camera orbits. */
    public Vec3 centre() {
        return centre;
    }

    /** Radius of the sphere through the grid's outer voxel corners, centred on {@link #centre()}. */
    public double boundingRadiusMm() {
        return radiusMm;
    }

    /** The step used when the settings ask for the automatic one: the grid's smallest spacing. */
    public double defaultStepMm() {
        return minSpacing;
    }

    /** Range and percentiles of the volume's values, computed on first use. */
    public ValueStatistics statistics() {
        ValueStatistics s = statistics;
        if (s == null) {
            s = ValueStatistics.of(field, bricks);
            statistics = s;
        }
        return s;
    }

    /** A grey window for MIP (1st percentile to maximum) or MinIP (minimum to 99th percentile). */
    public WindowLevel defaultWindow(RenderMode mode) {
        ValueStatistics s = statistics();
        double lo = mode == RenderMode.MIN_IP ? s.min() : s.p01();
        double hi = mode == RenderMode.MIN_IP ? s.p99() : s.max();
        return new WindowLevel((lo + hi) / 2, Math.max(1, hi - lo));
    }

    /** Settings with this volume's default window, the given mode and preset, automatic step and shading on. */
    public RenderSettings defaultSettings(RenderMode mode, TransferPreset preset) {
        return new RenderSettings(mode, preset.build(statistics()), defaultWindow(mode), 0, true, RenderSettings.BLACK);
    }

    /** Size in mm of one pixel of a width × height full-resolution image: the bounding sphere's diameter over the smaller side, divided by the zoom. */
    public double pixelMm(OrbitCamera camera, int width, int height) {
        return 2 * radiusMm / (Math.min(width, height) * camera.zoom());
    }

    /** Renders a full-resolution frame. */
    public Rendering render(OrbitCamera camera, RenderSettings settings, int width, int height, Cancellation cancellation) {
        return render(camera, settings, width, height, 1, cancellation);
    }

    /**
     * Renders the field of view of a width × height image with pixels reduction times larger,
     * i.e. ⌈width / reduction⌉ × ⌈height / reduction⌉ pixels, for fast frames while the user drags.
     *
     * @throws dev.attest.core.progress.CancelledException if cancelled before the last row
     */
    public Rendering render(OrbitCamera camera, RenderSettings settings, int width, int height, int reduction,
            Cancellation cancellation) {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(settings, "settings");
        if (width <= 0 || height <= 0 || reduction < 1 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot render " + width + " x " + height + " at reduction " + reduction);
        }
        cancellation.throwIfCancelled();
        int w = (width + reduction - 1) / reduction;
        int h = (height + reduction - 1) / reduction;
        double fullPixel = pixelMm(camera, width, height);
        double pix = fullPixel * reduction;
        Vec3 right = camera.right();
        Vec3 down = camera.down();
        Vec3 dir = camera.viewDirection();
        Vec3 viewCentre = centre.sub(right.scale(camera.panRightMm())).sub(down.scale(camera.panDownMm()));
        // Reduced pixel u covers full pixels u·r .. u·r + r − 1; its centre is at (u + ½)·r − ½.
        double first = (reduction - 1) / 2.0;
        Vec3 pixel0 = viewCentre.add(right.scale((first - (width - 1) / 2.0) * fullPixel))
                .add(down.scale((first - (height - 1) / 2.0) * fullPixel));
        double step = settings.stepMm() > 0 ? settings.stepMm() : minSpacing;
        Frame f = new Frame(w, h, index(pixel0), indexDirection(right.scale(pix)), indexDirection(down.scale(pix)),
                indexDirection(dir), step, viewCentre.sub(grid.origin()).dot(dir), dir);
        int[] argb = new int[w * h];
        float[] values = new float[w * h];
        float[] depth = new float[w * h];
        RenderMode mode = settings.mode();
        TransferFunction.Compiled tf = settings.transfer().compile();
        float[] opacityTable = opacityTable(step);
        IntStream.range(0, h).parallel().forEach(v -> {
            cancellation.throwIfCancelled();
            if (mode == RenderMode.COMPOSITE) {
                compositeRow(f, v, tf, opacityTable, settings, argb, values, depth);
            } else {
                projectRow(f, v, mode == RenderMode.MIP, settings, argb, values, depth);
            }
        });
        cancellation.throwIfCancelled();
        return new Rendering(w, h, pix, reduction, camera, settings, argb, values, depth);
    }

    /** Ray geometry in index space: start of pixel (0, 0), per-pixel and per-mm increments, sample phase. */
    private record Frame(int width, int height, double[] a0, double[] du, double[] dv, double[] b, double step,
            double phase, Vec3 dirLps) {
    }

    private double[] index(Vec3 p) {
        double[] m = toIndex;
        return new double[] {
            m[0] * p.x() + m[1] * p.y() + m[2] * p.z() + m[3],
            m[4] * p.x() + m[5] * p.y() + m[6] * p.z() + m[7],
            m[8] * p.x() + m[9] * p.y() + m[10] * p.z() + m[11]};
    }

    private double[] indexDirection(Vec3 d) {
        double[] m = toIndex;
        return new double[] {
            m[0] * d.x() + m[1] * d.y() + m[2] * d.z(),
            m[4] * d.x() + m[5] * d.y() + m[6] * d.z(),
            m[8] * d.x() + m[9] * d.y() + m[10] * d.z()};
    }

    /**
     * Clips the ray a + t·b to the box [−½, n − ½] on each index axis; returns false when it
     * misses, else writes the first and last sample numbers k (t = k·step − phase) inside.
     */
    private boolean clip(Frame f, double ax, double ay, double az, long[] range) {
        double[] slab = new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        if (!slab(ax, f.b[0], field.nx, slab) || !slab(ay, f.b[1], field.ny, slab) || !slab(az, f.b[2], field.nz, slab)) {
            return false;
        }
        double tIn = slab[0];
        double tOut = slab[1];
        if (!(tIn <= tOut)) {
            return false;
        }
        // A tolerance of 1e-9 steps keeps a sample lying exactly on the box edge.
        range[0] = (long) Math.ceil((tIn + f.phase) / f.step - 1e-9);
        range[1] = (long) Math.floor((tOut + f.phase) / f.step + 1e-9);
        return range[0] <= range[1];
    }

    /** Narrows [slab[0], slab[1]] to the t where a + t·b lies in [−½, n − ½]; false if the ray misses it. */
    private static boolean slab(double a, double b, int n, double[] slab) {
        double lo = -0.5;
        double hi = n - 0.5;
        if (Math.abs(b) < 1e-12) {
            return a >= lo && a <= hi;
        }
        double t1 = (lo - a) / b;
        double t2 = (hi - a) / b;
        slab[0] = Math.max(slab[0], Math.min(t1, t2));
        slab[1] = Math.min(slab[1], Math.max(t1, t2));
        return true;
    }

    private void projectRow(Frame f, int v, boolean max, RenderSettings s, int[] argb, float[] values, float[] depth) {
        long[] range = new long[2];
        Runs scratch = new Runs(64);
        VoxelField field = this.field;
        BrickWalk walk = new BrickWalk(f, bricks, field);
        double[] bound = max ? bricks.max : bricks.min;
        // Once a ray reaches the volume's extreme, no brick can beat it: the rest of the ray is skipped.
        double extreme = max ? globalMax : globalMin;
        double step = f.step;
        double phase = f.phase;
        double bx = f.b[0];
        double by = f.b[1];
        double bz = f.b[2];
        int nx1 = field.nx - 1;
        int ny1 = field.ny - 1;
        int nz1 = field.nz - 1;
        WindowLevel window = s.window();
        for (int u = 0; u < f.width; u++) {
            int out = v * f.width + u;
            double ax = f.a0[0] + u * f.du[0] + v * f.dv[0];
            double ay = f.a0[1] + u * f.du[1] + v * f.dv[1];
            double az = f.a0[2] + u * f.du[2] + v * f.dv[2];
            depth[out] = Float.NaN;
            if (!clip(f, ax, ay, az, range)) {
                values[out] = Float.NaN;
                argb[out] = s.background();
                continue;
            }
            // First list the ray's brick runs, then sample the most promising run first: a high
            // best early lets more of the other runs and cells be skipped (max is order-free).
            int runs = 0;
            long k = range[0];
            long last = range[1];
            while (k <= last) {
                double t = k * step - phase;
                double x = clamp(ax + t * bx, nx1);
                double y = clamp(ay + t * by, ny1);
                double z = clamp(az + t * bz, nz1);
                long end = Math.min(last, k + walk.samplesAfter(x, y, z));
                scratch = scratch.fit(runs);
                scratch.start[runs] = k;
                scratch.end[runs] = end;
                scratch.bound[runs] = bound[bricks.index(x, y, z)];
                runs++;
                k = end + 1;
            }
            long[] starts = scratch.start;
            long[] ends = scratch.end;
            double[] bounds = scratch.bound;
            int first = 0;
            for (int r = 1; r < runs; r++) {
                if (max ? bounds[r] > bounds[first] : bounds[r] < bounds[first]) {
                    first = r;
                }
            }
            double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int i = -1; i < runs; i++) {
                int r = i < 0 ? first : i;
                if (i == first) {
                    continue;
                }
                // A sample is at most its brick's maximum: a run whose brick cannot beat the best is skipped.
                if (max ? bounds[r] <= best : bounds[r] >= best) {
                    continue;
                }
                best = max ? field.maxAlong(best, bounds[r], starts[r], ends[r], ax, ay, az, bx, by, bz, step, phase)
                        : field.minAlong(best, bounds[r], starts[r], ends[r], ax, ay, az, bx, by, bz, step, phase);
                if (max ? best >= extreme : best <= extreme) {
                    break;
                }
            }
            values[out] = (float) best;
            int grey = window.map(best);
            argb[out] = 0xFF000000 | (grey << 16) | (grey << 8) | grey;
        }
    }

    /** A ray's brick runs: first and last sample number and the brick's bound, grown as needed. */
    private record Runs(long[] start, long[] end, double[] bound) {
        Runs(int n) {
            this(new long[n], new long[n], new double[n]);
        }

        Runs fit(int index) {
            if (index < start.length) {
                return this;
            }
            int n = 2 * start.length;
            return new Runs(java.util.Arrays.copyOf(start, n), java.util.Arrays.copyOf(end, n), java.util.Arrays.copyOf(bound, n));
        }
    }

    /**
     * Counts how many further samples along a ray stay in the brick of the current one, from the
     * per-sample index increment: a conservative count (it keeps 1e-7 voxel clear of each brick
     * face, far above the rounding of sample positions), so a run of samples is known to share one
     * brick without locating each. Clamped coordinates stay in the first or last brick for good.
     */
    private static final class BrickWalk {
        private static final double FACE_MARGIN = 1e-7;
        private static final long FOREVER = Integer.MAX_VALUE;
        private final double dx;
        private final double dy;
        private final double dz;
        private final double ix;
        private final double iy;
        private final double iz;
        private final int lastX;
        private final int lastY;
        private final int lastZ;

        BrickWalk(Frame f, BrickRanges bricks, VoxelField field) {
            dx = f.b[0] * f.step;
            dy = f.b[1] * f.step;
            dz = f.b[2] * f.step;
            ix = 1 / dx;
            iy = 1 / dy;
            iz = 1 / dz;
            lastX = (field.nx - 1) >> BrickRanges.SHIFT;
            lastY = (field.ny - 1) >> BrickRanges.SHIFT;
            lastZ = (field.nz - 1) >> BrickRanges.SHIFT;
        }

        /** Further samples after the one at clamped index (x, y, z) certainly in its brick. */
        long samplesAfter(double x, double y, double z) {
            return Math.min(axis(x, dx, ix, lastX), Math.min(axis(y, dy, iy, lastY), axis(z, dz, iz, lastZ)));
        }

        private static long axis(double p, double d, double inverse, int last) {
            int cell = (int) p >> BrickRanges.SHIFT;
            double r;
            if (d > 0) {
                if (cell == last) {
                    return FOREVER;
                }
                r = (((cell + 1) << BrickRanges.SHIFT) - FACE_MARGIN - p) * inverse;
            } else if (d < 0) {
                if (cell == 0) {
                    return FOREVER;
                }
                r = ((cell << BrickRanges.SHIFT) + FACE_MARGIN - p) * inverse;
            } else {
                return FOREVER;
            }
            return r >= FOREVER ? FOREVER : r > 0 ? (long) r : 0;
        }
    }

    private void compositeRow(Frame f, int v, TransferFunction.Compiled tf, float[] opacityTable, RenderSettings s,
            int[] argb, float[] values, float[] depth) {
        long[] range = new long[2];
        float[] rgba = new float[4];
        double[] normal = new double[3];
        int nx1 = field.nx - 1;
        int ny1 = field.ny - 1;
        int nz1 = field.nz - 1;
        int bg = s.background();
        double bgR = ((bg >> 16) & 0xFF) / 255.0;
        double bgG = ((bg >> 8) & 0xFF) / 255.0;
        double bgB = (bg & 0xFF) / 255.0;
        double[] brickMax = bricks.max;
        BrickWalk walk = new BrickWalk(f, bricks, field);
        double clearUpTo = tf.firstVisibleValue();
        for (int u = 0; u < f.width; u++) {
            int out = v * f.width + u;
            values[out] = Float.NaN;
            depth[out] = Float.NaN;
            double ax = f.a0[0] + u * f.du[0] + v * f.dv[0];
            double ay = f.a0[1] + u * f.du[1] + v * f.dv[1];
            double az = f.a0[2] + u * f.du[2] + v * f.dv[2];
            double r = 0;
            double g = 0;
            double b = 0;
            double alpha = 0;
            if (clip(f, ax, ay, az, range)) {
                long skipTo = Long.MIN_VALUE;
                for (long k = range[0]; k <= range[1]; k++) {
                    if (k <= skipTo) {
                        continue;
                    }
                    double t = k * f.step - f.phase;
                    double x = clamp(ax + t * f.b[0], nx1);
                    double y = clamp(ay + t * f.b[1], ny1);
                    double z = clamp(az + t * f.b[2], nz1);
                    // Transparent up to clearUpTo: a brick whose values all lie there adds nothing, so
                    // the samples that share it are skipped together; likewise a single cell.
                    if (brickMax[bricks.index(x, y, z)] <= clearUpTo) {
                        skipTo = k + walk.samplesAfter(x, y, z);
                        continue;
                    }
                    if (field.cellBelow(x, y, z, clearUpTo)) {
                        continue;
                    }
                    tf.evaluate(field.sample(x, y, z), rgba);
                    if (rgba[3] <= 0) {
                        continue;
                    }
                    if (Float.isNaN(depth[out])) {
                        depth[out] = (float) t;
                    }
                    double a = correctedOpacity(opacityTable, rgba[3]);
                    double light = 1;
                    double specular = 0;
                    if (s.shading() && normalAt(x, y, z, nx1, ny1, nz1, normal)) {
                        // Headlight: the light comes from the eye, so n·l = −n·dir; two-sided, since
                        // a surface seen from inside is still a surface.
                        double ndotl = Math.abs(normal[0] * f.dirLps.x() + normal[1] * f.dirLps.y() + normal[2] * f.dirLps.z());
                        light = AMBIENT + DIFFUSE * ndotl;
                        double p = ndotl * ndotl;
                        p *= p;
                        p *= p;
                        specular = SPECULAR * p * p;
                    }
                    double weight = (1 - alpha) * a;
                    r += weight * Math.min(1, rgba[0] * light + specular);
                    g += weight * Math.min(1, rgba[1] * light + specular);
                    b += weight * Math.min(1, rgba[2] * light + specular);
                    alpha += weight;
                    if (alpha >= EARLY_TERMINATION) {
                        break;
                    }
                }
            }
            argb[out] = 0xFF000000 | (channel(r + (1 - alpha) * bgR) << 16) | (channel(g + (1 - alpha) * bgG) << 8)
                    | channel(b + (1 - alpha) * bgB);
        }
    }

    /**
     * Writes the unit LPS gradient direction at index (x, y, z) into n, from central differences
     * in index space mapped by the transpose of the LPS-to-index matrix (the chain rule, right
     * for sheared grids too); false where the gradient vanishes.
     */
    private boolean normalAt(double x, double y, double z, int nx1, int ny1, int nz1, double[] n) {
        double gx = field.sample(Math.min(x + 1, nx1), y, z) - field.sample(Math.max(x - 1, 0), y, z);
        double gy = field.sample(x, Math.min(y + 1, ny1), z) - field.sample(x, Math.max(y - 1, 0), z);
        double gz = field.sample(x, y, Math.min(z + 1, nz1)) - field.sample(x, y, Math.max(z - 1, 0));
        double[] m = toIndex;
        double lx = m[0] * gx + m[4] * gy + m[8] * gz;
        double ly = m[1] * gx + m[5] * gy + m[9] * gz;
        double lz = m[2] * gx + m[6] * gy + m[10] * gz;
        double norm = Math.sqrt(lx * lx + ly * ly + lz * lz);
        if (!(norm > 1e-6)) {
            return false;
        }
        n[0] = lx / norm;
        n[1] = ly / norm;
        n[2] = lz / norm;
        return true;
    }

    private static double clamp(double c, int max) {
        return VoxelField.clamp(c, max);
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    /** 1 − (1 − a)^(step / 1 mm) tabulated over a in [0, 1]; exact at 0 and 1. */
    private static float[] opacityTable(double stepMm) {
        float[] table = new float[OPACITY_TABLE_SIZE + 1];
        for (int i = 0; i <= OPACITY_TABLE_SIZE; i++) {
            table[i] = (float) (1 - Math.pow(1 - (double) i / OPACITY_TABLE_SIZE, stepMm));
        }
        return table;
    }

    private static double correctedOpacity(float[] table, float opacity) {
        double pos = opacity * OPACITY_TABLE_SIZE;
        int i = (int) pos;
        if (i >= OPACITY_TABLE_SIZE) {
            return table[OPACITY_TABLE_SIZE];
        }
        return table[i] + (table[i + 1] - table[i]) * (pos - i);
    }
}
