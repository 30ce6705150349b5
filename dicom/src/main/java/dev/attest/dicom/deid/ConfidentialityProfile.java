package dev.attest.dicom.deid;

import dev.attest.dicom.Tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PS3.15 Table E.1-1, loaded once from {@code basic-profile.tsv}: for any tag, the row that says
 * what the Basic Application Level Confidentiality Profile and its options do with it.
 */
public final class ConfidentialityProfile {
    private static final String RESOURCE = "basic-profile.tsv";
    private static final ProfileColumn[] COLUMN_ORDER = {
            ProfileColumn.RETAIN_SAFE_PRIVATE, ProfileColumn.RETAIN_UIDS, ProfileColumn.RETAIN_DEVICE_IDENTITY,
            ProfileColumn.RETAIN_INSTITUTION_IDENTITY, ProfileColumn.RETAIN_PATIENT_CHARACTERISTICS,
            ProfileColumn.RETAIN_LONG_FULL_DATES, ProfileColumn.RETAIN_LONG_MODIFIED_DATES,
            ProfileColumn.CLEAN_DESCRIPTORS, ProfileColumn.CLEAN_STRUCTURED_CONTENT, ProfileColumn.CLEAN_GRAPHICS};

    private static final ConfidentialityProfile STANDARD = load();

    private final List<ProfileRow> rows;
    private final Map<Integer, ProfileRow> exact;
    private final List<ProfileRow> repeating;
    private final ProfileRow privateAttributes;

    private ConfidentialityProfile(List<ProfileRow> rows, ProfileRow privateAttributes) {
        this.rows = List.copyOf(rows);
        this.privateAttributes = privateAttributes;
        Map<Integer, ProfileRow> byTag = new HashMap<>();
        List<ProfileRow> masked = new ArrayList<>();
        for (ProfileRow r : rows) {
            if (r.mask() == 0xFFFFFFFF) {
                byTag.put(r.tag(), r);
            } else {
                masked.add(r);
            }
        }
        this.exact = byTag;
        this.repeating = masked;
    }

    /** The table as shipped with Attest. */
    public static ConfidentialityProfile standard() {
        return STANDARD;
    }

    /** Every row, private attributes last. */
    public List<ProfileRow> rows() {
        List<ProfileRow> all = new ArrayList<>(rows);
        all.add(privateAttributes);
        return Collections.unmodifiableList(all);
    }

    /** The row for a tag: private tags share one row; null when the table does not list the tag. */
    public ProfileRow rowFor(int tag) {
        if (Tag.isPrivate(tag)) {
            return privateAttributes;
        }
        ProfileRow r = exact.get(tag);
        if (r != null) {
            return r;
        }
        for (ProfileRow m : repeating) {
            if (m.matches(tag)) {
                return m;
            }
        }
        return null;
    }

    private static ConfidentialityProfile load() {
        try (InputStream in = ConfidentialityProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the attest-dicom jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<ProfileRow> rows = new ArrayList<>();
            ProfileRow privateRow = null;
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                ProfileRow row = parse(line, lineNumber);
                if (row == null) {
                    privateRow = parsePrivate(line, lineNumber);
                } else {
                    rows.add(row);
                }
            }
            if (privateRow == null) {
                throw new IllegalStateException(RESOURCE + " has no row for private attributes (ggggeeee)");
            }
            return new ConfidentialityProfile(rows, privateRow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row with a tag or tag mask; null for the private-attributes row. */
    private static ProfileRow parse(String line, int lineNumber) {
        String[] f = fields(line, lineNumber);
        String hex = f[0];
        if (hex.equalsIgnoreCase("ggggeeee")) {
            return null;
        }
        int tag = 0;
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            char c = hex.charAt(i);
            tag <<= 4;
            mask <<= 4;
            if (c != 'x' && c != 'X') {
                int d = Character.digit(c, 16);
                if (d < 0) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": bad tag " + hex);
                }
                tag |= d;
                mask |= 0xF;
            }
        }
        return row(tag, mask, f, lineNumber);
    }

    private static ProfileRow parsePrivate(String line, int lineNumber) {
        // Odd group bit set: rowFor() routes every private tag here before looking at the other rows.
        return row(ProfileRow.PRIVATE_MASK, ProfileRow.PRIVATE_MASK, fields(line, lineNumber), lineNumber);
    }

    private static String[] fields(String line, int lineNumber) {
        String[] f = line.split("\t", -1);
        if (f.length != 15 || f[0].length() != 8) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 15 tab-separated fields, got "
                    + f.length);
        }
        return f;
    }

    private static ProfileRow row(int tag, int mask, String[] f, int lineNumber) {
        try {
            Map<ProfileColumn, ActionCode> options = new EnumMap<>(ProfileColumn.class);
            for (int i = 0; i < COLUMN_ORDER.length; i++) {
                ActionCode a = ActionCode.parse(f[4 + i]);
                if (a != null) {
                    options.put(COLUMN_ORDER[i], a);
                }
            }
            return new ProfileRow(tag, mask, f[1], f[2].equals("Y"), ActionCode.parse(f[3]), options, f[14]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }
}
