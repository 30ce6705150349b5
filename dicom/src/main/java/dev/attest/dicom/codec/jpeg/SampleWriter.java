package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDescription;

/**
 * Writes decoded component planes into the caller's array as DICOM stored values: chrominance
 * upsampled to full size, Y Cb Cr converted to R G B when asked, the lossless point transform
 * undone, signed values sign-extended from Bits Stored, samples interleaved.
 */
final class SampleWriter {
    private SampleWriter() {
    }

    /** How subsampled components are brought to full size. */
    enum Upsampling {
        /** Each sample repeated over the pixels it covers. */
        REPLICATE,
        /**
         * libjpeg's default ("fancy") for 2:1 horizontal and 2:1 both ways: a triangle filter
         * weighting the nearer sample 3/4 and the farther 1/4 (both directions for 2:1 both ways),
         * with libjpeg's alternating rounding; other ratios are replicated.
         */
        TRIANGLE
    }

    static void write(FrameHeader f, PixelDescription d, boolean yccToRgb, Upsampling upsampling, Object dest, int off) {
        int rows = d.rows();
        int columns = d.columns();
        Component[] comps = f.components();
        int n = comps.length;
        int bitsStored = d.bitsStored();
        int shift = d.signed() && bitsStored < 32 ? 32 - bitsStored : 0;
        if (n == 1) {
            Component c = comps[0];
            int pt = c.pointTransform;
            boolean inPlace = c.samples == dest && c.offset == off && c.stride == columns;
            if (inPlace && pt == 0 && (shift == 0 || bitsStored == 16)) {
                return; // decoded straight into the destination and already what it must hold
            }
            for (int y = 0; y < rows; y++) {
                int from = c.offset + y * c.stride;
                int to = off + y * columns;
                switch (dest) {
                    case short[] out -> {
                        for (int x = 0; x < columns; x++) {
                            out[to + x] = (short) finish(c.samples[from + x] & 0xFFFF, pt, shift);
                        }
                    }
                    case byte[] out -> {
                        for (int x = 0; x < columns; x++) {
                            out[to + x] = (byte) finish(c.samples[from + x] & 0xFFFF, pt, shift);
                        }
                    }
                    case int[] out -> {
                        for (int x = 0; x < columns; x++) {
                            out[to + x] = finish(c.samples[from + x] & 0xFFFF, pt, shift);
                        }
                    }
                    default -> throw new IllegalArgumentException("JPEG decodes into byte, short or int arrays");
                }
            }
            return;
        }
        int[][] line = new int[n][columns];
        int[] rgb = new int[3];
        YccTables ycc = yccToRgb ? YccTables.forPrecision(f.precision()) : null;
        for (int y = 0; y < rows; y++) {
            for (int i = 0; i < n; i++) {
                upsampleRow(comps[i], f, y, columns, upsampling, line[i]);
            }
            int to = off + y * columns * n;
            for (int x = 0; x < columns; x++, to += n) {
                if (ycc != null) {
                    ycc.toRgb(line[0][x], line[1][x], line[2][x], rgb);
                    for (int i = 0; i < 3; i++) {
                        put(dest, to + i, finish(rgb[i], 0, shift));
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        put(dest, to + i, finish(line[i][x], comps[i].pointTransform, shift));
                    }
                }
            }
        }
    }

    private static int finish(int v, int pointTransform, int shift) {
        v <<= pointTransform;
        return (v << shift) >> shift;
    }

    private static void put(Object dest, int at, int v) {
        switch (dest) {
            case byte[] out -> out[at] = (byte) v;
            case short[] out -> out[at] = (short) v;
            case int[] out -> out[at] = v;
            default -> throw new IllegalArgumentException("JPEG decodes into byte, short or int arrays");
        }
    }

