package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.TransferSyntax;

/**
 * Decodes one frame of the transfer syntaxes it supports into stored values; implementations
 * are stateless and thread-safe, and are found through {@link FrameCodecs}.
 */
public interface FrameCodec {

    /** Whether this codec decodes pixel data in {@code ts}. */
    boolean canDecode(TransferSyntax ts);

    /**
     * Decodes {@code frame} into {@code dest}, the primitive array of {@code d.dtype()}
     * ({@link PixelDtype#allocate}), writing {@code d.samplesPerFrame()} values from
     * {@code destOffset} on, samples interleaved (row by row, pixel by pixel, sample by sample)
     * whatever the planar configuration of the encoding. Signed values whose High Bit is below the
     * top allocated bit are sign-extended.
     *
     * @return the photometric interpretation of the values written: {@code d.photometric()}
     *         unless the codec transformed the colour space itself (a JPEG decoder that returns
     *         RGB for YBR_FULL_422 data, a JPEG 2000 decoder undoing YBR_RCT, return "RGB").
     *         Values returned as "YBR_FULL" (one full-range triple per pixel) are converted to RGB
     *         by {@link PixelDecoder}, which then marks the result {@link StoredPixels#convertedFromYbr()}
     * @throws DicomException (a {@link PixelDataException} for malformed data) naming the file,
     *                        the frame and what was wrong
     */
    String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws DicomException;

    /**
     * The most bytes a native frame decoded from {@code encodedBytes} bytes of this codec's data
     * can have, so the caller refuses a header that claims more before allocating for it;
     * unbounded unless the codec knows its best compression ratio.
     */
    default long maxNativeFrameBytes(long encodedBytes) {
        return Long.MAX_VALUE;
    }
}
