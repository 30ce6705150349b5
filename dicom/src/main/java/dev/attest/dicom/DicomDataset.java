package dev.attest.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * An ordered set of data elements (a DICOM data set or sequence item) with typed accessors.
 *
 * <p>Values are kept as the bytes that were read, in the data set's own byte order, and decoded
 * on access. When an element was stored as UN (an implicit-VR private tag, or a file written
 * with UN everywhere) and the dictionary knows the tag, accessors decode it with the
 * dictionary's VR. Text is decoded with the Specific Character Set in force, which items inherit
 * from the data set that holds them. Not thread-safe for writes; safe to read concurrently.
 */
public final class DicomDataset {
    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private final boolean bigEndian;
    private DicomDataset parent;

    public DicomDataset() {
        this(false);
    }

    public DicomDataset(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public ByteOrder byteOrder() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The data set that holds this one as a sequence item, or null at the top level. */
    public DicomDataset parent() {
        return parent;
    }

    void setParent(DicomDataset parent) {
        this.parent = parent;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public DicomElement get(int tag) {
        return elements.get(tag);
    }

    /** Elements in ascending tag order. */
    public Collection<DicomElement> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public void put(DicomElement element) {
        if (element instanceof DicomElement.Sequence seq) {
            for (DicomDataset item : seq.items()) {
                item.setParent(this);
            }
        }
        elements.put(element.tag(), element);
    }

    public DicomElement remove(int tag) {
        return elements.remove(tag);
    }

    /** The charset for text values: this data set's Specific Character Set, or its parent's. */
    public Charset charset() {
        for (DicomDataset ds = this; ds != null; ds = ds.parent) {
            DicomElement e = ds.elements.get(Tag.SpecificCharacterSet);
            if (e instanceof DicomElement.Value v) {
                String text = new String(v.bytes(), StandardCharsets.ISO_8859_1);
                return CharacterSets.forTerms(text.split("\\\\"));
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** The VR to decode an element with: the dictionary's when it was stored as UN. */
    public static Vr effectiveVr(DicomElement e) {
        if (e.vr() == Vr.UN && !Tag.isPrivate(e.tag())) {
            Vr dict = TagDictionary.vrOf(e.tag());
            return dict == Vr.SQ ? Vr.UN : dict;
        }
        return e.vr();
    }

    // ---- strings -------------------------------------------------------------------------

    /** The whole value as text (multiple values still joined by backslashes), trimmed; null when absent. */
    public String getString(int tag) {
        DicomElement e = elements.get(tag);
        if (!(e instanceof DicomElement.Value v)) {
            return null;
        }
        Vr vr = effectiveVr(e);
        if (vr.isString() || vr == Vr.UN) {
            Charset cs = vr.isCharsetDependent() ? charset() : StandardCharsets.ISO_8859_1;
            return trim(new String(v.bytes(), cs), vr);
        }
        String[] values = getStrings(tag);
        return values == null ? null : String.join("\\", values);
    }

    public String getString(int tag, String fallback) {
        String s = getString(tag);
        return s == null ? fallback : s;
    }

    /** Each value as text: strings split at backslashes, binary values formatted. Null when absent. */
    public String[] getStrings(int tag) {
        DicomElement e = elements.get(tag);
        if (!(e instanceof DicomElement.Value v)) {
            return null;
        }
        Vr vr = effectiveVr(e);
        if (vr.isString() || vr == Vr.UN) {
            Charset cs = vr.isCharsetDependent() ? charset() : StandardCharsets.ISO_8859_1;
            String text = new String(v.bytes(), cs);
            if (vr == Vr.LT || vr == Vr.ST || vr == Vr.UT || vr == Vr.UR) {
                return new String[] {trim(text, vr)};
            }
            if (text.isEmpty()) {
                return new String[0];
            }
            String[] parts = text.split("\\\\", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = trim(parts[i], vr);
            }
            return parts;
        }
        if (vr == Vr.AT) {
            int[] tags = getInts(tag);
            String[] out = new String[tags.length];
            for (int i = 0; i < tags.length; i++) {
                out[i] = Tag.toString(tags[i]);
            }
            return out;
        }
        double[] d = getDoubles(tag);
        if (d == null) {
            return null;
        }
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = formatNumber(d[i], vr);
        }
        return out;
    }

    private static String formatNumber(double d, Vr vr) {
        if (vr.kind() == Vr.Kind.FLOAT32) {
            return Float.toString((float) d);
        }
        if (vr.kind() == Vr.Kind.FLOAT64) {
            return Double.toString(d);
        }
        return Long.toString((long) d);
    }

    private static String trim(String s, Vr vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (!vr.isCharsetDependent() || vr == Vr.LO || vr == Vr.SH || vr == Vr.PN) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    // ---- numbers -------------------------------------------------------------------------

    /** Every value as a double (binary VRs decoded, DS/IS parsed); null when absent or unparsable. */
    public double[] getDoubles(int tag) {
        DicomElement e = elements.get(tag);
        if (!(e instanceof DicomElement.Value v)) {
            return null;
        }
        Vr vr = effectiveVr(e);
        if (vr.isString()) {
            String[] parts = getStrings(tag);
            List<Double> out = new ArrayList<>(parts.length);
            for (String p : parts) {
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Double.parseDouble(p));
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int size = vr.valueSize();
        if (size == 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(v.bytes()).order(byteOrder());
        int n = v.bytes().length / size;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int at = i * size;
            out[i] = switch (vr.kind()) {
                case INT16 -> b.getShort(at);
                case UINT16 -> Short.toUnsignedInt(b.getShort(at));
                case INT32 -> b.getInt(at);
                case UINT32 -> Integer.toUnsignedLong(b.getInt(at));
                case INT64 -> b.getLong(at);
                case FLOAT32 -> b.getFloat(at);
                case FLOAT64 -> b.getDouble(at);
                case TAG -> (double) (((b.getShort(at) & 0xFFFFL) << 16) | (b.getShort(at + 2) & 0xFFFFL));
                default -> 0;
            };
        }
        return out;
    }

    public double getDouble(int tag, double fallback) {
        double[] d = getDoubles(tag);
        return d == null || d.length == 0 ? fallback : d[0];
    }

    /** Every value as an int (for IS, US, SS, UL, SL, AT and integral DS); null when absent. */
    public int[] getInts(int tag) {
        double[] d = getDoubles(tag);
        if (d == null) {
            return null;
        }
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) (long) d[i];
        }
        return out;
    }

    public int getInt(int tag, int fallback) {
        double[] d = getDoubles(tag);
        return d == null || d.length == 0 ? fallback : (int) (long) d[0];
    }

    /** The raw value bytes, in this data set's byte order; null when absent or not held in memory. */
    public byte[] getBytes(int tag) {
        return elements.get(tag) instanceof DicomElement.Value v ? v.bytes() : null;
    }

    // ---- sequences -----------------------------------------------------------------------

    /** The items of a sequence; empty when absent. */
    public List<DicomDataset> getSequence(int tag) {
        return elements.get(tag) instanceof DicomElement.Sequence s ? s.items() : List.of();
    }

    /** The first item of a sequence, if any. */
    public Optional<DicomDataset> getItem(int tag) {
        List<DicomDataset> items = getSequence(tag);
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    // ---- private tags --------------------------------------------------------------------

    /**
     * The actual tag of a private element given its creator and its element byte, e.g.
     * ("SIEMENS CSA HEADER", 0x0029, 0x10): private blocks move between files (and PACS such as
     * the Agfa one in the test data renumber them), so code must look them up by creator.
     */
    public OptionalInt privateTag(String creator, int group, int elementLow) {
        for (int block = 0x10; block <= 0xFF; block++) {
            String owner = getString((group << 16) | block);
            if (owner != null && owner.equals(creator)) {
                return OptionalInt.of((group << 16) | (block << 8) | (elementLow & 0xFF));
            }
        }
        return OptionalInt.empty();
    }

    // ---- setters (values are encoded in this data set's byte order) ----------------------

    public DicomDataset setString(int tag, Vr vr, String... values) {
        String joined = String.join("\\", values);
        Charset cs = vr.isCharsetDependent() ? charset() : StandardCharsets.US_ASCII;
        byte[] raw = joined.getBytes(cs);
        put(new DicomElement.Value(tag, vr, raw));
        return this;
    }

    public DicomDataset setInts(int tag, Vr vr, int... values) {
        if (vr.isString()) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = Integer.toString(values[i]);
            }
            return setString(tag, vr, s);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * vr.valueSize()).order(byteOrder());
        for (int v : values) {
            switch (vr.kind()) {
                case INT16, UINT16 -> b.putShort((short) v);
                case INT32, UINT32 -> b.putInt(v);
                case INT64 -> b.putLong(v);
                case FLOAT32 -> b.putFloat(v);
                case FLOAT64 -> b.putDouble(v);
                case TAG -> b.putShort((short) (v >>> 16)).putShort((short) v);
                default -> throw new IllegalArgumentException("setInts cannot encode VR " + vr);
            }
        }
        put(new DicomElement.Value(tag, vr, b.array()));
        return this;
    }

    public DicomDataset setDoubles(int tag, Vr vr, double... values) {
        if (vr.isString()) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = formatDecimalString(values[i]);
            }
            return setString(tag, vr, s);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * vr.valueSize()).order(byteOrder());
        for (double v : values) {
            switch (vr.kind()) {
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
                default -> throw new IllegalArgumentException("setDoubles cannot encode VR " + vr);
            }
        }
        put(new DicomElement.Value(tag, vr, b.array()));
        return this;
    }

    public DicomDataset setBytes(int tag, Vr vr, byte[] value) {
        put(new DicomElement.Value(tag, vr, value));
        return this;
    }

    public DicomDataset setSequence(int tag, List<DicomDataset> items) {
        put(new DicomElement.Sequence(tag, Vr.SQ, List.copyOf(items)));
        return this;
    }

    /**
     * A DS value fits in 16 characters (PS3.5 6.2): use the shortest exact form when it fits,
     * otherwise as many significant digits as fit.
     */
    public static String formatDecimalString(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            String s = Long.toString((long) v);
            if (s.length() <= 16) {
                return s;
            }
        }
        String s = Double.toString(v);
        if (s.length() <= 16 && !s.contains("E")) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            String t = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toString();
            if (t.length() <= 16) {
                return t;
            }
        }
        return "0";
    }

    @Override
    public String toString() {
        return "DicomDataset[" + elements.size() + " elements]";
    }
}
