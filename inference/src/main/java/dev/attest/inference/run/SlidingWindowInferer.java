package dev.attest.inference.run;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.engine.PatchPredictor;
import java.util.Arrays;
import java.util.List;

/**
 * Sliding-window inference with MONAI's semantics ({@link WindowPlan}, {@link ImportanceMap}):
 * each voxel's output is Σ w·p / Σ w over the windows covering it.
 *
 * <p>Memory bound: windows are visited z-start first, so a z plane is final as soon as the next
 * window starts below it; blended sums live in a ring of roi_z planes only. Besides the input, the
 * pass holds at most (K + M + 1) × roi_z × paddedY × paddedX floats of accumulator (K network
 * channels, M hook maps, one weight plane set) plus one batch of windows in and out
 * (batch × (C + K + M) × roi voxels), whatever the image depth. Full-volume outputs are
 * the {@link PlaneSink}'s business (the runner keeps only labels and the maps asked for).
 * Example: 14 classes, roi 96³, 512 × 512 × 300 voxels: 15 × 96 × 512² floats = 1.5 GB, where
 * whole-volume sums (as MONAI keeps them) would take 15 × 300 × 512² floats = 4.7 GB; the ring
 * does not shrink with x and y, so a many-class model on a wide image still needs tiling above this.
 */
public final class SlidingWindowInferer {

    private final int[] roi;
    private final double overlap;
    private final int batchSize;
    private final float[] importance;
    private final boolean xyz;
    private long accumulatorFloats;

    /**
     * @param roiZyx    window size (z, y, x)
     * @param xyz       true when the network takes [N, C, x, y, z] (MONAI/nibabel order), false for [N, C, z, y, x]
     */
    public SlidingWindowInferer(int[] roiZyx, double overlap, int batchSize, BlendMode mode, double sigmaScale,
                                boolean xyz) {
        this.roi = roiZyx.clone();
        this.overlap = overlap;
        this.batchSize = Math.max(1, batchSize);
        this.importance = ImportanceMap.of(roi, mode, sigmaScale);
        this.xyz = xyz;
    }

    /** Floats held by the accumulator ring of the last {@link #run}; for tests of the memory bound. */
    public long accumulatorFloats() {
        return accumulatorFloats;
    }

    /**
     * Runs the predictor over image (channels × sizeZ × sizeY × sizeX, each channel z-slowest) and
     * hands each finished plane to sink; hook may be null or of WINDOW scope.
     *
     * @return the number of network channels K
     */
    public int run(float[][] image, int sizeZ, int sizeY, int sizeX, PatchPredictor predictor, WindowHook hook,
                   PlaneSink sink, ProgressListener progress, Cancellation cancellation) {
        if (hook != null && hook.scope() != WindowHook.Scope.WINDOW) {
            throw new IllegalArgumentException("only a WINDOW-scope hook runs inside the sliding window");
        }
        WindowPlan plan = WindowPlan.of(new int[] {sizeZ, sizeY, sizeX}, roi, overlap);
        Accumulator acc = new Accumulator(plan, sizeZ, sizeY, sizeX, sink);
        List<int[]> starts = plan.starts();
        int channels = image.length;
        int roiVoxels = roi[0] * roi[1] * roi[2];
        int total = starts.size();
        for (int first = 0; first < total; first += batchSize) {
            cancellation.throwIfCancelled();
            int n = Math.min(batchSize, total - first);
            float[] batch = new float[n * channels * roiVoxels];
            for (int b = 0; b < n; b++) {
                extract(image, sizeZ, sizeY, sizeX, plan, starts.get(first + b), batch, b * channels * roiVoxels);
            }
            FloatTensor in = new FloatTensor(batch, networkShape(n, channels));
            FloatTensor out = predictor.predict(in);
            int k = checkOutput(out, n, "the network");
            float[] maps = null;
            int m = 0;
            if (hook != null) {
                FloatTensor h = hook.compute(in, predictor);
                m = checkOutput(h, n, "the window hook");
                if (m != hook.mapNames().size()) {
                    throw new InferenceException("the window hook gave " + m + " maps but names " + hook.mapNames().size());
                }
                maps = h.data();
            }
            acc.ensureChannels(k + m);
            for (int b = 0; b < n; b++) {
                acc.add(starts.get(first + b), out.data(), b * k * roiVoxels, k, maps, b * m * roiVoxels, m);
            }
            progress.progress(first + n, total, "window " + (first + n) + " of " + total);
        }
        acc.finish();
        accumulatorFloats = acc.floats();
        return acc.channels - (hook == null ? 0 : hook.mapNames().size());
    }

    private long[] networkShape(int n, int channels) {
        return xyz ? new long[] {n, channels, roi[2], roi[1], roi[0]} : new long[] {n, channels, roi[0], roi[1], roi[2]};
    }

    private int checkOutput(FloatTensor t, int n, String what) {
        long[] s = t.shape();
        long[] expect = networkShape(n, 1);
        if (s.length != 5 || s[0] != n || s[2] != expect[2] || s[3] != expect[3] || s[4] != expect[4]) {
            throw new InferenceException(what + " returned shape " + Arrays.toString(s) + " for windows of "
                    + Arrays.toString(expect) + "; sliding-window inference needs [N, K] + the window size");
        }
        return Math.toIntExact(s[1]);
    }

