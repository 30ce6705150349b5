package dev.attest.annotation.metrics.segmentation;

import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * Reads a label map row by row as int labels straight from its slice arrays: a metric pass touches every
 * voxel of two volumes, and the per-voxel double accessors of {@link Volume} would dominate its cost. A stored
 * value becomes a label after the volume's rescale, rounded to the nearest integer, as
 * {@link dev.attest.core.labels.LabelValues} reads labels.
 */
public final class LabelReader {
    /** Labels are array indices in the per-label tallies, so they are bounded like UINT16 label maps. */
    public static final int MAX_LABEL = 65535;

    private final Volume volume;
    private final String name;
    private final int sizeX;

    public LabelReader(Volume volume, String name) {
        this.volume = volume;
        this.name = name;
        this.sizeX = volume.grid().sizeX();
    }

    String name() {
        return name;
    }

    /** Fills out[0 .. sizeX) with the labels of row y of slice z. */
    public void readRow(int y, int z, int[] out) {
        Object slice = volume.sliceArray(z);
        int from = y * sizeX;
        double slope = volume.slope(z);
        double intercept = volume.intercept(z);
        boolean identity = slope == 1 && intercept == 0;
        switch (volume.type()) {
            case UINT8 -> {
                byte[] s = (byte[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = identity ? s[from + x] & 0xFF : rescaled(s[from + x] & 0xFF, slope, intercept, x, y, z);
                }
            }
            case INT8 -> {
                byte[] s = (byte[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = identity ? s[from + x] : rescaled(s[from + x], slope, intercept, x, y, z);
                }
            }
            case UINT16 -> {
                short[] s = (short[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = identity ? s[from + x] & 0xFFFF : rescaled(s[from + x] & 0xFFFF, slope, intercept, x, y, z);
                }
            }
            case INT16 -> {
                short[] s = (short[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = identity ? s[from + x] : rescaled(s[from + x], slope, intercept, x, y, z);
                }
            }
            case INT32 -> {
                int[] s = (int[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = rescaled(s[from + x], slope, intercept, x, y, z);
                }
            }
            case UINT32 -> {
                int[] s = (int[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = rescaled(Integer.toUnsignedLong(s[from + x]), slope, intercept, x, y, z);
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = rescaled(s[from + x], slope, intercept, x, y, z);
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) slice;
                for (int x = 0; x < sizeX; x++) {
                    out[x] = rescaled(s[from + x], slope, intercept, x, y, z);
                }
            }
        }
        // Rescaled and 32-bit values were checked one by one; signed small types can still be negative.
        if (identity && (volume.type() == VoxelType.INT8 || volume.type() == VoxelType.INT16)) {
            for (int x = 0; x < sizeX; x++) {
                check(out[x], x, y, z);
            }
        }
    }

    private int rescaled(double stored, double slope, double intercept, int x, int y, int z) {
        double value = stored * slope + intercept;
        if (Double.isNaN(value)) {
            throw new MetricInputException(name + ": voxel (" + x + ", " + y + ", " + z + ") is NaN, not a label");
        }
        long label = Math.round(value);
        return check(label, x, y, z);
    }

    private int check(long label, int x, int y, int z) {
        if (label < 0 || label > MAX_LABEL) {
            throw new MetricInputException(name + ": voxel (" + x + ", " + y + ", " + z + ") holds " + label
                    + ", outside the labels 0 to " + MAX_LABEL + " this comparison handles");
        }
        return (int) label;
    }
}
