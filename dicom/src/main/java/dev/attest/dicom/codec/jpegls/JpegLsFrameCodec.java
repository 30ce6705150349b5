package dev.attest.dicom.codec.jpegls;

import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.pixel.EncodedFrame;
import dev.attest.dicom.pixel.FrameCodec;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.SampleKind;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * JPEG-LS Lossless (.80) and Near-Lossless (.81) with Attest's own decoder, written from ITU-T
 * T.87 | ISO/IEC 14495-1 because no JPEG-LS library for Java is on Maven Central. Decodes 2- to
 * 16-bit samples, 1 to 4 components in any interleave mode, preset coding parameters and restart
 * markers; mapping tables (palettised JPEG-LS) are refused with a typed error.
 *
 * <p>JPEG-LS codes unsigned values, so signed DICOM data is coded as its two's complement bit
 * pattern: the decoded bits are stored as they are and sign-extended from High Bit when that lies
 * below the top allocated bit, as for native data.
 */
public final class JpegLsFrameCodec implements FrameCodec {
    static final String LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    private static final Set<String> UIDS = Set.of(LOSSLESS, NEAR_LOSSLESS);
    /** Most columns × components × bytes one coded bit can stand for: every line costs at least one bit. */
    private static final long MAX_BYTES_PER_CODED_BIT = 65535L * 4 * 2;

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return UIDS.contains(ts.uid());
    }

    @Override
    public long maxNativeFrameBytes(long encodedBytes) {
        // Run mode ends every line with at least one bit, so a frame has at most 8 lines per byte.
        return encodedBytes > Long.MAX_VALUE / (8 * MAX_BYTES_PER_CODED_BIT) ? Long.MAX_VALUE
                : encodedBytes * 8 * MAX_BYTES_PER_CODED_BIT;
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws PixelDataException {
        String src = frame.source();
        if (d.sampleKind() != SampleKind.INTEGER) {
            throw new PixelDataException(src, "JPEG-LS cannot hold float pixel data");
        }
        if (!d.dtype().holds(dest) || destOffset < 0
                || (long) destOffset + d.samplesPerFrame() > java.lang.reflect.Array.getLength(dest)) {
            throw new IllegalArgumentException("frame " + frame.index() + " of " + d.samplesPerFrame() + " "
                    + d.dtype().dtypeName() + " samples does not fit at offset " + destOffset + " of the destination");
        }
        ByteBuffer in = frame.data();
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.position();
        } else {
            bytes = new byte[in.remaining()];
            in.get(in.position(), bytes);
            offset = 0;
        }
        JpegLsDecoder.Expected expected = new JpegLsDecoder.Expected(d.rows(), d.columns(), d.samplesPerPixel(),
                Math.min(16, d.bitsAllocated()));
        try {
            JpegLsDecoder.decode(bytes, offset, in.remaining(), expected, DestinationSink.of(d, dest, destOffset));
        } catch (JpegLsException e) {
            throw new PixelDataException(src, "frame " + frame.index() + ": JPEG-LS codestream "
                    + (e.kind() == JpegLsException.Kind.UNSUPPORTED ? "uses a feature Attest does not decode: " : "cannot be decoded: ")
                    + e.describe(), e);
        }
        return d.photometric();
    }
}
