package dev.attest.viewer.surface;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a label map that finds every label present, its voxel count and its bounding
 * box, so that each label's surface is then extracted from its own box only.
 */
final class LabelIndex {

    /** A label's voxel count and inclusive index bounds. */
    record Extent(int label, long voxels, int minI, int minJ, int minK, int maxI, int maxJ, int maxK) {
    }

    private final Volume labels;
    private final Map<Integer, Extent> extents;

    private LabelIndex(Volume labels, Map<Integer, Extent> extents) {
        this.labels = labels;
        this.extents = extents;
    }

    /** Scans the label map; labels are the stored values as integers, 0 being background. */
    static LabelIndex scan(Volume labels) {
        ImageGrid grid = labels.grid();
        int nx = grid.sizeX();
        int ny = grid.sizeY();
        Map<Integer, long[]> boxes = new TreeMap<>();
        int[] row = new int[nx];
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < ny; j++) {
                readRow(labels, j, k, row);
                for (int i = 0; i < nx; i++) {
                    int label = row[i];
                    if (label == 0) {
                        continue;
                    }
                    long[] b = boxes.computeIfAbsent(label,
                            l -> new long[] {0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -1, -1, -1});
                    b[0]++;
                    b[1] = Math.min(b[1], i);
                    b[2] = Math.min(b[2], j);
                    b[3] = Math.min(b[3], k);
                    b[4] = Math.max(b[4], i);
                    b[5] = Math.max(b[5], j);
                    b[6] = Math.max(b[6], k);
                }
            }
        }
        Map<Integer, Extent> extents = new TreeMap<>();
        boxes.forEach((label, b) -> extents.put(label, new Extent(label, b[0], (int) b[1], (int) b[2], (int) b[3],
                (int) b[4], (int) b[5], (int) b[6])));
        return new LabelIndex(labels, Collections.unmodifiableMap(extents));
    }

    /** The labels present, in increasing order, with their extents. */
    Map<Integer, Extent> extents() {
        return extents;
    }

    /** Cuts out the mask of one label over its bounding box plus one background voxel each side. */
    LabelMask mask(int label) {
        Extent e = extents.get(label);
        if (e == null) {
            throw new IllegalArgumentException("label " + label + " is not present in " + labels.name());
        }
        int sx = e.maxI() - e.minI() + 3;
        int sy = e.maxJ() - e.minJ() + 3;
        int sz = e.maxK() - e.minK() + 3;
        byte[] inside = new byte[Math.multiplyExact(Math.multiplyExact(sx, sy), sz)];
        int[] row = new int[labels.grid().sizeX()];
        for (int k = e.minK(); k <= e.maxK(); k++) {
            for (int j = e.minJ(); j <= e.maxJ(); j++) {
                readRow(labels, j, k, row);
                int base = ((k - e.minK() + 1) * sy + (j - e.minJ() + 1)) * sx + 1 - e.minI();
                for (int i = e.minI(); i <= e.maxI(); i++) {
                    if (row[i] == label) {
                        inside[base + i] = 1;
                    }
                }
            }
        }
        return new LabelMask(inside, sx, sy, sz, e.minI() - 1, e.minJ() - 1, e.minK() - 1, e.voxels());
    }

    /**
     * Reads one row of stored values as integers straight from the slice array, since going
     * through the per-voxel accessor costs a type dispatch per voxel on maps of 10^8 voxels.
     */
    private static void readRow(Volume labels, int j, int k, int[] row) {
        Object slice = labels.sliceArray(k);
        int offset = j * row.length;
        switch (labels.type()) {
            case UINT8 -> {
                byte[] s = (byte[]) slice;
                for (int i = 0; i < row.length; i++) {
                    row[i] = s[offset + i] & 0xFF;
                }
            }
            case INT8 -> {
                byte[] s = (byte[]) slice;
                for (int i = 0; i < row.length; i++) {
                    row[i] = s[offset + i];
                }
            }
            case UINT16 -> {
                short[] s = (short[]) slice;
                for (int i = 0; i < row.length; i++) {
                    row[i] = s[offset + i] & 0xFFFF;
                }
            }
            case INT16 -> {
                short[] s = (short[]) slice;
                for (int i = 0; i < row.length; i++) {
                    row[i] = s[offset + i];
                }
            }
            case INT32, UINT32 -> {
                int[] s = (int[]) slice;
                System.arraycopy(s, offset, row, 0, row.length);
            }
            default -> {
                // Float label maps (some tools write them) hold whole numbers; round to be safe.
                for (int i = 0; i < row.length; i++) {
                    row[i] = (int) Math.round(labels.getStored(i, j, k));
                }
            }
        }
    }
}
