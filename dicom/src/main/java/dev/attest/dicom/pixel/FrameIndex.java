package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which fragments of encapsulated Pixel Data make up each frame (PS3.5 A.4), so a frame can be
 * handed to its codec without reading the others. Immutable and thread-safe.
 *
 * <p>The tables are tried in the order the standard gives them weight: the Extended Offset
 * Table, a non-empty Basic Offset Table, then the fragment count (one fragment per frame, or
 * all fragments for a single frame), and last the codestream itself: a fragment that begins
 * with a start-of-image marker begins a new frame. A table that does not fit the fragments is
 * skipped with a warning rather than trusted.
 */
public final class FrameIndex {

    /** How the frame boundaries were found. */
    public enum Method {
        EXTENDED_OFFSET_TABLE, BASIC_OFFSET_TABLE, ONE_FRAGMENT_PER_FRAME, SINGLE_FRAME, CODESTREAM_MARKERS
    }

    private final String source;
    private final List<ByteBuffer> fragments;
    /** Frame i is fragments [firstFragment[i], firstFragment[i + 1]). */
    private final int[] firstFragment;
    /** Encoded length of each frame from the Extended Offset Table Lengths, or null. */
    private final long[] lengths;
    private final Method method;
    private final List<String> warnings;

    private FrameIndex(String source, List<ByteBuffer> fragments, int[] firstFragment, long[] lengths,
                       Method method, List<String> warnings) {
        this.source = source;
        this.fragments = fragments;
        this.firstFragment = firstFragment;
        this.lengths = lengths;
        this.method = method;
        this.warnings = List.copyOf(warnings);
    }

    /** Indexes {@code file}'s encapsulated Pixel Data for the Number of Frames its description gives. */
    public static FrameIndex of(DicomFile file, int frames) throws PixelDataException {
        if (!(file.pixelData().orElse(null) instanceof DicomElement.Encapsulated pixels)) {
            throw new PixelDataException(file.source(), "Pixel Data is not encapsulated, so it has no fragments to index");
        }
        return of(file.source(), pixels, file.dataset(), frames);
    }

    /**
     * Indexes {@code pixels} into {@code frames} frames, using the Extended Offset Table of
     * {@code dataset} when it has one.
     *
     * @throws PixelDataException when no method finds exactly {@code frames} frames
     */
    public static FrameIndex of(String source, DicomElement.Encapsulated pixels, DicomDataset dataset, int frames)
            throws PixelDataException {
        List<ByteBuffer> fragments = pixels.fragments();
        long[] positions = pixels.fragmentPositions();
        int count = fragments.size();
        List<String> warnings = new ArrayList<>();
        if (count == 0) {
            throw new PixelDataException(source, "encapsulated Pixel Data has no fragments after its Basic Offset Table");
        }
        if (frames > count) {
            throw new PixelDataException(source, "Number of Frames is " + frames + " but encapsulated Pixel Data has only "
                    + count + " fragment(s), and every frame needs at least one");
        }
        long[] eot = readOffsets(dataset.getBytes(Tag.ExtendedOffsetTable), 8);
        if (eot != null && eot.length > 0) {
            int[] first = fromOffsets(eot, positions, frames);
            if (first != null) {
                long[] lengths = readOffsets(dataset.getBytes(Tag.ExtendedOffsetTableLengths), 8);
                if (lengths != null && lengths.length != frames) {
                    warnings.add("Extended Offset Table Lengths has " + lengths.length + " values for " + frames + " frames; ignored");
                    lengths = null;
                }
                return new FrameIndex(source, fragments, first, lengths, Method.EXTENDED_OFFSET_TABLE, warnings);
            }
            warnings.add("Extended Offset Table (7FE0,0001) does not match the fragments; ignored");
        }
        ByteBuffer botBuffer = pixels.basicOffsetTable();
        if (botBuffer.remaining() > 0) {
            long[] bot = botBuffer.remaining() % 4 == 0 ? readOffsets(botBuffer, 4) : null;
            int[] first = bot == null ? null : fromOffsets(bot, positions, frames);
            if (first != null) {
                return new FrameIndex(source, fragments, first, null, Method.BASIC_OFFSET_TABLE, warnings);
            }
            warnings.add("Basic Offset Table of " + botBuffer.remaining() + " bytes does not match the "
                    + count + " fragments and " + frames + " frames; ignored");
        }
        if (count == frames) {
            return new FrameIndex(source, fragments, range(frames), null, Method.ONE_FRAGMENT_PER_FRAME, warnings);
        }
        if (frames == 1) {
            return new FrameIndex(source, fragments, new int[] {0, count}, null, Method.SINGLE_FRAME, warnings);
        }
        int[] first = fromMarkers(fragments, frames);
        if (first == null) {
            int starts = 0;
            for (ByteBuffer f : fragments) {
                starts += startsFrame(f) ? 1 : 0;
            }
            throw new PixelDataException(source, "cannot tell which of the " + count + " fragments belong to which of the "
                    + frames + " frames: there is no offset table and " + starts + " fragment(s) begin with a start-of-image marker");
        }
        return new FrameIndex(source, fragments, first, null, Method.CODESTREAM_MARKERS, warnings);
    }

    public Method method() {
        return method;
    }

    public int frameCount() {
        return firstFragment.length - 1;
    }

