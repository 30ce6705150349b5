package dev.attest.dicom.seg;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Turns the writer's inputs (a label map, binary masks, fraction maps) into each segment's content
 * on each slice of the source grid, and tells whether segments overlap.
 */
final class SegmentPlanes {
    /** How far a mask's grid may be from the source grid, mm. */
    static final double GRID_TOLERANCE_MM = 1e-3;

    /** One segment's content on one slice: bits for BINARY, 0..255 values for FRACTIONAL (null when all zero). */
    record Plane(BitSet bits, byte[] values) {
        boolean isEmpty() {
            return bits != null ? bits.isEmpty() : values == null;
        }
    }

    private SegmentPlanes() {
    }

    /** Per segment (in list order) and slice, the voxels whose value is the segment's label. */
    static Plane[][] ofLabelMap(SegmentationSource source, Volume labels, List<LabelSegment> segments) {
        checkGrid(source, labels, "label map");
        int largest = segments.stream().mapToInt(LabelSegment::label).max().orElseThrow();
        int[] segmentOfLabel = new int[largest + 1];
        Arrays.fill(segmentOfLabel, -1);
        for (int s = 0; s < segments.size(); s++) {
            int label = segments.get(s).label();
            if (segmentOfLabel[label] >= 0) {
                throw new IllegalArgumentException("label " + label + " is given to two segments");
            }
            segmentOfLabel[label] = s;
        }
        ImageGrid grid = source.grid();
        int n = grid.sizeX() * grid.sizeY();
        BitSet[][] bits = new BitSet[segments.size()][grid.sizeZ()];
        VoxelType type = labels.type();
        for (int z = 0; z < grid.sizeZ(); z++) {
            Object slice = labels.sliceArray(z);
            for (int i = 0; i < n; i++) {
                double v = SliceValues.stored(slice, i, type);
                if (v > 0 && v <= largest && v == Math.rint(v)) {
                    int s = segmentOfLabel[(int) v];
                    if (s >= 0) {
                        set(bits, s, z, i, n);
                    }
                }
            }
        }
        return binaryPlanes(bits);
    }

    /** Per segment and slice, the non-zero voxels of its mask. */
    static Plane[][] ofMasks(SegmentationSource source, List<SegmentMask> segments) {
        ImageGrid grid = source.grid();
        int n = grid.sizeX() * grid.sizeY();
        BitSet[][] bits = new BitSet[segments.size()][grid.sizeZ()];
        for (int s = 0; s < segments.size(); s++) {
            Volume mask = segments.get(s).mask();
            checkGrid(source, mask, "mask of segment '" + segments.get(s).definition().label() + "'");
            for (int z = 0; z < grid.sizeZ(); z++) {
                Object slice = mask.sliceArray(z);
                for (int i = 0; i < n; i++) {
                    if (SliceValues.stored(slice, i, mask.type()) != 0) {
                        set(bits, s, z, i, n);
                    }
                }
            }
        }
        return binaryPlanes(bits);
    }

    /** Per segment and slice, round(clamp(fraction, 0, 1) × max) of every voxel; NaN counts as 0. */
    static Plane[][] ofFractions(SegmentationSource source, List<SegmentFraction> segments, int max) {
        ImageGrid grid = source.grid();
        int n = grid.sizeX() * grid.sizeY();
        Plane[][] planes = new Plane[segments.size()][grid.sizeZ()];
        for (int s = 0; s < segments.size(); s++) {
            Volume fraction = segments.get(s).fraction();
            checkGrid(source, fraction, "fraction map of segment '" + segments.get(s).definition().label() + "'");
            for (int z = 0; z < grid.sizeZ(); z++) {
                Object slice = fraction.sliceArray(z);
                double slope = fraction.slope(z);
                double intercept = fraction.intercept(z);
                byte[] values = null;
                for (int i = 0; i < n; i++) {
                    double f = SliceValues.stored(slice, i, fraction.type()) * slope + intercept;
                    long stored = Double.isNaN(f) ? 0 : Math.round(Math.max(0, Math.min(1, f)) * max);
                    if (stored != 0) {
                        if (values == null) {
                            values = new byte[n];
                        }
                        values[i] = (byte) stored;
                    }
                }
                planes[s][z] = new Plane(null, values);
            }
        }
        return planes;
    }

    /** Segments Overlap (0062,0013): YES when any voxel is non-zero in two segments, else NO. */
    static String overlap(Plane[][] planes) {
        for (int z = 0; z < planes[0].length; z++) {
            BitSet taken = new BitSet();
            for (Plane[] segment : planes) {
                BitSet bits = nonZero(segment[z]);
                if (taken.intersects(bits)) {
                    return "YES";
                }
                taken.or(bits);
            }
        }
        return "NO";
    }

    private static void checkGrid(SegmentationSource source, Volume volume, String what) {
        if (!volume.grid().sameGeometry(source.grid(), GRID_TOLERANCE_MM)) {
            throw new IllegalArgumentException("the " + what + " is on grid " + volume.grid() + ", not on the source grid "
                    + source.grid() + ": resample it onto the source grid first");
        }
    }

    private static void set(BitSet[][] bits, int segment, int z, int i, int n) {
        if (bits[segment][z] == null) {
            bits[segment][z] = new BitSet(n);
        }
        bits[segment][z].set(i);
    }

    private static Plane[][] binaryPlanes(BitSet[][] bits) {
        Plane[][] planes = new Plane[bits.length][];
        for (int s = 0; s < bits.length; s++) {
            planes[s] = new Plane[bits[s].length];
            for (int z = 0; z < bits[s].length; z++) {
                planes[s][z] = new Plane(bits[s][z] == null ? new BitSet() : bits[s][z], null);
            }
        }
        return planes;
    }

    private static BitSet nonZero(Plane plane) {
        if (plane.bits() != null) {
            return plane.bits();
        }
        BitSet bits = new BitSet();
        if (plane.values() != null) {
            for (int i = 0; i < plane.values().length; i++) {
                if (plane.values()[i] != 0) {
                    bits.set(i);
                }
            }
        }
        return bits;
    }
}
