package dev.attest.dicom.deid;

import dev.attest.dicom.Vr;

import java.nio.charset.StandardCharsets;

/**
 * The dummy value (action D) for each VR: a valid, obviously artificial value, so an IOD that
 * requires the attribute (Type 1) stays valid and nothing of the original is left.
 */
final class DummyValues {
    /** Text used for every dummy string: valid in CS (upper case), short enough for SH and AE. */
    static final String TEXT = "ANONYMIZED";
    static final String DATE = "19000101";
    static final String TIME = "000000";
    static final String DATE_TIME = "19000101000000";

    private DummyValues() {
    }

    /** Dummy bytes for {@code vr}; binary VRs get zeros of the original length. Never for UI or SQ. */
    static byte[] of(Vr vr, byte[] original) {
        String text = switch (vr) {
            case AE, CS, LO, LT, SH, ST, UC, UT, PN -> TEXT;
            case DA -> DATE;
            case TM -> TIME;
            case DT -> DATE_TIME;
            case AS -> "000D";
            case DS, IS -> "0";
            case UR -> "";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        return new byte[original == null ? 0 : original.length];
    }
}
