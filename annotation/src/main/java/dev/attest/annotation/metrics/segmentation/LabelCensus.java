package dev.attest.annotation.metrics.segmentation;

import dev.attest.core.geometry.ImageGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a prediction and a reference label map: per label the voxel counts of each, of their overlap,
 * and the box holding the label in either, so that each label's surfaces are then built on its box alone.
 */
final class LabelCensus {
    private static final int SLOTS = LabelReader.MAX_LABEL + 1;

    private final long[] prediction = new long[SLOTS];
    private final long[] reference = new long[SLOTS];
    private final long[] overlap = new long[SLOTS];
    /** Per label: min x, min y, min z, max x, max y, max z (inclusive) over both maps. */
    private final int[] box = new int[SLOTS * 6];

    private LabelCensus() {
        for (int label = 0; label < SLOTS; label++) {
            Arrays.fill(box, label * 6, label * 6 + 3, Integer.MAX_VALUE);
            Arrays.fill(box, label * 6 + 3, label * 6 + 6, Integer.MIN_VALUE);
        }
    }

    static LabelCensus of(LabelReader predicted, LabelReader referenced, ImageGrid grid) {
        LabelCensus census = new LabelCensus();
        int nx = grid.sizeX();
        int[] p = new int[nx];
        int[] r = new int[nx];
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                predicted.readRow(y, z, p);
                referenced.readRow(y, z, r);
                for (int x = 0; x < nx; x++) {
                    int a = p[x];
                    int b = r[x];
                    if (a != 0) {
                        census.prediction[a]++;
                        census.include(a, x, y, z);
                    }
                    if (b != 0) {
                        census.reference[b]++;
                        if (b != a) {
                            census.include(b, x, y, z);
                        } else {
                            census.overlap[a]++;
                        }
                    }
                }
            }
        }
        return census;
    }

    private void include(int label, int x, int y, int z) {
        int at = label * 6;
        if (x < box[at]) {
            box[at] = x;
        }
        if (y < box[at + 1]) {
            box[at + 1] = y;
        }
        if (z < box[at + 2]) {
            box[at + 2] = z;
        }
        if (x > box[at + 3]) {
            box[at + 3] = x;
        }
        if (y > box[at + 4]) {
            box[at + 4] = y;
        }
        if (z > box[at + 5]) {
            box[at + 5] = z;
        }
    }

    /** Labels present in either map, ascending. */
    List<Integer> present() {
        List<Integer> labels = new ArrayList<>();
        for (int label = 1; label < SLOTS; label++) {
            if (prediction[label] > 0 || reference[label] > 0) {
                labels.add(label);
            }
        }
        return labels;
    }

    long prediction(int label) {
        return prediction[label];
    }

    long reference(int label) {
        return reference[label];
    }

    long overlap(int label) {
        return overlap[label];
    }

    /** The box holding the label in either map; only for a label present in one of them. */
    Crop crop(int label) {
        int at = label * 6;
        return new Crop(box[at], box[at + 1], box[at + 2], box[at + 3] - box[at] + 1, box[at + 4] - box[at + 1] + 1,
                box[at + 5] - box[at + 2] + 1);
    }
}
