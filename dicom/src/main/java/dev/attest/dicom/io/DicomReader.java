package dev.attest.dicom.io;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.DicomParseException;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads DICOM Part 10 files (and bare data sets without file meta) into {@link DicomFile}s.
 *
 * <p>Files are memory-mapped: parsing touches only the header bytes, and Pixel Data is recorded
 * as a view (native) or as indexed fragments (encapsulated) that are paged in when decoded. Every
 * length is checked against what is left in the input before anything is allocated or skipped,
 * and every loop advances, so hostile input ends in a {@link DicomParseException} naming the
 * file, offset and tag, never in a hang or an out-of-memory error. Thread-safe: each call parses
 * independently.
 */
public final class DicomReader {
    /**
     * @param lenient when true, a structural error ends parsing but the elements read so far are
     *                returned (with the error as the last warning) instead of throwing
     */
    public record Options(boolean lenient) {
        public static final Options STRICT = new Options(false);
        public static final Options LENIENT = new Options(true);
    }

    /** Nesting deeper than this is taken as corruption (real files nest a handful of levels). */
    static final int MAX_DEPTH = 48;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private DicomReader() {
    }

    public static DicomFile read(Path path) throws IOException {
        return read(path, Options.STRICT);
    }

    public static DicomFile read(Path path, Options options) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new DicomException(path.toString(), "file of " + size + " bytes is larger than the 2 GiB Attest can map");
            }
            ByteBuffer buf = size == 0 ? ByteBuffer.allocate(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return read(path.toString(), buf, options);
        }
    }

    public static DicomFile read(String source, byte[] bytes) throws IOException {
        return read(source, ByteBuffer.wrap(bytes), Options.STRICT);
    }

    /** Parses from position 0 to the limit of {@code bytes}, which is not modified. */
    public static DicomFile read(String source, ByteBuffer bytes, Options options) throws IOException {
        return new Parser(source, bytes.duplicate().position(0), options).parse();
    }

    /** One parse: the input, the position and the encoding currently in force. */
    private static final class Parser {
        private final String source;
        private final Options options;
        private final List<String> warnings = new ArrayList<>();
        private ByteBuffer le;
        private ByteBuffer be;
        private int limit;
        private int pos;
        private boolean bigEndian;
        private boolean explicit;
        private boolean preamble;
        private DicomDataset meta = new DicomDataset();
        private DicomDataset dataset = new DicomDataset();
        private TransferSyntax ts = TransferSyntax.IMPLICIT_VR_LE;
        private String parseError;

        Parser(String source, ByteBuffer input, Options options) {
            this.source = source;
            this.options = options;
            setInput(input);
        }

        private void setInput(ByteBuffer input) {
            ByteBuffer b = input.slice();
            le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            be = b.duplicate().order(ByteOrder.BIG_ENDIAN);
            limit = b.limit();
            pos = 0;
        }

        DicomFile parse() throws DicomParseException {
            try {
                parseAll();
            } catch (DicomParseException e) {
                if (!options.lenient()) {
                    throw e;
                }
                parseError = e.getMessage();
            }
            return snapshot();
        }

        private DicomFile snapshot() {
            return new DicomFile(source, preamble, meta, dataset, ts, List.copyOf(warnings), parseError);
        }

        private void parseAll() throws DicomParseException {
            if (limit == 0) {
                throw error(0, DicomParseException.NO_TAG, "the file is empty");
            }
            if (limit >= 132 && isDicm(128)) {
                preamble = true;
                pos = 132;
            } else if (limit >= 4 && isDicm(0)) {
                warnings.add("\"DICM\" found without the 128-byte preamble");
                pos = 4;
            }
            if (limit - pos >= 8 && u16(pos, false) == 0x0002) {
                readFileMeta();
            } else if (preamble) {
                warnings.add("no file meta information after the preamble");
            }
            String tsUid = meta.getString(Tag.TransferSyntaxUID);
            if (tsUid == null || tsUid.isEmpty()) {
                ts = sniffEncoding();
                warnings.add("no Transfer Syntax UID in the file meta; the data set looks like " + ts.name());
            } else {
                ts = TransferSyntax.of(tsUid);
                if (!ts.isKnown()) {
                    warnings.add("unknown transfer syntax " + tsUid + "; reading the header as explicit VR little endian");
                }
                checkEncodingAgrees();
            }
            bigEndian = ts.bigEndian();
            explicit = ts.explicitVr();
            dataset = new DicomDataset(bigEndian);
            if (ts.deflated()) {
                inflateRest();
            }
            readElements(dataset, -1, 0, true);
            if (!explicit) {
                resolveSignedness(dataset, dataset.getInt(Tag.PixelRepresentation, 0) == 1);
            }
        }

        /** Implicit VR cannot say US or SS for tags such as Pixel Padding Value; Pixel Representation does (PS3.5 A.1). */
        private static void resolveSignedness(DicomDataset ds, boolean signed) {
            for (DicomElement e : List.copyOf(ds.elements())) {
                if (e instanceof DicomElement.Value v && v.vr() == Vr.US && signed
                        && TagDictionary.signDependsOnPixelRepresentation(v.tag())) {
                    ds.put(new DicomElement.Value(v.tag(), Vr.SS, v.bytes()));
                } else if (e instanceof DicomElement.Sequence seq) {
                    for (DicomDataset item : seq.items()) {
                        resolveSignedness(item, item.contains(Tag.PixelRepresentation)
                                ? item.getInt(Tag.PixelRepresentation, 0) == 1 : signed);
                    }
                }
            }
        }

        private boolean isDicm(int at) {
            return le.get(at) == 'D' && le.get(at + 1) == 'I' && le.get(at + 2) == 'C' && le.get(at + 3) == 'M';
        }

        /** Group 0002 is explicit VR little endian by rule; a few writers use implicit, so look. */
        private void readFileMeta() throws DicomParseException {
            bigEndian = false;
            explicit = Vr.fromCode(le.get(pos + 4), le.get(pos + 5)) != null;
            if (!explicit) {
                warnings.add("file meta information is encoded as implicit VR (it must be explicit VR little endian)");
            }
            meta = new DicomDataset(false);
            while (limit - pos >= 8 && u16(pos, false) == 0x0002) {
                readOneElement(meta, 0, false);
            }
        }

        /** Looks at the first data set element to tell explicit from implicit VR and the byte order. */
        private TransferSyntax sniffEncoding() throws DicomParseException {
            if (limit - pos < 8) {
                throw error(pos, DicomParseException.NO_TAG, "no data set follows the file meta information");
            }
            int groupLe = u16(pos, false);
            int groupBe = u16(pos, true);
            boolean big = groupBe < groupLe;
            boolean isExplicit = Vr.fromCode(le.get(pos + 4), le.get(pos + 5)) != null;
            if (isExplicit) {
                return big ? TransferSyntax.EXPLICIT_VR_BE : TransferSyntax.EXPLICIT_VR_LE;
            }
            return TransferSyntax.IMPLICIT_VR_LE;
        }

        /** Some files say explicit VR and are implicit (or the reverse); trust the bytes, say so. */
        private void checkEncodingAgrees() throws DicomParseException {
            if (ts.deflated() || limit - pos < 8) {
                return;
            }
            boolean looksExplicit = Vr.fromCode(le.get(pos + 4), le.get(pos + 5)) != null;
            if (ts.explicitVr() && !looksExplicit) {
                warnings.add("transfer syntax " + ts.uid() + " says explicit VR but the data set is implicit VR; reading it as implicit");
                ts = new TransferSyntax(ts.uid(), ts.name(), false, ts.bigEndian(), false, ts.encapsulated(), ts.lossy());
            } else if (!ts.explicitVr() && looksExplicit && plausibleExplicitLength()) {
                warnings.add("transfer syntax " + ts.uid() + " says implicit VR but the data set is explicit VR; reading it as explicit");
                ts = new TransferSyntax(ts.uid(), ts.name(), true, ts.bigEndian(), false, ts.encapsulated(), ts.lossy());
            }
        }

        /** Implicit data whose length bytes happen to spell a VR would give a huge implicit length. */
        private boolean plausibleExplicitLength() {
            long implicitLength = u32(pos + 4, false);
            return implicitLength > limit - pos;
        }

        private void inflateRest() throws DicomParseException {
            byte[] compressed = new byte[limit - pos];
            le.get(pos, compressed);
            byte[] out;
            try {
                out = inflate(compressed, true);
            } catch (DataFormatException raw) {
                try {
                    out = inflate(compressed, false);
                    warnings.add("deflated data set has a zlib header (PS3.5 A.5 asks for raw deflate)");
                } catch (DataFormatException zlib) {
                    throw error(pos, DicomParseException.NO_TAG, "deflated data set cannot be inflated: " + raw.getMessage());
                }
            }
            setInput(ByteBuffer.wrap(out));
        }

        private static byte[] inflate(byte[] in, boolean nowrap) throws DataFormatException {
            Inflater inflater = new Inflater(nowrap);
            try {
                inflater.setInput(in);
                byte[] out = new byte[Math.max(1024, Math.min(in.length * 4, Integer.MAX_VALUE / 4))];
                int n = 0;
                while (!inflater.finished()) {
                    if (n == out.length) {
                        if (out.length >= Integer.MAX_VALUE - 16) {
                            throw new DataFormatException("inflated data set exceeds 2 GiB");
                        }
                        out = java.util.Arrays.copyOf(out, (int) Math.min((long) out.length * 2, Integer.MAX_VALUE - 16));
                    }
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break; // truncated stream: keep what inflated
                    }
                    n += got;
                }
                return java.util.Arrays.copyOf(out, n);
            } finally {
                inflater.end();
            }
        }

        // ---- elements ---------------------------------------------------------------------

        /**
         * Reads elements into {@code ds} until {@code end} (exclusive) or, when end is -1, until
         * an Item Delimitation Item (inside an item) or the end of the input (top level).
         */
        private void readElements(DicomDataset ds, long end, int depth, boolean top) throws DicomParseException {
            if (depth > MAX_DEPTH) {
                throw error(pos, DicomParseException.NO_TAG, "sequences nested deeper than " + MAX_DEPTH + " levels");
            }
            int lastTag = -1;
            while (end >= 0 ? pos < end : pos < limit) {
                int remaining = (int) ((end >= 0 ? end : limit) - pos);
                if (remaining < 8) {
                    if (top) {
                        warnings.add(remaining + " trailing byte(s) after the last element ignored");
                        pos = limit;
                        return;
                    }
                    throw error(pos, DicomParseException.NO_TAG, "item ends in the middle of an element header");
                }
                int tag = tag(pos);
                if (tag == Tag.ItemDelimitationItem) {
                    pos += 8;
                    if (!top && end < 0) {
                        return;
                    }
                    warnings.add("stray Item Delimitation Item at offset " + (pos - 8) + " ignored");
                    continue;
                }
                if (tag == Tag.SequenceDelimitationItem) {
                    if (!top && end < 0) {
                        // Item lacks its delimiter; let the enclosing sequence end here.
                        warnings.add("item without Item Delimitation Item before offset " + pos);
                        return;
                    }
                    warnings.add("stray Sequence Delimitation Item at offset " + pos + " ignored");
                    pos += 8;
                    continue;
                }
                if (top && lastTag != -1 && Integer.compareUnsigned(tag, lastTag) <= 0 && allZero(pos, remaining)) {
                    warnings.add(remaining + " bytes of zero padding after the data set ignored");
                    pos = limit;
                    return;
                }
                readOneElement(ds, depth, top);
                lastTag = tag;
            }
        }

        private boolean allZero(int from, int count) {
            int n = Math.min(count, 4096);
            for (int i = 0; i < n; i++) {
                if (le.get(from + i) != 0) {
                    return false;
                }
            }
            return true;
        }

        private void readOneElement(DicomDataset ds, int depth, boolean top) throws DicomParseException {
            int start = pos;
            int tag = tag(pos);
            if (ds.contains(tag)) {
                // Seen after PACS rewrites of private blocks: keep the first, which the creator lookup expects.
                DicomElement first = ds.get(tag);
                warnings.add("duplicate element " + Tag.toString(tag) + " at offset " + start + "; the first is kept");
                readOneElement(ds, depth, top, start, tag);
                ds.put(first);
                return;
            }
            readOneElement(ds, depth, top, start, tag);
        }

        private void readOneElement(DicomDataset ds, int depth, boolean top, int start, int tag) throws DicomParseException {
            if (Tag.group(tag) == 0xFFFE) {
                throw error(start, tag, "item tag outside a sequence");
            }
            Vr vr;
            long length;
            int header;
            if (explicit) {
                vr = Vr.fromCode(le.get(pos + 4), le.get(pos + 5));
                if (vr == null) {
                    throw error(start, tag, String.format("invalid VR bytes 0x%02X 0x%02X", le.get(pos + 4) & 0xFF, le.get(pos + 5) & 0xFF));
                }
                if (vr.hasLongHeader()) {
                    if (limit - pos < 12) {
                        throw error(start, tag, "file ends in the middle of an element header");
                    }
                    length = u32(pos + 8, bigEndian);
                    header = 12;
                } else {
                    length = u16(pos + 6, bigEndian);
                    header = 8;
                }
            } else {
                vr = TagDictionary.vrOf(tag);
                length = u32(pos + 4, bigEndian);
                header = 8;
            }
            pos += header;
            boolean pixel = top && Tag.isPixelData(tag);
            if (length == UNDEFINED) {
                if (pixel) {
                    ds.put(readEncapsulated(tag, vr));
                } else if (vr == Vr.SQ || vr == Vr.UN || !explicit) {
                    // PS3.5 6.2.2: UN of undefined length is a sequence in implicit VR little endian.
                    boolean asImplicit = vr == Vr.UN && explicit;
                    ds.put(readSequenceWith(tag, vr == Vr.UN ? Vr.SQ : vr, -1, depth, asImplicit));
                } else {
                    throw error(start, tag, "undefined length on a " + vr + " element (only SQ, UN and Pixel Data may have one)");
                }
                return;
            }
            long left = limit - pos;
            if (length > left) {
                if (pixel) {
                    warnings.add(Tag.toString(tag) + " declares " + length + " bytes but only " + left + " remain: the file is truncated");
                    ds.put(new DicomElement.Bulk(tag, vr, view(pos, (int) left), length));
                    pos = limit;
                    return;
                }
                throw error(start, tag, "value length " + length + " exceeds the " + left + " bytes left in the file");
            }
            int len = (int) length;
            int valueStart = pos;
            if (vr == Vr.SQ || (!explicit && TagDictionary.vrOf(tag) == Vr.SQ)) {
                ds.put(readSequenceWith(tag, Vr.SQ, valueStart + (long) len, depth, false));
            } else if (pixel) {
                ds.put(new DicomElement.Bulk(tag, vr, view(valueStart, len), length));
            } else if (vr == Vr.UN && len >= 8 && tag(valueStart) == Tag.Item) {
                ds.put(tryUnknownAsSequence(tag, valueStart, len, depth));
            } else {
                byte[] value = new byte[len];
                le.get(valueStart, value);
                ds.put(new DicomElement.Value(tag, vr, value));
            }
            pos = valueStart + len;
        }

        /**
         * A UN value that starts with an item tag is almost always a sequence whose VR the writer
         * did not know: parse it (implicit VR first, as PS3.5 prescribes, then explicit); if that
         * fails keep the bytes.
         */
        private DicomElement tryUnknownAsSequence(int tag, int valueStart, int len, int depth) {
            int warningsBefore = warnings.size();
            for (boolean asImplicit : new boolean[] {true, false}) {
                pos = valueStart;
                try {
                    boolean savedExplicit = explicit;
                    explicit = !asImplicit;
                    try {
                        return readSequenceWith(tag, Vr.SQ, valueStart + (long) len, depth, false);
                    } finally {
                        explicit = savedExplicit;
                    }
                } catch (DicomParseException e) {
                    while (warnings.size() > warningsBefore) {
                        warnings.remove(warnings.size() - 1);
                    }
                }
            }
            byte[] value = new byte[len];
            le.get(valueStart, value);
            return new DicomElement.Value(tag, Vr.UN, value);
        }

        private DicomElement.Sequence readSequenceWith(int tag, Vr vr, long end, int depth, boolean implicitLe)
                throws DicomParseException {
            boolean savedExplicit = explicit;
            boolean savedBig = bigEndian;
            if (implicitLe) {
                explicit = false;
                bigEndian = false;
            }
            try {
                return new DicomElement.Sequence(tag, vr, readItems(tag, end, depth + 1));
            } finally {
                explicit = savedExplicit;
                bigEndian = savedBig;
            }
        }

        private List<DicomDataset> readItems(int seqTag, long end, int depth) throws DicomParseException {
            if (depth > MAX_DEPTH) {
                throw error(pos, seqTag, "sequences nested deeper than " + MAX_DEPTH + " levels");
            }
            List<DicomDataset> items = new ArrayList<>();
            while (end < 0 || pos < end) {
                long bound = end >= 0 ? end : limit;
                if (bound - pos < 8) {
                    if (end < 0) {
                        throw error(pos, seqTag, "sequence has no Sequence Delimitation Item before the end of the file");
                    }
                    throw error(pos, seqTag, "sequence length ends in the middle of an item header");
                }
                int itemStart = pos;
                int t = tag(pos);
                long len = u32(pos + 4, bigEndian);
                pos += 8;
                if (t == Tag.SequenceDelimitationItem) {
                    if (end < 0) {
                        break;
                    }
                    warnings.add("Sequence Delimitation Item inside defined-length sequence " + Tag.toString(seqTag));
                    continue;
                }
                if (t != Tag.Item) {
                    throw error(itemStart, t, "expected an Item (FFFE,E000) in sequence " + Tag.toString(seqTag));
                }
                DicomDataset item = new DicomDataset(bigEndian);
                if (len == UNDEFINED) {
                    readElements(item, -1, depth, false);
                } else {
                    if (len > bound - pos) {
                        throw error(itemStart, seqTag, "item length " + len + " runs past the end of its sequence or the file");
                    }
                    long itemEnd = pos + len;
                    readElements(item, itemEnd, depth, false);
                    pos = (int) itemEnd;
                }
                items.add(item);
            }
            if (end >= 0) {
                pos = (int) end;
            }
            return items;
        }

        /** Indexes the fragments of encapsulated Pixel Data without reading them. */
        private DicomElement.Encapsulated readEncapsulated(int tag, Vr vr) throws DicomParseException {
            ByteBuffer bot = null;
            List<ByteBuffer> fragments = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            int firstFragment = -1;
            while (true) {
                if (limit - pos < 8) {
                    warnings.add("encapsulated Pixel Data has no Sequence Delimitation Item (file truncated?)");
                    pos = limit;
                    break;
                }
                int itemStart = pos;
                int t = tag(pos);
                long len = u32(pos + 4, false);
                pos += 8;
                if (t == Tag.SequenceDelimitationItem) {
                    break;
                }
                if (t != Tag.Item) {
                    throw error(itemStart, t, "expected a fragment Item (FFFE,E000) in encapsulated Pixel Data");
                }
                if (len > limit - pos) {
                    throw error(itemStart, tag, "fragment " + fragments.size() + " declares " + len + " bytes but only "
                            + (limit - pos) + " remain: the file is truncated");
                }
                ByteBuffer value = view(pos, (int) len);
                if (bot == null) {
                    bot = value;
                } else {
                    if (firstFragment < 0) {
                        firstFragment = itemStart;
                    }
                    fragments.add(value);
                    positions.add((long) (itemStart - firstFragment));
                }
                pos += (int) len;
            }
            if (bot == null) {
                throw error(pos, tag, "encapsulated Pixel Data has no Basic Offset Table item");
            }
            long[] pos64 = positions.stream().mapToLong(Long::longValue).toArray();
            return new DicomElement.Encapsulated(tag, vr, bot, List.copyOf(fragments), pos64);
        }

        // ---- primitives ---------------------------------------------------------------------

        private ByteBuffer view(int from, int length) {
            return le.duplicate().position(from).limit(from + length).slice().asReadOnlyBuffer();
        }

        private int tag(int at) {
            return (u16(at, bigEndian) << 16) | u16(at + 2, bigEndian);
        }

        private int u16(int at, boolean big) {
            return Short.toUnsignedInt((big ? be : le).getShort(at));
        }

        private long u32(int at, boolean big) {
            return Integer.toUnsignedLong((big ? be : le).getInt(at));
        }

        private DicomParseException error(long offset, int tag, String message) {
            // What was read so far travels with the error, so a dump can still show it.
            return new DicomParseException(source, offset, tag, message, snapshot());
        }
    }
}