    /** Fills {@code out} with row {@code y} of component {@code c} at full size. */
    static void upsampleRow(Component c, FrameHeader f, int y, int columns, Upsampling upsampling, int[] out) {
        int hr = f.hMax() / c.h;
        int vr = f.vMax() / c.v;
        short[] s = c.samples;
        // Rows past the component's last real one repeat it (its padding is not image data).
        int inRow = Math.min(y / vr, c.height - 1);
        int row = c.offset + inRow * c.stride;
        boolean triangle = upsampling == Upsampling.TRIANGLE && hr == 2 && (vr == 1 || vr == 2) && c.width > 2;
        if (!triangle) {
            if (hr == 1) {
                for (int x = 0; x < columns; x++) {
                    out[x] = s[row + x] & 0xFFFF;
                }
            } else {
                for (int x = 0; x < columns; x++) {
                    out[x] = s[row + x / hr] & 0xFFFF;
                }
            }
            return;
        }
        int w = c.width;
        if (vr == 1) {
            // Horizontal only: out[2i] = (3 in[i] + in[i-1] + 1) / 4, out[2i+1] = (3 in[i] + in[i+1] + 2) / 4.
            int prev = s[row] & 0xFFFF;
            int cur = prev;
            for (int i = 0; i < w; i++) {
                int next = i + 1 < w ? s[row + i + 1] & 0xFFFF : cur;
                int a = i == 0 ? cur : (3 * cur + prev + 1) >> 2;
                int b = i == w - 1 ? cur : (3 * cur + next + 2) >> 2;
                set(out, 2 * i, a, columns);
                set(out, 2 * i + 1, b, columns);
                prev = cur;
                cur = next;
            }
            return;
        }
        // Both ways: first 3/4 of this row + 1/4 of the nearer neighbour row (the one above for
        // even output rows, below for odd), edges repeated; then the same across, in sixteenths.
        int neighbour = (y & 1) == 0 ? inRow - 1 : inRow + 1;
        neighbour = Math.max(0, Math.min(c.height - 1, neighbour));
        int nrow = c.offset + neighbour * c.stride;
        int prev = 3 * (s[row] & 0xFFFF) + (s[nrow] & 0xFFFF);
        int cur = prev;
        for (int i = 0; i < w; i++) {
            int next = i + 1 < w ? 3 * (s[row + i + 1] & 0xFFFF) + (s[nrow + i + 1] & 0xFFFF) : cur;
            int a = i == 0 ? (4 * cur + 8) >> 4 : (3 * cur + prev + 8) >> 4;
            int b = i == w - 1 ? (4 * cur + 7) >> 4 : (3 * cur + next + 7) >> 4;
            set(out, 2 * i, a, columns);
            set(out, 2 * i + 1, b, columns);
            prev = cur;
            cur = next;
        }
    }

    private static void set(int[] out, int x, int v, int columns) {
        if (x < columns) {
            out[x] = v;
        }
    }

    /**
     * Y Cb Cr to R G B as JFIF defines it (ITU-T T.871 section 7), full range, chrominance centred
     * on 2^(P-1), in 16-bit fixed point with the rounding libjpeg uses, so lossy colour
     * files come out as DCMTK decodes them.
     */
    static final class YccTables {
        private static final int SCALE = 16;
        private static final int HALF = 1 << (SCALE - 1);
        private static final YccTables EIGHT = new YccTables(8);
        private static final YccTables TWELVE = new YccTables(12);

        private final int max;
        private final int[] crToR;
        private final int[] cbToB;
        private final int[] crToG;
        private final int[] cbToG;

        private YccTables(int precision) {
            int size = 1 << precision;
            int center = size / 2;
            max = size - 1;
            crToR = new int[size];
            cbToB = new int[size];
            crToG = new int[size];
            cbToG = new int[size];
            for (int i = 0; i < size; i++) {
                int x = i - center;
                crToR[i] = (fix(1.402) * x + HALF) >> SCALE;
                cbToB[i] = (fix(1.772) * x + HALF) >> SCALE;
                crToG[i] = -fix(0.714136) * x;
                cbToG[i] = -fix(0.344136) * x + HALF;
            }
        }

        static YccTables forPrecision(int precision) {
            return precision <= 8 ? EIGHT : TWELVE;
        }

        private static int fix(double x) {
            return (int) Math.round(x * (1 << SCALE));
        }

        void toRgb(int y, int cb, int cr, int[] rgb) {
            cb &= max;
            cr &= max;
            rgb[0] = clamp(y + crToR[cr]);
            rgb[1] = clamp(y + ((cbToG[cb] + crToG[cr]) >> SCALE));
            rgb[2] = clamp(y + cbToB[cb]);
        }

        private int clamp(int v) {
            return v < 0 ? 0 : Math.min(v, max);
        }
    }
}