    /** Copies one window (zero outside the image, i.e. in the padding) into the batch, in network order. */
    private void extract(float[][] image, int sizeZ, int sizeY, int sizeX, WindowPlan plan, int[] start,
                         float[] batch, int offset) {
        int[] pad = plan.padBefore();
        int rz = roi[0];
        int ry = roi[1];
        int rx = roi[2];
        for (float[] channel : image) {
            for (int z = 0; z < rz; z++) {
                int iz = start[0] + z - pad[0];
                for (int y = 0; y < ry; y++) {
                    int iy = start[1] + y - pad[1];
                    boolean inside = iz >= 0 && iz < sizeZ && iy >= 0 && iy < sizeY;
                    int row = (iz * sizeY + iy) * sizeX;
                    for (int x = 0; x < rx; x++) {
                        int ix = start[2] + x - pad[2];
                        float v = inside && ix >= 0 && ix < sizeX ? channel[row + ix] : 0f;
                        int dst = xyz ? (x * ry + y) * rz + z : (z * ry + y) * rx + x;
                        batch[offset + dst] = v;
                    }
                }
            }
            offset += rz * ry * rx;
        }
    }

    /** Blended sums for the roi_z padded planes that windows can still touch. */
    private final class Accumulator {
        private final WindowPlan plan;
        private final int sizeZ;
        private final int sizeY;
        private final int sizeX;
        private final PlaneSink sink;
        private final int planeLen;
        // One array per channel for the whole ring (slot-major): per-plane arrays of 1 MB would each
        // be a G1 humongous object rounded up to two regions, doubling the footprint.
        private final float[] weight;
        private float[][] sums; // [channel][ring slot × padded plane]
        private int channels = -1;
        private int nextToFinish; // padded z of the first plane not yet handed on
        private float[][] out;

        Accumulator(WindowPlan plan, int sizeZ, int sizeY, int sizeX, PlaneSink sink) {
            this.plan = plan;
            this.sizeZ = sizeZ;
            this.sizeY = sizeY;
            this.sizeX = sizeX;
            this.sink = sink;
            this.planeLen = plan.paddedSize()[1] * plan.paddedSize()[2];
            this.weight = new float[Math.multiplyExact(roi[0], planeLen)];
        }

        void ensureChannels(int c) {
            if (channels == -1) {
                channels = c;
                sums = new float[c][roi[0] * planeLen];
                out = new float[c][sizeY * sizeX];
            } else if (channels != c) {
                throw new InferenceException("the network returned " + c + " channels after " + channels);
            }
        }

        long floats() {
            return (long) (channels + 1) * roi[0] * planeLen;
        }

        void add(int[] start, float[] pred, int predOffset, int k, float[] maps, int mapOffset, int m) {
            finishBelow(start[0]);
            int rz = roi[0];
            int ry = roi[1];
            int rx = roi[2];
            int px = plan.paddedSize()[2];
            int roiVoxels = rz * ry * rx;
            for (int z = 0; z < rz; z++) {
                int slotBase = (start[0] + z) % rz * planeLen;
                float[] w = weight;
                for (int y = 0; y < ry; y++) {
                    int base = slotBase + (start[1] + y) * px + start[2];
                    int wi = (z * ry + y) * rx;
                    for (int x = 0; x < rx; x++) {
                        w[base + x] += importance[wi + x];
                    }
                }
                for (int c = 0; c < k + m; c++) {
                    float[] src = c < k ? pred : maps;
                    int srcBase = c < k ? predOffset + c * roiVoxels : mapOffset + (c - k) * roiVoxels;
                    float[] dst = sums[c];
                    for (int y = 0; y < ry; y++) {
                        int base = slotBase + (start[1] + y) * px + start[2];
                        int wi = (z * ry + y) * rx;
                        if (xyz) {
                            for (int x = 0; x < rx; x++) {
                                dst[base + x] += importance[wi + x] * src[srcBase + (x * ry + y) * rz + z];
                            }
                        } else {
                            // Kept free of the layout test so the JIT can vectorise the common case.
                            int si = srcBase + wi;
                            for (int x = 0; x < rx; x++) {
                                dst[base + x] += importance[wi + x] * src[si + x];
                            }
                        }
                    }
                }
            }
        }

        void finish() {
            finishBelow(plan.paddedSize()[0]);
        }

        /** Hands on every padded plane below z: no window still to come starts at or below it. */
        private void finishBelow(int z) {
            int[] pad = plan.padBefore();
            int px = plan.paddedSize()[2];
            for (; nextToFinish < z; nextToFinish++) {
                int slotBase = nextToFinish % roi[0] * planeLen;
                int uz = nextToFinish - pad[0];
                if (uz >= 0 && uz < sizeZ) {
                    float[] w = weight;
                    for (int c = 0; c < channels; c++) {
                        float[] s = sums[c];
                        float[] o = out[c];
                        for (int y = 0; y < sizeY; y++) {
                            int srcRow = slotBase + (y + pad[1]) * px + pad[2];
                            for (int x = 0; x < sizeX; x++) {
                                o[y * sizeX + x] = s[srcRow + x] / w[srcRow + x];
                            }
                        }
                    }
                    sink.plane(uz, out);
                }
                Arrays.fill(weight, slotBase, slotBase + planeLen, 0f);
                for (int c = 0; c < channels; c++) {
                    Arrays.fill(sums[c], slotBase, slotBase + planeLen, 0f);
                }
            }
        }
    }
}
