package dev.attest.core.volume;

/**
 * Reads and writes single values in a slice's primitive array for one voxel type, so that
 * {@link Volume} never boxes and unsigned types are widened correctly.
 */
enum SliceCodec {
    UINT8 {
        @Override double get(Object s, int i) { return ((byte[]) s)[i] & 0xFF; }
        @Override void set(Object s, int i, double v) { ((byte[]) s)[i] = (byte) toInteger(v, VoxelType.UINT8); }
    },
    INT8 {
        @Override double get(Object s, int i) { return ((byte[]) s)[i]; }
        @Override void set(Object s, int i, double v) { ((byte[]) s)[i] = (byte) toInteger(v, VoxelType.INT8); }
    },
    UINT16 {
        @Override double get(Object s, int i) { return ((short[]) s)[i] & 0xFFFF; }
        @Override void set(Object s, int i, double v) { ((short[]) s)[i] = (short) toInteger(v, VoxelType.UINT16); }
    },
    INT16 {
        @Override double get(Object s, int i) { return ((short[]) s)[i]; }
        @Override void set(Object s, int i, double v) { ((short[]) s)[i] = (short) toInteger(v, VoxelType.INT16); }
    },
    INT32 {
        @Override double get(Object s, int i) { return ((int[]) s)[i]; }
        @Override void set(Object s, int i, double v) { ((int[]) s)[i] = (int) toInteger(v, VoxelType.INT32); }
    },
    UINT32 {
        @Override double get(Object s, int i) { return Integer.toUnsignedLong(((int[]) s)[i]); }
        @Override void set(Object s, int i, double v) { ((int[]) s)[i] = (int) toInteger(v, VoxelType.UINT32); }
    },
    FLOAT32 {
        @Override double get(Object s, int i) { return ((float[]) s)[i]; }
        @Override void set(Object s, int i, double v) { ((float[]) s)[i] = (float) v; }
    },
    FLOAT64 {
        @Override double get(Object s, int i) { return ((double[]) s)[i]; }
        @Override void set(Object s, int i, double v) { ((double[]) s)[i] = v; }
    };

    static SliceCodec of(VoxelType type) {
        return valueOf(type.name());
    }

    VoxelType type() {
        return VoxelType.valueOf(name());
    }

    Object allocate(int length) {
        return type().newSliceArray(length);
    }

    abstract double get(Object slice, int index);

    abstract void set(Object slice, int index, double value);

    /** Tells whether array is the primitive array type this codec stores, of the given length. */
    boolean accepts(Object array, int length) {
        return array != null && array.getClass() == allocate(0).getClass()
                && java.lang.reflect.Array.getLength(array) == length;
    }

    /**
     * Rounds to the nearest integer and saturates to the type's range: a value that does not fit
     * is clamped rather than wrapped, so an overflow shows as a flat plateau, not as noise. NaN
     * has no integer counterpart and is stored as 0.
     */
    private static long toInteger(double v, VoxelType type) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double clamped = Math.max(type.minValue(), Math.min(type.maxValue(), v));
        return Math.round(clamped);
    }
}
