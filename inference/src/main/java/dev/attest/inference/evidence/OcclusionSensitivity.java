package dev.attest.inference.evidence;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.engine.PatchPredictor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Occlusion evidence for any segmentation predictor (TorchScript or ONNX): a patch of the input is filled
 * with a constant, and the map records how much the target class's mean softmax probability inside the
 * region drops; each voxel gets the mean drop over all patches that cover it. Patch starts on each axis
 * are 0, s, 2s, … up to dim − p, plus dim − p itself when the stride misses it, so every voxel is covered;
 * a patch larger than the axis is shrunk to the axis.
 */
public final class OcclusionSensitivity {

    private final PatchPredictor predictor;
    private final OcclusionSettings settings;

    public OcclusionSensitivity(PatchPredictor predictor, OcclusionSettings settings) {
        this.predictor = predictor;
        this.settings = settings;
    }

    /** Computes the map for input [1, C, z, y, x]; reports progress per predictor call and stops on cancel. */
    public EvidenceMap compute(FloatTensor input, TargetRegion region, ProgressListener progress,
                               Cancellation cancellation) {
        long[] shape = input.shape();
        if (shape.length != 5 || shape[0] != 1) {
            throw new IllegalArgumentException("input must be [1, C, z, y, x], got " + Arrays.toString(shape));
        }
        int channels = (int) shape[1];
        int[] dims = {(int) shape[2], (int) shape[3], (int) shape[4]};
        int voxels = dims[0] * dims[1] * dims[2];
        if (!region.usesArgmax() && region.maskLength() != voxels) {
            throw new IllegalArgumentException("mask has " + region.maskLength() + " voxels, input has " + voxels);
        }
        cancellation.throwIfCancelled();
        FloatTensor baseOut = predictor.predict(input);
        checkOutput(baseOut, dims, region.targetClass());
        boolean[] inRegion = region.usesArgmax() ? argmaxRegion(baseOut, region.targetClass(), voxels) : region.mask();
        int regionVoxels = 0;
        for (boolean b : inRegion) {
            regionVoxels += b ? 1 : 0;
        }
        EvidenceMethod method = EvidenceMethod.occlusion(region, settings);
        if (regionVoxels == 0) {
            return new EvidenceMap(FloatTensor.zeros(dims[0], dims[1], dims[2]), method, 0);
        }
        double base = meanProbability(baseOut, 0, region.targetClass(), inRegion, voxels);

        int[] patch = new int[3];
        List<int[]> starts = patchStarts(dims, patch);
        double[] sum = new double[voxels];
        int[] count = new int[voxels];
        float[] src = input.data();
        int batch = settings.batchSize();
        int total = starts.size();
        for (int first = 0; first < total; first += batch) {
            cancellation.throwIfCancelled();
            int n = Math.min(batch, total - first);
            float[] data = new float[n * src.length];
            for (int b = 0; b < n; b++) {
                int offset = b * src.length;
                System.arraycopy(src, 0, data, offset, src.length);
                forEachPatchVoxel(dims, starts.get(first + b), patch, i -> {
                    for (int c = 0; c < channels; c++) {
                        data[offset + c * voxels + i] = settings.fillValue();
                    }
                });
            }
            FloatTensor out = predictor.predict(new FloatTensor(data, new long[]{n, channels, dims[0], dims[1], dims[2]}));
            if (out.dim(0) != n) {
                throw new InferenceException("predictor returned " + out.dim(0) + " outputs for a batch of " + n);
            }
            checkOutput(out, dims, region.targetClass());
            for (int b = 0; b < n; b++) {
                double drop = base - meanProbability(out, b, region.targetClass(), inRegion, voxels);
                forEachPatchVoxel(dims, starts.get(first + b), patch, i -> {
                    sum[i] += drop;
                    count[i]++;
                });
            }
            progress.progress(first + n, total, "occlusion " + (first + n) + "/" + total);
        }
        float[] map = new float[voxels];
        for (int i = 0; i < voxels; i++) {
            map[i] = count[i] == 0 ? 0f : (float) (sum[i] / count[i]);
        }
        return new EvidenceMap(new FloatTensor(map, new long[]{dims[0], dims[1], dims[2]}), method, regionVoxels);
    }

    /** Number of occluded copies (predictor inputs besides the baseline) a run over these dimensions makes. */
    public int occlusionCount(int nz, int ny, int nx) {
        return patchStarts(new int[]{nz, ny, nx}, new int[3]).size();
    }

    private List<int[]> patchStarts(int[] dims, int[] patchOut) {
        int[][] axis = new int[3][];
        int[] p = settings.patchSize();
        int[] st = settings.stride();
        for (int a = 0; a < 3; a++) {
            patchOut[a] = Math.min(p[a], dims[a]);
            int last = dims[a] - patchOut[a];
            List<Integer> s = new ArrayList<>();
            for (int v = 0; v <= last; v += st[a]) {
                s.add(v);
            }
            if (s.get(s.size() - 1) != last) {
                s.add(last);
            }
            axis[a] = s.stream().mapToInt(Integer::intValue).toArray();
        }
        List<int[]> starts = new ArrayList<>();
        for (int z : axis[0]) {
            for (int y : axis[1]) {
                for (int x : axis[2]) {
                    starts.add(new int[]{z, y, x});
                }
            }
        }
        return starts;
    }

    private interface VoxelAction {
        void at(int index);
    }

    private static void forEachPatchVoxel(int[] dims, int[] start, int[] patch, VoxelAction action) {
        for (int z = start[0]; z < start[0] + patch[0]; z++) {
            for (int y = start[1]; y < start[1] + patch[1]; y++) {
                int row = (z * dims[1] + y) * dims[2];
                for (int x = start[2]; x < start[2] + patch[2]; x++) {
                    action.at(row + x);
                }
            }
        }
    }

    /** Softmax over classes of item b at each region voxel, averaged over the region. */
    private static double meanProbability(FloatTensor logits, int b, int target, boolean[] region, int voxels) {
        float[] d = logits.data();
        int classes = (int) logits.dim(1);
        int base = b * classes * voxels;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < voxels; i++) {
            if (!region[i]) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, d[base + k * voxels + i]);
            }
            double denom = 0;
            for (int k = 0; k < classes; k++) {
                denom += Math.exp(d[base + k * voxels + i] - max);
            }
            sum += Math.exp(d[base + target * voxels + i] - max) / denom;
            n++;
        }
        return sum / n;
    }

    private static boolean[] argmaxRegion(FloatTensor logits, int target, int voxels) {
        float[] d = logits.data();
        int classes = (int) logits.dim(1);
        boolean[] r = new boolean[voxels];
        for (int i = 0; i < voxels; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                // Strictly greater: ties go to the lower class, as torch.argmax does.
                if (d[k * voxels + i] > d[best * voxels + i]) {
                    best = k;
                }
            }
            r[i] = best == target;
        }
        return r;
    }

    private static void checkOutput(FloatTensor out, int[] dims, int target) {
        if (out.rank() != 5 || out.dim(2) != dims[0] || out.dim(3) != dims[1] || out.dim(4) != dims[2]) {
            throw new InferenceException("network output " + out + " is not a dense map over input "
                    + Arrays.toString(dims));
        }
        if (target >= out.dim(1)) {
            throw new IllegalArgumentException("target class " + target + " but the network has " + out.dim(1) + " classes");
        }
    }
}
