package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.UnsupportedTransferSyntaxException;
import dev.attest.dicom.Vr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Decodes the stored pixel values of one DICOM file, a frame at a time or all at once, with the
 * codec its transfer syntax needs. Everything is checked when the decoder is opened (attributes,
 * sizes against the data present, frame boundaries), so a frame decode only fails on a broken
 * codestream. Immutable and thread-safe: frames may be decoded in parallel, and
 * {@link #decodeAll()} does so itself.
 *
 * <p>Frame-level access ({@link #decodeFrame}) goes through a {@link FrameCache}, the same for
 * native and compressed frames: a frame decoded once is copied out of the cache afterwards. The
 * bulk paths ({@link #decodeAll}, {@link #decodeInto}) use a frame the cache already holds but
 * never add to it: they decode straight into the caller's array, which for a volume is its own
 * slice storage, so caching those frames too would hold every slice twice.
 *
 * <pre>{@code
 * PixelDecoder decoder = PixelDecoder.open(DicomReader.read(path));
 * short[] slice = new short[decoder.description().pixelsPerFrame()];
 * decoder.decodeInto(0, slice);              // 16-bit grey: straight into a volume's slice
 * StoredPixels all = decoder.decodeAll();    // any image: (frames, rows, columns, samples)
 * }</pre>
 */
public final class PixelDecoder {
    private final String source;
    /** The parsed file: the cache key, by identity. */
    private final DicomFile file;
    private final FrameCache cache;
    private final PixelDescription description;
    private final TransferSyntax transferSyntax;
    private final FrameCodec codec;
    /** Native pixel data in the data set's byte order, or null when encapsulated. */
    private final ByteBuffer nativeData;
    /** Frame boundaries of encapsulated pixel data, or null when native. */
    private final FrameIndex index;

    private PixelDecoder(DicomFile file, FrameCache cache, PixelDescription description, TransferSyntax ts, FrameCodec codec,
                         ByteBuffer nativeData, FrameIndex index) {
        this.source = file.source();
        this.file = file;
        this.cache = cache;
        this.description = description;
        this.transferSyntax = ts;
        this.codec = codec;
        this.nativeData = nativeData;
        this.index = index;
    }

    /** Prepares to decode {@code file}'s pixel data, caching frames in the {@linkplain FrameCache#shared() shared cache}. */
    public static PixelDecoder open(DicomFile file) throws DicomException {
        return open(file, FrameCache.shared());
    }

    /**
     * Prepares to decode {@code file}'s pixel data, caching frames in {@code cache}
     * ({@link FrameCache#disabled()} to decode every time).
     *
     * @throws UnsupportedTransferSyntaxException when no codec decodes its transfer syntax
     * @throws PixelDataException                when there is no pixel data, the Image Pixel
     *                                           attributes are missing or invalid, the data is
     *                                           shorter than they describe, or the frames cannot
     *                                           be found among the fragments
     */
    public static PixelDecoder open(DicomFile file, FrameCache cache) throws DicomException {
        java.util.Objects.requireNonNull(cache, "cache");
        String src = file.source();
        DicomElement pixels = file.pixelData().orElseThrow(() -> new PixelDataException(src,
                "the data set has no Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009)"));
        TransferSyntax ts = file.transferSyntax();
        if (pixels instanceof DicomElement.Encapsulated && !ts.encapsulated()) {
            throw new PixelDataException(src, "Pixel Data is encapsulated (undefined length, in fragments) but the transfer syntax "
                    + ts + " is not a compressed one");
        }
        if (pixels instanceof DicomElement.Bulk && ts.encapsulated()) {
            throw new PixelDataException(src, "the transfer syntax " + ts + " is a compressed one but Pixel Data "
                    + Tag.toString(pixels.tag()) + " has a defined length, so it is not encapsulated");
        }
        FrameCodec codec = FrameCodecs.forSyntax(ts).orElseThrow(() -> new UnsupportedTransferSyntaxException(src, ts));
        PixelDescription d = PixelDescription.of(file);
        return switch (pixels) {
            case DicomElement.Bulk bulk -> new PixelDecoder(file, cache, d, ts, codec, nativeBytes(bulk, d, file), null);
            case DicomElement.Encapsulated enc -> {
                if (d.sampleKind() != SampleKind.INTEGER) {
                    throw new PixelDataException(src, Tag.toString(pixels.tag()) + " holds floats, which are never encapsulated");
                }
                yield new PixelDecoder(file, cache, d, ts, codec, null, FrameIndex.of(src, enc, file.dataset(), d.numberOfFrames()));
            }
            default -> throw new PixelDataException(src, "Pixel Data " + Tag.toString(pixels.tag())
                    + " was read as a value in memory, not as pixel data");
        };
    }

    /**
     * Native pixel data with its byte order set. In big endian, OW values are swapped as 16-bit
     * words (PS3.5 7.3), so 8-bit and bit-packed samples held in OW arrive in swapped pairs:
     * swap them back into a copy (only such legacy files pay for it).
     */
    private static ByteBuffer nativeBytes(DicomElement.Bulk bulk, PixelDescription d, DicomFile file) {
        ByteBuffer data = bulk.data().duplicate().order(file.dataset().byteOrder());
        if (data.order() == ByteOrder.BIG_ENDIAN && bulk.vr() == Vr.OW && d.bitsAllocated() <= 8) {
            byte[] copy = new byte[data.remaining()];
            data.get(data.position(), copy);
            for (int i = 0; i + 1 < copy.length; i += 2) {
                byte t = copy[i];
                copy[i] = copy[i + 1];
                copy[i + 1] = t;
            }
            return ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        }
        return data;
    }

    public PixelDescription description() {
        return description;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    public int frameCount() {
        return description.numberOfFrames();
    }

    /** How encapsulated frames were found among the fragments; empty for native data. */
    public Optional<FrameIndex> frameIndex() {
        return Optional.ofNullable(index);
    }

    /** The cache frame-level access goes through. */
    public FrameCache cache() {
        return cache;
    }

    /**
     * Decodes frame {@code frame} (zero-based), or copies it from the cache when it was decoded
     * before. The array returned is the caller's own.
     */
    public StoredPixels decodeFrame(int frame) throws DicomException {
        if (frame < 0 || frame >= frameCount()) {
            throw new IndexOutOfBoundsException(source + ": frame " + frame + " of " + frameCount());
        }
        if (cache.budgetBytes() == 0) {
            return decodeUncached(frame);
        }
        StoredPixels cached = cache.get(file, frame, () -> decodeUncached(frame));
        return copy(cached);
    }

    private StoredPixels decodeUncached(int frame) throws DicomException {
        EncodedFrame encoded = encoded(frame);
        Object out = description.dtype().allocate(description.samplesPerFrame());
        return result(1, decode(encoded, out, 0), out);
    }

    private static StoredPixels copy(StoredPixels p) {
        Object array = p.dtype().allocate(p.size());
        System.arraycopy(p.array(), 0, array, 0, p.size());
        return new StoredPixels(p.dtype(), p.frames(), p.rows(), p.columns(), p.samplesPerPixel(), p.photometric(),
                p.convertedFromYbr(), array);
    }

    /**
     * Decodes every frame into one array, frame after frame; frames after the first are decoded
     * in parallel (on the common fork-join pool, or the pool the caller runs in).
     *
     * @throws PixelDataException when all frames together exceed one Java array (decode them
     *                            one by one instead), or when a frame cannot be decoded
     */
    public StoredPixels decodeAll() throws DicomException {
        int frames = frameCount();
        int perFrame = description.samplesPerFrame();
        long total = (long) frames * perFrame;
        if (total > PixelDescription.MAX_ARRAY) {
            throw new PixelDataException(source, frames + " frames of " + perFrame
                    + " samples are too many to decode into one array; decode them frame by frame");
        }
        Object out;
        Decoded first;
        if (index == null) {
            // Native data was checked to hold every frame, so the size is backed by the file.
            out = description.dtype().allocate((int) total);
            first = decodeOrCopy(0, out, 0);
        } else {
            // Compressed sizes say little about decoded ones: prove frame 0 decodes before allocating for all.
            Object frame0 = description.dtype().allocate(perFrame);
            first = decodeOrCopy(0, frame0, 0);
            out = description.dtype().allocate((int) total);
            System.arraycopy(frame0, 0, out, 0, perFrame);
        }
        if (frames > 1) {
            Object dest = out;
            try {
                IntStream.range(1, frames).parallel().forEach(f -> {
                    try {
                        decodeOrCopy(f, dest, f * perFrame);
                    } catch (DicomException e) {
                        throw new FrameFailed(e);
                    }
                });
            } catch (FrameFailed e) {
                throw e.getCause();
            }
        }
        return result(frames, first, out);
    }

    /** Carries a frame's checked error out of a parallel stream. */
    private static final class FrameFailed extends RuntimeException {
        FrameFailed(DicomException cause) {
            super(cause);
        }

        @Override
        public synchronized DicomException getCause() {
            return (DicomException) super.getCause();
        }
    }

    /** Copies frame {@code frame} from the cache when it is there, else decodes it; never adds to the cache. */
    private Decoded decodeOrCopy(int frame, Object dest, int offset) throws DicomException {
        StoredPixels cached = cache.budgetBytes() == 0 ? null : cache.peek(file, frame);
        if (cached != null) {
            System.arraycopy(cached.array(), 0, dest, offset, description.samplesPerFrame());
            return new Decoded(cached.photometric(), cached.convertedFromYbr());
        }
        return decode(encoded(frame), dest, offset);
    }

    /**
     * The fast path for volumes of 16-bit grey images: decodes frame {@code frame} straight into
     * {@code dest}, which must have exactly rows × columns elements. Values are as
     * {@link #decodeFrame} gives them (unsigned ones in the same bits).
     *
     * @throws IllegalArgumentException when the image is not 16-bit single-sample or dest has the wrong length
     */
    public void decodeInto(int frame, short[] dest) throws DicomException {
        PixelDtype t = description.dtype();
        if (description.samplesPerPixel() != 1 || (t != PixelDtype.UINT16 && t != PixelDtype.INT16)) {
            throw new IllegalArgumentException(source + ": frames hold " + description.samplesPerPixel() + " "
                    + t.dtypeName() + " sample(s) per pixel, not one 16-bit sample");
        }
        if (dest.length != description.pixelsPerFrame()) {
            throw new IllegalArgumentException(source + ": a frame has " + description.pixelsPerFrame()
                    + " pixels but the destination has " + dest.length);
        }
        decodeInto(frame, dest, 0);
    }

    /**
     * Decodes frame {@code frame} into {@code dest} (the array type of
     * {@code description().dtype()}) from {@code offset} on.
     *
     * @return the photometric interpretation of the values written ("RGB" when YBR was converted)
     */
    public String decodeInto(int frame, Object dest, int offset) throws DicomException {
        NativeSampleReader.checkDestination(description, dest, offset);
        return decodeOrCopy(frame, dest, offset).photometric();
    }

    // ---- internals ---------------------------------------------------------------------------

    private EncodedFrame encoded(int frame) throws PixelDataException {
        if (frame < 0 || frame >= frameCount()) {
            throw new IndexOutOfBoundsException(source + ": frame " + frame + " of " + frameCount());
        }
        if (index == null) {
            long startBit = frame * description.nativeFrameBits();
            int bitOffset = (int) (startBit & 7);
            long length = (bitOffset + description.nativeFrameBits() + 7) / 8;
            int start = nativeData.position() + (int) (startBit >>> 3);
            ByteBuffer bytes = nativeData.slice(start, (int) length).order(nativeData.order());
            return new EncodedFrame(source, frame, bytes, bitOffset);
        }
        ByteBuffer bytes = index.frame(frame);
        long claimed = description.nativeFrameBytes();
        if (claimed > codec.maxNativeFrameBytes(bytes.remaining())) {
            throw new PixelDataException(source, "frame " + frame + " has " + bytes.remaining() + " encoded bytes, which "
                    + transferSyntax.name() + " cannot expand to the " + claimed + " bytes the image attributes describe");
        }
        return new EncodedFrame(source, frame, bytes, 0);
    }

    /** Decodes one frame; converts Y Cb Cr the codec left as such to RGB. */
    private Decoded decode(EncodedFrame frame, Object dest, int offset) throws DicomException {
        String photometric;
        try {
            photometric = codec.decode(frame, description, dest, offset);
        } catch (RuntimeException e) {
            // A codec reading past its input is a malformed file, which must not escape untyped.
            throw new PixelDataException(source, "frame " + frame.index() + " could not be decoded as "
                    + transferSyntax.name() + ": " + e, e);
        }
        if (description.samplesPerPixel() == 3 && YbrToRgb.converts(photometric, dest)) {
            YbrToRgb.convert(photometric, dest, offset, description.pixelsPerFrame(), description.bitsStored());
            return new Decoded("RGB", true);
        }
        return new Decoded(photometric, false);
    }

    /** What a frame decoded to, and whether Attest converted it from Y Cb Cr (a codec's own transform does not count). */
    private record Decoded(String photometric, boolean convertedFromYbr) {
    }

    private StoredPixels result(int frames, Decoded decoded, Object values) {
        return new StoredPixels(description.dtype(), frames, description.rows(), description.columns(),
                description.samplesPerPixel(), decoded.photometric(), decoded.convertedFromYbr(), values);
    }
}
