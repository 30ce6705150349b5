package dev.attest.dicom.deid;

import dev.attest.dicom.Tag;

import java.util.Map;

/**
 * One attribute of PS3.15 Table E.1-1: its tag (a mask for repeating groups such as 60xx), the
 * basic profile action and the action each option column gives instead.
 *
 * @param tag           the tag, with the repeating digits zero
 * @param mask          the bits of a tag that must equal {@code tag} (0xFFFFFFFF for a single tag)
 * @param name          the attribute name as the table prints it
 * @param inStandardIod whether the table marks it as used in a standard composite IOD
 * @param basic         the Basic Profile action
 * @param options       the action per option column, only for columns with an entry
 * @param source        "E.1-1" for rows of the standard's table, "attest" for rows Attest adds
 */
public record ProfileRow(int tag, int mask, String name, boolean inStandardIod, ActionCode basic,
                         Map<ProfileColumn, ActionCode> options, String source) {

    public ProfileRow {
        options = Map.copyOf(options);
    }

    /** True for the one row that stands for every private attribute. */
    public boolean isPrivateAttributes() {
        return mask == PRIVATE_MASK;
    }

    /** The mask of the private-attributes row: only the odd bit of the group. */
    static final int PRIVATE_MASK = 0x00010000;

    public boolean matches(int candidate) {
        return (candidate & mask) == tag;
    }

    /** The action a column gives, or null when the column leaves the basic action. */
    public ActionCode option(ProfileColumn column) {
        return options.get(column);
    }

    /** The tag as the table prints it, e.g. (0010,0010) or (60xx,3000). */
    public String tagText() {
        if (isPrivateAttributes()) {
            return "(gggg,eeee) odd group";
        }
        if (mask == 0xFFFFFFFF) {
            return Tag.toString(tag);
        }
        StringBuilder hex = new StringBuilder(String.format("%08X", tag));
        for (int i = 0; i < 8; i++) {
            if (((mask >>> (28 - 4 * i)) & 0xF) == 0) {
                hex.setCharAt(i, 'x');
            }
        }
        return "(" + hex.substring(0, 4) + "," + hex.substring(4) + ")";
    }
}
