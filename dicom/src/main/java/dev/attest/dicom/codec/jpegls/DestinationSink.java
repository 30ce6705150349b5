package dev.attest.dicom.codec.jpegls;

import dev.attest.dicom.pixel.PixelDescription;

/**
 * Writes decoded lines straight into the caller's frame array, samples interleaved, with the
 * sign extension the FrameCodec contract asks for, so no full-frame intermediate is needed.
 */
abstract sealed class DestinationSink implements LineSink {
    final int offset;
    final int columns;
    final int samplesPerPixel;
    /** 32 − (High Bit + 1) when values must be sign-extended from High Bit, else 0. */
    final int shift;

    private DestinationSink(PixelDescription d, int offset) {
        this.offset = offset;
        this.columns = d.columns();
        this.samplesPerPixel = d.samplesPerPixel();
        boolean extend = d.signed() && d.highBit() < d.bitsAllocated() - 1;
        this.shift = extend ? 31 - d.highBit() : 0;
    }

    static DestinationSink of(PixelDescription d, Object dest, int offset) {
        return switch (dest) {
            case short[] a -> new Shorts(d, a, offset);
            case byte[] a -> new Bytes(d, a, offset);
            case int[] a -> new Ints(d, a, offset);
            default -> throw new IllegalArgumentException("JPEG-LS decodes into byte, short or int arrays, not "
                    + dest.getClass().getSimpleName());
        };
    }

    final int start(int row, int component) {
        return offset + row * columns * samplesPerPixel + component;
    }

    private static final class Shorts extends DestinationSink {
        private final short[] out;

        Shorts(PixelDescription d, short[] out, int offset) {
            super(d, offset);
            this.out = out;
        }

        @Override
        public void line(int row, int component, int[] samples, int from, int stride) {
            int o = start(row, component);
            int step = samplesPerPixel;
            int s = shift;
            if (step == 1 && stride == 1) {
                for (int x = 0; x < columns; x++) {
                    out[o + x] = (short) ((samples[from + x] << s) >> s);
                }
                return;
            }
            for (int x = 0; x < columns; x++, o += step, from += stride) {
                out[o] = (short) ((samples[from] << s) >> s);
            }
        }
    }

    private static final class Bytes extends DestinationSink {
        private final byte[] out;

        Bytes(PixelDescription d, byte[] out, int offset) {
            super(d, offset);
            this.out = out;
        }

        @Override
        public void line(int row, int component, int[] samples, int from, int stride) {
            int o = start(row, component);
            int step = samplesPerPixel;
            int s = shift;
            for (int x = 0; x < columns; x++, o += step, from += stride) {
                out[o] = (byte) ((samples[from] << s) >> s);
            }
        }
    }

    private static final class Ints extends DestinationSink {
        private final int[] out;

        Ints(PixelDescription d, int[] out, int offset) {
            super(d, offset);
            this.out = out;
        }

        @Override
        public void line(int row, int component, int[] samples, int from, int stride) {
            int o = start(row, component);
            int step = samplesPerPixel;
            int s = shift;
            for (int x = 0; x < columns; x++, o += step, from += stride) {
                out[o] = (samples[from] << s) >> s;
            }
        }
    }
}
