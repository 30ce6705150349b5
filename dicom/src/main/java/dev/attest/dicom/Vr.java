package dev.attest.dicom;

/** The DICOM value representations (PS3.5 section 6.2) and how each is encoded. */
public enum Vr {
    AE(false, ' ', Kind.STRING), AS(false, ' ', Kind.STRING), AT(false, 0, Kind.TAG),
    CS(false, ' ', Kind.STRING), DA(false, ' ', Kind.STRING), DS(false, ' ', Kind.STRING),
    DT(false, ' ', Kind.STRING), FD(false, 0, Kind.FLOAT64), FL(false, 0, Kind.FLOAT32),
    IS(false, ' ', Kind.STRING), LO(false, ' ', Kind.TEXT), LT(false, ' ', Kind.TEXT),
    OB(true, 0, Kind.BINARY), OD(true, 0, Kind.FLOAT64), OF(true, 0, Kind.FLOAT32),
    OL(true, 0, Kind.UINT32), OV(true, 0, Kind.INT64), OW(true, 0, Kind.UINT16),
    PN(false, ' ', Kind.TEXT), SH(false, ' ', Kind.TEXT), SL(false, 0, Kind.INT32),
    SQ(true, 0, Kind.SEQUENCE), SS(false, 0, Kind.INT16), ST(false, ' ', Kind.TEXT),
    SV(true, 0, Kind.INT64), TM(false, ' ', Kind.STRING), UC(true, ' ', Kind.TEXT),
    UI(false, 0, Kind.STRING), UL(false, 0, Kind.UINT32), UN(true, 0, Kind.BINARY),
    UR(true, ' ', Kind.STRING), US(false, 0, Kind.UINT16), UT(true, ' ', Kind.TEXT),
    UV(true, 0, Kind.INT64);

    /** How the bytes of a value are interpreted. */
    public enum Kind { STRING, TEXT, BINARY, INT16, UINT16, INT32, UINT32, INT64, FLOAT32, FLOAT64, TAG, SEQUENCE }

    private final boolean longHeader;
    private final byte padding;
    private final Kind kind;

    Vr(boolean longHeader, int padding, Kind kind) {
        this.longHeader = longHeader;
        this.padding = (byte) padding;
        this.kind = kind;
    }

    /** True when explicit-VR encoding uses 2 reserved bytes and a 32-bit length for this VR. */
    public boolean hasLongHeader() {
        return longHeader;
    }

    public byte padding() {
        return padding;
    }

    public Kind kind() {
        return kind;
    }

    /** True for string VRs whose text is decoded with the Specific Character Set. */
    public boolean isCharsetDependent() {
        return kind == Kind.TEXT;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** Size in bytes of one binary value, or 0 for strings, bytes and sequences. */
    public int valueSize() {
        return switch (kind) {
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT32, TAG -> 4;
            case INT64, FLOAT64 -> 8;
            default -> 0;
        };
    }

    /** Looks up a VR from its two ASCII characters; null when they name no VR. */
    public static Vr fromCode(int c0, int c1) {
        if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
            return null;
        }
        return BY_CODE[(c0 - 'A') * 26 + (c1 - 'A')];
    }

    private static final Vr[] BY_CODE = new Vr[26 * 26];

    static {
        for (Vr vr : values()) {
            String n = vr.name();
            BY_CODE[(n.charAt(0) - 'A') * 26 + (n.charAt(1) - 'A')] = vr;
        }
    }
}
