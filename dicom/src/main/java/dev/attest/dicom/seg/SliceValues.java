package dev.attest.dicom.seg;

import dev.attest.core.volume.VoxelType;

/** Reads one voxel of a volume's primitive slice array (see {@code Volume.sliceArray}) as a number. */
final class SliceValues {
    private SliceValues() {
    }

    /** The stored value at index i; unsigned types read as unsigned. */
    static double stored(Object array, int i, VoxelType type) {
        return switch (type) {
            case UINT8 -> ((byte[]) array)[i] & 0xFF;
            case INT8 -> ((byte[]) array)[i];
            case UINT16 -> ((short[]) array)[i] & 0xFFFF;
            case INT16 -> ((short[]) array)[i];
            case INT32 -> ((int[]) array)[i];
            case UINT32 -> ((int[]) array)[i] & 0xFFFFFFFFL;
            case FLOAT32 -> ((float[]) array)[i];
            case FLOAT64 -> ((double[]) array)[i];
        };
    }
}
