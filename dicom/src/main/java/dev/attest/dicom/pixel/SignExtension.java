package dev.attest.dicom.pixel;

/**
 * Turns two's complement values whose sign bit is High Bit into full-width integers: PS3.5 8.1.1
 * lets bits above High Bit hold anything, so they are replaced by copies of the sign bit.
 */
final class SignExtension {
    private SignExtension() {
    }

    static void apply(Object array, int off, int n, int highBit) {
        switch (array) {
            case byte[] a -> {
                int shift = 31 - highBit;
                for (int i = off; i < off + n; i++) {
                    a[i] = (byte) ((a[i] << shift) >> shift);
                }
            }
            case short[] a -> {
                int shift = 31 - highBit;
                for (int i = off; i < off + n; i++) {
                    a[i] = (short) ((a[i] << shift) >> shift);
                }
            }
            case int[] a -> {
                int shift = 31 - highBit;
                for (int i = off; i < off + n; i++) {
                    a[i] = (a[i] << shift) >> shift;
                }
            }
            case long[] a -> {
                int shift = 63 - highBit;
                for (int i = off; i < off + n; i++) {
                    a[i] = (a[i] << shift) >> shift;
                }
            }
            default -> throw new IllegalArgumentException("sign extension applies to integer arrays, not " + array.getClass());
        }
    }
}
