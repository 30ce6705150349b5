package dev.attest.inference.run;

import dev.attest.inference.engine.InferenceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishes each sliding-window plane in network space: activation, label, and copies of the
 * probability planes and hook maps that were asked for; everything else is dropped at once, which
 * is what keeps many-class models in bounded memory. The class count is learnt from the first plane.
 */
final class PlaneClassifier implements PlaneSink {

    private final Activation activation;
    private final List<Integer> requested;
    private final int hookMapCount;
    private final int planeLen;
    private final int voxels;
    private int classes = -1;
    private short[] labels;
    private int[] keptClasses;
    private float[][] kept;
    private float[][] hookMaps;

    /** requested null = every foreground class when there are at most {@link RunOptions#AUTO_PROBABILITY_CLASSES}. */
    PlaneClassifier(Activation activation, List<Integer> requested, int hookMapCount, int sizeX, int sizeY, int sizeZ) {
        this.activation = activation;
        this.requested = requested;
        this.hookMapCount = hookMapCount;
        this.planeLen = sizeX * sizeY;
        this.voxels = Math.multiplyExact(planeLen, sizeZ);
    }

    private void init(int k) {
        if (k < 1 || k > Short.MAX_VALUE) {
            throw new InferenceException("the network gave " + k + " channels; Attest labels need 1 to 32767");
        }
        classes = k;
        labels = new short[voxels];
        List<Integer> keep = new ArrayList<>();
        if (requested == null) {
            if (k <= RunOptions.AUTO_PROBABILITY_CLASSES) {
                for (int c = k == 1 ? 0 : 1; c < k; c++) {
                    keep.add(c);
                }
            }
        } else {
            for (int c : requested) {
                if (c < 0 || c >= k) {
                    throw new IllegalArgumentException("probability map asked for class " + c + " but the network has "
                            + k + " channels");
                }
                keep.add(c);
            }
        }
        keptClasses = keep.stream().mapToInt(Integer::intValue).toArray();
        kept = new float[keptClasses.length][voxels];
        hookMaps = new float[hookMapCount][voxels];
    }

    @Override
    public void plane(int z, float[][] values) {
        if (classes < 0) {
            init(values.length - hookMapCount);
        }
        float[][] net = values.length == classes ? values : java.util.Arrays.copyOf(values, classes);
        int base = z * planeLen;
        for (int i = 0; i < planeLen; i++) {
            labels[base + i] = (short) activation.label(net, i);
        }
        if (keptClasses.length > 0) {
            for (int i = 0; i < planeLen; i++) {
                activation.probabilities(net, i, keptClasses, kept, base);
            }
        }
        for (int m = 0; m < hookMapCount; m++) {
            System.arraycopy(values[classes + m], 0, hookMaps[m], base, planeLen);
        }
    }

    int classes() {
        return classes;
    }

    short[] labels() {
        return labels;
    }

    int[] keptClasses() {
        return keptClasses.clone();
    }

    float[] kept(int j) {
        return kept[j];
    }

    float[] hookMap(int m) {
        return hookMaps[m];
    }
}
