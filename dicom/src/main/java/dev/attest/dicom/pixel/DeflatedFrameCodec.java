package dev.attest.dicom.pixel;

import dev.attest.dicom.TransferSyntax;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflated Image Frame Compression (1.2.840.10008.1.2.8.1, PS3.5 8.2.16): each frame is the
 * native little-endian frame compressed with raw deflate (RFC 1951), in its own fragment(s).
 */
final class DeflatedFrameCodec implements FrameCodec {
    static final String UID = "1.2.840.10008.1.2.8.1";
    /** Deflate's best case is about 1032:1; a frame claiming more is not in the data. */
    private static final long MAX_RATIO = 1032;

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return ts.uid().equals(UID);
    }

    @Override
    public long maxNativeFrameBytes(long encodedBytes) {
        return encodedBytes * MAX_RATIO + 1024;
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws PixelDataException {
        NativeSampleReader.checkDestination(d, dest, destOffset);
        ByteBuffer in = frame.data().slice();
        long expected = d.nativeFrameBytes();
        if (expected > maxNativeFrameBytes(in.remaining())) {
            throw new PixelDataException(frame.source(), "deflated frame " + frame.index() + " of " + in.remaining()
                    + " bytes cannot inflate to the " + expected + " bytes the image needs");
        }
        byte[] out = new byte[(int) expected];
        int n = 0;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(in);
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
        } catch (DataFormatException e) {
            throw new PixelDataException(frame.source(), "deflated frame " + frame.index() + " is not valid raw deflate data: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        if (n < out.length) {
            throw new PixelDataException(frame.source(), "deflated frame " + frame.index() + " inflates to " + n
                    + " bytes but the image needs " + out.length);
        }
        EncodedFrame inflated = new EncodedFrame(frame.source(), frame.index(), ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN), 0);
        return NativeSampleReader.read(inflated, d, dest, destOffset);
    }
}
