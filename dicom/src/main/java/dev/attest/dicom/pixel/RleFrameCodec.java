package dev.attest.dicom.pixel;

import dev.attest.dicom.TransferSyntax;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits-coded
 * segment per byte of each sample, most significant byte first. Every offset is checked against
 * the frame and every run against the output, so malformed input ends in a
 * {@link PixelDataException}, never an endless loop or an oversized allocation.
 */
final class RleFrameCodec implements FrameCodec {
    static final String UID = "1.2.840.10008.1.2.5";
    private static final int HEADER = 64;
    /** A two-byte replicate run yields at most 128 bytes. */
    private static final int MAX_EXPANSION = 64;

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return ts.uid().equals(UID);
    }

    @Override
    public long maxNativeFrameBytes(long encodedBytes) {
        return Math.max(0, encodedBytes - HEADER) * MAX_EXPANSION + 128L * 15;
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws PixelDataException {
        NativeSampleReader.checkDestination(d, dest, destOffset);
        String src = frame.source();
        ByteBuffer in = frame.data().slice().order(ByteOrder.LITTLE_ENDIAN);
        int length = in.remaining();
        if (d.sampleKind() != SampleKind.INTEGER) {
            throw new PixelDataException(src, "RLE Lossless cannot hold float pixel data");
        }
        if (d.horizontallySubsampled()) {
            throw new PixelDataException(src, "RLE Lossless cannot hold " + d.photometric() + " (PS3.5 G.2 forbids subsampled YBR)");
        }
        if (length < HEADER) {
            throw error(frame, "the RLE header needs 64 bytes but the frame has " + length);
        }
        long segments = Integer.toUnsignedLong(in.getInt(0));
        int bytesPerSample = d.bitsAllocated() == 1 ? 1 : d.bitsAllocated() / 8;
        int expected = d.bitsAllocated() == 1 ? 1 : d.samplesPerPixel() * bytesPerSample;
        if (segments < 1 || segments > 15) {
            throw error(frame, "the RLE header declares " + segments + " segments; PS3.5 G.5 allows 1 to 15");
        }
        if (segments != expected) {
            throw error(frame, "the RLE header declares " + segments + " segments but " + d.samplesPerPixel()
                    + " sample(s) of " + d.bitsAllocated() + " bits need " + expected);
        }
        int pixels = d.pixelsPerFrame();
        // 1-bit frames are one segment of packed bits; otherwise each segment holds one byte per pixel.
        int segmentLength = d.bitsAllocated() == 1 ? (pixels + 7) / 8 : pixels;
        long[] offsets = new long[expected + 1];
        for (int s = 0; s < expected; s++) {
            offsets[s] = Integer.toUnsignedLong(in.getInt(4 + 4 * s));
            if (offsets[s] < HEADER || offsets[s] > length || (s > 0 && offsets[s] < offsets[s - 1])) {
                throw error(frame, "segment " + (s + 1) + " starts at offset " + offsets[s]
                        + ", outside the " + length + "-byte frame or before the previous segment");
            }
        }
        offsets[expected] = length;
        if ((long) segmentLength * expected > (long) (length - HEADER) * MAX_EXPANSION + 128L * expected) {
            throw error(frame, (length - HEADER) + " bytes of RLE segments cannot expand to the "
                    + (long) segmentLength * expected + " bytes the image needs");
        }
        // Expand into the native layout with one plane per sample (little endian within a plane),
        // then let the native reader interleave, sign-extend or unpack bits.
        byte[] planes = new byte[segmentLength * expected];
        for (int s = 0; s < expected; s++) {
            int sample = s / bytesPerSample;
            int significance = bytesPerSample - 1 - s % bytesPerSample; // segment 0 is the most significant byte
            int start = sample * pixels * bytesPerSample + significance;
            unpackSegment(frame, in, (int) offsets[s], (int) offsets[s + 1], planes, start, bytesPerSample, segmentLength, s + 1);
        }
        PixelDescription planar = new PixelDescription(d.rows(), d.columns(), d.samplesPerPixel(), d.bitsAllocated(),
                d.bitsStored(), d.highBit(), d.pixelRepresentation(), 1, d.photometric(), 1, d.sampleKind());
        EncodedFrame expanded = new EncodedFrame(src, frame.index(), ByteBuffer.wrap(planes).order(ByteOrder.LITTLE_ENDIAN), 0);
        return NativeSampleReader.read(expanded, planar, dest, destOffset);
    }

    /**
     * PackBits (PS3.5 G.3.1): a header byte n of 0..127 copies the next n + 1 bytes, -1..-127
     * repeats the next byte 1 - n times, -128 does nothing. Writes {@code count} bytes to
     * {@code out} at {@code start}, {@code start + stride}, ...; extra output (encoders pad
     * segments to even length) is dropped, missing output is an error.
     */
    private static void unpackSegment(EncodedFrame frame, ByteBuffer in, int from, int to, byte[] out, int start,
                                      int stride, int count, int segment) throws PixelDataException {
        int p = from;
        int written = 0;
        int o = start;
        while (written < count && p < to) {
            int n = in.get(p++);
            if (n >= 0) {
                int run = n + 1;
                if (p + run > to) {
                    throw error(frame, "segment " + segment + ": a literal run of " + run + " bytes at offset " + (p - 1)
                            + " passes the end of the segment at " + to);
                }
                int take = Math.min(run, count - written);
                for (int k = 0; k < take; k++, o += stride) {
                    out[o] = in.get(p + k);
                }
                written += take;
                p += run;
            } else if (n != -128) {
                if (p >= to) {
                    throw error(frame, "segment " + segment + ": a replicate run at offset " + (p - 1) + " has no byte to repeat");
                }
                byte v = in.get(p++);
                int take = Math.min(1 - n, count - written);
                for (int k = 0; k < take; k++, o += stride) {
                    out[o] = v;
                }
                written += take;
            }
        }
        if (written < count) {
            throw error(frame, "segment " + segment + " decodes to " + written + " bytes but the image needs " + count);
        }
    }

    private static PixelDataException error(EncodedFrame frame, String what) {
        return new PixelDataException(frame.source(), "RLE frame " + frame.index() + ": " + what);
    }
}
