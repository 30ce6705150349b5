package dev.attest.app.export.objects;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each label of a label map lies, slice by slice: its in-plane bounding box and voxel count on every slice
 * (slices are the grid's third index). Read once; boxes derived from masks for COCO and RadFact come from here.
 * Label values are the stored voxel values (as the SEG writer reads them); non-integer and non-positive values
 * are background.
 */
final class LabelExtents {
    private final ImageGrid grid;
    private final TreeMap<Integer, Extent> extents = new TreeMap<>();

    /** Per-slice extremes of one label; minI = Integer.MAX_VALUE on a slice where it is absent. */
    private static final class Extent {
        final int[] minI;
        final int[] maxI;
        final int[] minJ;
        final int[] maxJ;
        final long[] count;

        Extent(int slices) {
            minI = new int[slices];
            maxI = new int[slices];
            minJ = new int[slices];
            maxJ = new int[slices];
            count = new long[slices];
            Arrays.fill(minI, Integer.MAX_VALUE);
            Arrays.fill(minJ, Integer.MAX_VALUE);
            Arrays.fill(maxI, -1);
            Arrays.fill(maxJ, -1);
        }
    }

    private LabelExtents(ImageGrid grid) {
        this.grid = grid;
    }

    static LabelExtents of(Volume labels) {
        ImageGrid g = labels.grid();
        LabelExtents out = new LabelExtents(g);
        int lastLabel = 0;
        Extent last = null;
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    double v = labels.getStored(i, j, k);
                    if (!(v > 0) || v != Math.rint(v)) {
                        continue;
                    }
                    int label = (int) v;
                    if (last == null || label != lastLabel) {
                        last = out.extents.computeIfAbsent(label, x -> new Extent(g.sizeZ()));
                        lastLabel = label;
                    }
                    last.minI[k] = Math.min(last.minI[k], i);
                    last.maxI[k] = Math.max(last.maxI[k], i);
                    last.minJ[k] = Math.min(last.minJ[k], j);
                    last.maxJ[k] = Math.max(last.maxJ[k], j);
                    last.count[k]++;
                }
            }
        }
        return out;
    }

    ImageGrid grid() {
        return grid;
    }

    /** The labels with at least one voxel, ascending. */
    List<Integer> labels() {
        return List.copyOf(extents.keySet());
    }

    boolean isEmpty() {
        return extents.isEmpty();
    }

    long voxels(int label) {
        Extent e = extents.get(label);
        return e == null ? 0 : Arrays.stream(e.count).sum();
    }

    long sliceVoxels(int label, int k) {
        Extent e = extents.get(label);
        return e == null ? 0 : e.count[k];
    }

    /** The slices holding the label, ascending. */
    List<Integer> slices(int label) {
        Extent e = extents.get(label);
        List<Integer> out = new ArrayList<>();
        if (e != null) {
            for (int k = 0; k < e.count.length; k++) {
                if (e.count[k] > 0) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** The label's bounding box on slice k (one slice thick), empty where it has no voxel. */
    Optional<VoxelBox> sliceBox(int label, int k) {
        Extent e = extents.get(label);
        if (e == null || e.count[k] == 0) {
            return Optional.empty();
        }
        return Optional.of(new VoxelBox(e.minI[k], e.minJ[k], k, e.maxI[k] + 1, e.maxJ[k] + 1, k + 1));
    }

    /**
     * The slice a 2D reader would look at for the label: the one with most of its voxels, the lowest on a tie.
     * Empty when the label is absent.
     */
    Optional<Integer> keySlice(int label) {
        Extent e = extents.get(label);
        if (e == null) {
            return Optional.empty();
        }
        int best = -1;
        for (int k = 0; k < e.count.length; k++) {
            if (e.count[k] > 0 && (best < 0 || e.count[k] > e.count[best])) {
                best = k;
            }
        }
        return Optional.of(best);
    }
}