    /** Tables that were present but ignored, for the file's warning list. */
    public List<String> warnings() {
        return warnings;
    }

    /** The fragments of frame {@code frame}, in order, as read-only little-endian views. */
    public List<ByteBuffer> fragments(int frame) {
        checkFrame(frame);
        List<ByteBuffer> out = new ArrayList<>(firstFragment[frame + 1] - firstFragment[frame]);
        for (int i = firstFragment[frame]; i < firstFragment[frame + 1]; i++) {
            out.add(fragments.get(i).duplicate().order(ByteOrder.LITTLE_ENDIAN));
        }
        return out;
    }

    /**
     * The encoded bytes of frame {@code frame}: a view of its fragment when the frame is one
     * fragment (no copy), otherwise its fragments concatenated into a new buffer. Little endian,
     * position 0.
     */
    public ByteBuffer frame(int frame) {
        checkFrame(frame);
        int from = firstFragment[frame];
        int to = firstFragment[frame + 1];
        ByteBuffer out;
        if (to - from == 1) {
            out = fragments.get(from).duplicate();
        } else {
            long total = 0;
            for (int i = from; i < to; i++) {
                total += fragments.get(i).remaining();
            }
            // Fragments are views of one mapped file below 2 GiB, so their sum fits an int.
            out = ByteBuffer.allocate((int) total);
            for (int i = from; i < to; i++) {
                out.put(fragments.get(i).duplicate());
            }
            out.flip();
        }
        if (lengths != null && lengths[frame] > 0 && lengths[frame] < out.remaining()) {
            // The Extended Offset Table Lengths exclude the fragment's trailing padding.
            out = out.slice(out.position(), (int) lengths[frame]);
        }
        return out.order(ByteOrder.LITTLE_ENDIAN);
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= frameCount()) {
            throw new IndexOutOfBoundsException(source + ": frame " + frame + " of " + frameCount());
        }
    }

    // ---- methods --------------------------------------------------------------------------

    /** Little-endian unsigned offsets of {@code width} bytes each; null when absent or not a whole number. */
    private static long[] readOffsets(byte[] bytes, int width) {
        return bytes == null ? null : readOffsets(ByteBuffer.wrap(bytes), width);
    }

    private static long[] readOffsets(ByteBuffer buffer, int width) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() % width != 0) {
            return null;
        }
        long[] out = new long[b.remaining() / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = width == 4 ? Integer.toUnsignedLong(b.getInt()) : b.getLong();
        }
        return out;
    }

    /**
     * Maps frame offsets to fragment indices; null unless there is one offset per frame, each the
     * position of a fragment's item header, strictly increasing, the first being the first fragment.
     */
    private static int[] fromOffsets(long[] offsets, long[] positions, int frames) {
        if (offsets.length != frames || offsets[0] != 0) {
            return null;
        }
        int[] first = new int[frames + 1];
        for (int f = 0; f < frames; f++) {
            if (f > 0 && offsets[f] <= offsets[f - 1]) {
                return null;
            }
            int at = Arrays.binarySearch(positions, offsets[f]);
            if (at < 0) {
                return null;
            }
            first[f] = at;
        }
        first[frames] = positions.length;
        return first;
    }

    private static int[] range(int frames) {
        int[] first = new int[frames + 1];
        for (int i = 0; i <= frames; i++) {
            first[i] = i;
        }
        return first;
    }

    /** Frame starts from the fragments that begin a codestream; null unless the first does and there are {@code frames}. */
    private static int[] fromMarkers(List<ByteBuffer> fragments, int frames) {
        if (!startsFrame(fragments.get(0))) {
            return null;
        }
        int[] first = new int[frames + 1];
        int found = 0;
        for (int i = 0; i < fragments.size(); i++) {
            if (startsFrame(fragments.get(i))) {
                if (found == frames) {
                    return null;
                }
                first[found++] = i;
            }
        }
        if (found != frames) {
            return null;
        }
        first[frames] = fragments.size();
        return first;
    }

    /**
     * Whether a fragment begins a codestream: JPEG and JPEG-LS start of image (FFD8), JPEG 2000
     * start of codestream (FF4F FF51), a JP2 signature box, or an RLE header (PS3.5 G.5: a
     * segment count of 1 to 15 and the first segment at offset 64).
     */
    static boolean startsFrame(ByteBuffer fragment) {
        ByteBuffer b = fragment.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = b.position();
        int n = b.remaining();
        if (n >= 2 && (b.get(p) & 0xFF) == 0xFF && (b.get(p + 1) & 0xFF) == 0xD8) {
            return true;
        }
        if (n >= 4 && (b.get(p) & 0xFF) == 0xFF && (b.get(p + 1) & 0xFF) == 0x4F
                && (b.get(p + 2) & 0xFF) == 0xFF && (b.get(p + 3) & 0xFF) == 0x51) {
            return true;
        }
        if (n >= 12 && b.getInt(p) == 0x0C000000 && b.getInt(p + 4) == 0x2020506A && b.getInt(p + 8) == 0x0A870A0D) {
            return true; // 00 00 00 0C 'j' 'P' ' ' ' ' 0D 0A 87 0A read little endian
        }
        if (n >= 64) {
            long segments = Integer.toUnsignedLong(b.getInt(p));
            return segments >= 1 && segments <= 15 && b.getInt(p + 4) == 64;
        }
        return false;
    }
}
