package dev.attest.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PS3.6 data dictionary: the VR that implicit-VR files leave out, and keywords for dumps.
 *
 * <p>Loaded once from {@code dictionary.tsv}, which tools/dictionary/generate.py writes from a
 * machine-readable copy of the standard's table.
 */
public final class TagDictionary {
    /** One dictionary row; {@code vr} is the first VR when the standard allows several. */
    public record Entry(int tag, Vr vr, String vm, String keyword, boolean retired, boolean signDependsOnPixelRepresentation) {
    }

    private record Repeater(int mask, int value, Entry entry) {
    }

    private static final Map<Integer, Entry> ENTRIES = new HashMap<>(8192);
    private static final List<Repeater> REPEATERS = new ArrayList<>();

    static {
        try (InputStream in = TagDictionary.class.getResourceAsStream("dictionary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dictionary.tsv missing from the attest-dicom jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Vr vr = parseVr(f[1]);
                String hex = f[0];
                int mask = 0;
                int value = 0;
                for (int i = 0; i < 8; i++) {
                    char c = hex.charAt(i);
                    mask <<= 4;
                    value <<= 4;
                    if (c != 'x') {
                        mask |= 0xF;
                        value |= Character.digit(c, 16);
                    }
                }
                Entry entry = new Entry(value, vr, f[2], f[3], f.length > 4 && f[4].equals("R"), f[1].startsWith("US or SS"));
                if (mask == 0xFFFFFFFF) {
                    ENTRIES.put(value, entry);
                } else {
                    REPEATERS.add(new Repeater(mask, value, entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TagDictionary() {
    }

    private static Vr parseVr(String text) {
        if (text.length() < 2 || text.equals("NONE")) {
            return Vr.UN;
        }
        // "US or SS", "OB or OW": the first listed is the right guess for implicit VR (OW for pixel data is set by the reader).
        Vr vr = Vr.fromCode(text.charAt(0), text.charAt(1));
        return vr == null ? Vr.UN : vr;
    }

    /** The dictionary entry for a public tag, or null for private and unknown tags. */
    public static Entry lookup(int tag) {
        Entry e = ENTRIES.get(tag);
        if (e != null) {
            return e;
        }
        for (Repeater r : REPEATERS) {
            if ((tag & r.mask) == r.value) {
                return r.entry;
            }
        }
        return null;
    }

    /** The VR an implicit-VR file means for this tag. */
    public static Vr vrOf(int tag) {
        if (Tag.element(tag) == 0) {
            return Vr.UL; // group length
        }
        if (Tag.isPrivateCreator(tag)) {
            return Vr.LO;
        }
        if (tag == Tag.PixelData) {
            return Vr.OW;
        }
        Entry e = Tag.isPrivate(tag) ? null : lookup(tag);
        return e == null ? Vr.UN : e.vr();
    }

    /**
     * True for tags the standard types "US or SS": in implicit VR their sign follows Pixel
     * Representation, which only the reader of the whole data set can know.
     */
    public static boolean signDependsOnPixelRepresentation(int tag) {
        Entry e = Tag.isPrivate(tag) ? null : lookup(tag);
        return e != null && e.signDependsOnPixelRepresentation();
    }

    /** The keyword of a tag, or empty for private and unknown tags. */
    public static String keyword(int tag) {
        if (Tag.element(tag) == 0) {
            return "GroupLength";
        }
        if (Tag.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        Entry e = Tag.isPrivate(tag) ? null : lookup(tag);
        return e == null ? "" : e.keyword();
    }
}
