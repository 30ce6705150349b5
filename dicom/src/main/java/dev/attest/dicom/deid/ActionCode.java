package dev.attest.dicom.deid;

import java.util.Locale;

/**
 * One cell of PS3.15 Table E.1-1: an action code, or a combination of them that lets the weaker
 * action be chosen only where the IOD requires the attribute.
 *
 * <p>Attest does not know each attribute's Type in every IOD, so {@link #applied()} resolves every
 * combination to the action that is conformant whatever the Type: Z (zero length) is valid for
 * Type 2 and 3, D (dummy value) for Type 1 as well. Both leave no original value behind.
 */
public enum ActionCode {
    D("D"), Z("Z"), X("X"), K("K"), C("C"), U("U"),
    Z_D("Z/D"), X_Z("X/Z"), X_D("X/D"), X_Z_D("X/Z/D"), X_Z_U("X/Z/U*");

    private final String code;

    ActionCode(String code) {
        this.code = code;
    }

    /** The code as the standard prints it, e.g. "X/Z/U*". */
    public String code() {
        return code;
    }

    /** The single action Attest performs for this cell. */
    public Action applied() {
        return switch (this) {
            case D, Z_D, X_D, X_Z_D -> Action.D;
            case Z, X_Z -> Action.Z;
            case X -> Action.X;
            case K -> Action.K;
            case C -> Action.C;
            // U*: the sequence stays and the instance UIDs inside it are replaced (each by its own row).
            case U, X_Z_U -> Action.U;
        };
    }

    /** Parses a cell as printed in the table; empty or blank means no entry (null). */
    public static ActionCode parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        for (ActionCode a : values()) {
            if (a.code.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("not a PS3.15 Table E.1-1 action code: \"" + text + "\"");
    }
}
