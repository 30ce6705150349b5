package dev.attest.dicom.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The array type decoded stored values are returned in, named as numpy names it, so that a
 * Python user reading {@code attest pixels --raw} output knows how to load the bytes.
 */
public enum PixelDtype {
    UINT8(1, false, false), INT8(1, true, false),
    UINT16(2, false, false), INT16(2, true, false),
    UINT32(4, false, false), INT32(4, true, false),
    UINT64(8, false, false), INT64(8, true, false),
    FLOAT32(4, true, true), FLOAT64(8, true, true);

    private final int bytes;
    private final boolean signed;
    private final boolean floating;

    PixelDtype(int bytes, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.signed = signed;
        this.floating = floating;
    }

    /** The numpy dtype name: "uint8", "int16", "float32", .... */
    public String dtypeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floating() {
        return floating;
    }

    /** The smallest integer type holding {@code bitsAllocated}-bit integers (1 → uint8 0/1). */
    static PixelDtype forInteger(int bitsAllocated, boolean signed) {
        if (bitsAllocated == 1) {
            return UINT8;
        }
        if (bitsAllocated <= 8) {
            return signed ? INT8 : UINT8;
        }
        if (bitsAllocated <= 16) {
            return signed ? INT16 : UINT16;
        }
        if (bitsAllocated <= 32) {
            return signed ? INT32 : UINT32;
        }
        return signed ? INT64 : UINT64;
    }

    /** A new primitive array of {@code n} values of this type (byte[], short[], int[], long[], float[] or double[]). */
    public Object allocate(int n) {
        return switch (this) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case UINT64, INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /** Whether {@code array} is the primitive array class this type is held in. */
    public boolean holds(Object array) {
        return switch (this) {
            case UINT8, INT8 -> array instanceof byte[];
            case UINT16, INT16 -> array instanceof short[];
            case UINT32, INT32 -> array instanceof int[];
            case UINT64, INT64 -> array instanceof long[];
            case FLOAT32 -> array instanceof float[];
            case FLOAT64 -> array instanceof double[];
        };
    }

    /** Number of values in an array this type is held in. */
    static int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    /** The values of {@code array} as little-endian bytes, the layout numpy's {@code tofile} writes. */
    byte[] toLittleEndianBytes(Object array) {
        int n = length(array);
        long size = (long) n * bytes;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(n + " " + dtypeName() + " values do not fit in one byte array");
        }
        if (array instanceof byte[] b) {
            return b.clone();
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        switch (array) {
            case short[] s -> out.asShortBuffer().put(s);
            case int[] i -> out.asIntBuffer().put(i);
            case long[] l -> out.asLongBuffer().put(l);
            case float[] f -> out.asFloatBuffer().put(f);
            case double[] d -> out.asDoubleBuffer().put(d);
            default -> throw new IllegalArgumentException("not a pixel array: " + array.getClass());
        }
        return out.array();
    }
}
