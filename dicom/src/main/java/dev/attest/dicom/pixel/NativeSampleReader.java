package dev.attest.dicom.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one frame laid out as native (uncompressed) Pixel Data into a primitive array: bit-packed
 * 1-bit samples, 8- to 64-bit integers and IEEE floats in either byte order, planar or
 * interleaved, 4:2:2 subsampled YBR. Used by every codec whose output is a native frame (native
 * syntaxes, RLE once its segments are expanded, Deflated Image Frame Compression).
 */
final class NativeSampleReader {
    private NativeSampleReader() {
    }

    /**
     * Decodes {@code frame} into {@code dest} from {@code off} on, interleaved; returns the
     * photometric interpretation of the values written: subsampled YBR comes out with its
     * chrominance repeated for both pixels of a pair, as {@link YbrToRgb#FULL} or
     * {@link YbrToRgb#PARTIAL} samples for the caller to convert.
     */
    static String read(EncodedFrame frame, PixelDescription d, Object dest, int off) throws PixelDataException {
        checkDestination(d, dest, off);
        ByteBuffer b = frame.data();
        int base = b.position();
        long neededBits = frame.bitOffset() + d.nativeFrameBits();
        long needed = (neededBits + 7) / 8;
        if (b.remaining() < needed) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + " needs " + needed
                    + " bytes of pixel data but only " + b.remaining() + " are present");
        }
        int pixels = d.pixelsPerFrame();
        int spp = d.samplesPerPixel();
        int n = pixels * spp;
        if (d.bitsAllocated() == 1) {
            unpackBits(b, base, frame.bitOffset(), (byte[]) dest, off, n);
            return d.photometric();
        }
        if (d.photometric().equals("YBR_PARTIAL_420")) {
            // 4:2:0 has no native layout: PS3.3 C.7.6.3.1.2 allows it only inside MPEG codestreams.
            throw new PixelDataException(frame.source(), "YBR_PARTIAL_420 pixel data cannot be native (only MPEG holds it)");
        }
        if (d.horizontallySubsampled()) {
            if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16) {
                throw new PixelDataException(frame.source(), d.photometric() + " pixel data with Bits Allocated "
                        + d.bitsAllocated() + " is not supported (only 8 and 16)");
            }
            if (d.planarConfiguration() != 0) {
                throw new PixelDataException(frame.source(), d.photometric() + " pixel data must be interleaved, but Planar Configuration (0028,0006) is 1");
            }
            readPairs(b, base, b.order(), pixels, dest, off);
            return d.photometric().equals("YBR_FULL_422") ? YbrToRgb.FULL : YbrToRgb.PARTIAL;
        }
        int size = d.dtype().bytes();
        if (spp == 1 || d.planarConfiguration() == 0) {
            copy(b.slice(base, n * size).order(b.order()), dest, off, n);
        } else {
            for (int s = 0; s < spp; s++) {
                ByteBuffer plane = b.slice(base + s * pixels * size, pixels * size).order(b.order());
                scatter(plane, dest, off + s, spp, pixels);
            }
        }
        if (d.needsSignExtension()) {
            SignExtension.apply(dest, off, n, d.highBit());
        }
        return d.photometric();
    }

    static void checkDestination(PixelDescription d, Object dest, int off) {
        if (!d.dtype().holds(dest)) {
            throw new IllegalArgumentException("frames of this image hold " + d.dtype().dtypeName()
                    + " values, which do not go into a " + dest.getClass().getSimpleName());
        }
        int length = PixelDtype.length(dest);
        if (off < 0 || (long) off + d.samplesPerFrame() > length) {
            throw new IllegalArgumentException("a frame of " + d.samplesPerFrame() + " samples does not fit at offset "
                    + off + " of an array of " + length);
        }
    }

    /** Bulk copy of {@code n} values in the buffer's byte order: one intrinsic copy per type, no per-pixel loop. */
    private static void copy(ByteBuffer v, Object dest, int off, int n) {
        switch (dest) {
            case byte[] a -> v.get(0, a, off, n);
            case short[] a -> v.asShortBuffer().get(a, off, n);
            case int[] a -> v.asIntBuffer().get(a, off, n);
            case long[] a -> v.asLongBuffer().get(a, off, n);
            case float[] a -> v.asFloatBuffer().get(a, off, n);
            case double[] a -> v.asDoubleBuffer().get(a, off, n);
            default -> throw new IllegalArgumentException("not a pixel array: " + dest.getClass());
        }
    }

    /** Writes one sample plane to every {@code stride}-th element from {@code off}. */
    private static void scatter(ByteBuffer plane, Object dest, int off, int stride, int pixels) {
        switch (dest) {
            case byte[] a -> {
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = plane.get(p);
                }
            }
            case short[] a -> {
                var s = plane.asShortBuffer();
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = s.get(p);
                }
            }
            case int[] a -> {
                var s = plane.asIntBuffer();
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = s.get(p);
                }
            }
            case long[] a -> {
                var s = plane.asLongBuffer();
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = s.get(p);
                }
            }
            case float[] a -> {
                var s = plane.asFloatBuffer();
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = s.get(p);
                }
            }
            case double[] a -> {
                var s = plane.asDoubleBuffer();
                for (int p = 0; p < pixels; p++) {
                    a[off + p * stride] = s.get(p);
                }
            }
            default -> throw new IllegalArgumentException("not a pixel array: " + dest.getClass());
        }
    }

    /**
     * Expands Y1 Y2 Cb Cr pixel pairs (PS3.3 C.7.6.3.1.2) into Y Cb Cr per pixel, both pixels of
     * a pair sharing the chrominance.
     */
    private static void readPairs(ByteBuffer b, int base, ByteOrder order, int pixels, Object dest, int off) {
        switch (dest) {
            case byte[] a -> {
                for (int pair = 0, in = base, out = off; pair < pixels / 2; pair++, in += 4, out += 6) {
                    byte cb = b.get(in + 2);
                    byte cr = b.get(in + 3);
                    a[out] = b.get(in);
                    a[out + 1] = cb;
                    a[out + 2] = cr;
                    a[out + 3] = b.get(in + 1);
                    a[out + 4] = cb;
                    a[out + 5] = cr;
                }
            }
            case short[] a -> {
                var s = b.slice(base, pixels * 4).order(order).asShortBuffer();
                for (int pair = 0, in = 0, out = off; pair < pixels / 2; pair++, in += 4, out += 6) {
                    short cb = s.get(in + 2);
                    short cr = s.get(in + 3);
                    a[out] = s.get(in);
                    a[out + 1] = cb;
                    a[out + 2] = cr;
                    a[out + 3] = s.get(in + 1);
                    a[out + 4] = cb;
                    a[out + 5] = cr;
                }
            }
            default -> throw new IllegalArgumentException("4:2:2 YBR is only defined for 8- and 16-bit samples");
        }
    }

    /** Bit-packed samples, least significant bit first (PS3.5 8.1.1); the frame may start mid-byte. */
    private static void unpackBits(ByteBuffer b, int base, int bitOffset, byte[] dest, int off, int n) {
        int i = 0;
        if (bitOffset == 0) {
            for (int full = n >>> 3; i < full << 3; i += 8) {
                int v = b.get(base + (i >>> 3));
                for (int k = 0; k < 8; k++) {
                    dest[off + i + k] = (byte) ((v >>> k) & 1);
                }
            }
        }
        for (; i < n; i++) {
            int bit = bitOffset + i;
            dest[off + i] = (byte) ((b.get(base + (bit >>> 3)) >>> (bit & 7)) & 1);
        }
    }
}
