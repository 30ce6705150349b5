package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.pixel.EncodedFrame;
import dev.attest.dicom.pixel.FrameCodec;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDescription;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The JPEG (ITU-T T.81) transfer syntaxes DICOM archives hold: baseline and extended sequential
 * DCT, spectral selection and full progression, and lossless process 14 with any predictor,
 * decoded by Attest's own decoder. Written rather than taken from a library because ImageIO's
 * JPEG reader has neither 12-bit DCT nor lossless, and TwelveMonkeys reads lossless only through
 * ImageIO, slowly and with its own colour handling.
 */
public final class JpegFrameCodec implements FrameCodec {
    private static final Set<String> UIDS = Set.of(
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.53",
            "1.2.840.10008.1.2.4.55", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");

    /**
     * Every coded 8 × 8 block costs at least one bit (its DC code), and with the most lopsided
     * sampling factors a block stands for 256 samples of up to 2 bytes: 4096 bytes per byte,
     * plus room for a small frame's headers. Lossless coding costs at least a bit per sample.
     */
    private static final long MAX_EXPANSION = 4096;

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return UIDS.contains(ts.uid());
    }

    @Override
    public long maxNativeFrameBytes(long encodedBytes) {
        return maxNativeBytes(encodedBytes);
    }

    static long maxNativeBytes(long encodedBytes) {
        return encodedBytes * MAX_EXPANSION + 65536;
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws PixelDataException {
        FrameOrigin origin = new FrameOrigin(frame.source(), frame.index());
        if (!d.dtype().holds(dest) || destOffset < 0
                || (long) destOffset + d.samplesPerFrame() > java.lang.reflect.Array.getLength(dest)) {
            throw new IllegalArgumentException(frame.source() + ": the destination cannot hold frame " + frame.index());
        }
        ByteBuffer in = frame.data().duplicate();
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return new JpegDecoder(bytes, bytes.length, d, origin, dest, destOffset).decode();
    }
}
