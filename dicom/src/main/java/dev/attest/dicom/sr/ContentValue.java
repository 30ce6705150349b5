package dev.attest.dicom.sr;

import dev.attest.dicom.Code;

import java.util.List;
import java.util.Objects;

/** The value of an SR content item, one record per Value Type (PS3.3 C.17.3.2.1) Attest reads or writes. */
public sealed interface ContentValue {

    /** The Value Type as DICOM spells it. */
    String valueType();

    /** CONTAINER; {@code separate} for Continuity Of Content SEPARATE, else CONTINUOUS. */
    record Container(boolean separate) implements ContentValue {
        public String valueType() {
            return "CONTAINER";
        }
    }

    record CodeValue(Code code) implements ContentValue {
        public CodeValue {
            Objects.requireNonNull(code, "code");
        }

        public String valueType() {
            return "CODE";
        }
    }

    record Text(String text) implements ContentValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public String valueType() {
            return "TEXT";
        }
    }

    /**
     * NUM with a measured value.
     *
     * @param value the number (Floating Point Value when the file has it, else Numeric Value)
     * @param unit  Measurement Units Code
     */
    record Numeric(double value, Code unit) implements ContentValue {
        public Numeric {
            Objects.requireNonNull(unit, "unit");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a measured value must be finite, got " + value);
            }
        }

        public String valueType() {
            return "NUM";
        }
    }

    record UidRef(String uid) implements ContentValue {
        public UidRef {
            Objects.requireNonNull(uid, "uid");
        }

        public String valueType() {
            return "UIDREF";
        }
    }

    /** PNAME: a person's name in DICOM PN form ("Family^Given"). */
    record PersonName(String name) implements ContentValue {
        public PersonName {
            Objects.requireNonNull(name, "name");
        }

        public String valueType() {
            return "PNAME";
        }
    }

    /** DATE, TIME or DATETIME, kept as the DICOM text. */
    record Temporal(String valueType, String text) implements ContentValue {
        public Temporal {
            if (!List.of("DATE", "TIME", "DATETIME").contains(valueType)) {
                throw new IllegalArgumentException("not a temporal value type: " + valueType);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * IMAGE: an image, with the frames and (for a Segmentation) the segments referred to; empty
     * lists mean the whole image.
     */
    record Image(SopReference sop, List<Integer> frames, List<Integer> segments) implements ContentValue {
        public Image {
            Objects.requireNonNull(sop, "sop");
            frames = List.copyOf(frames);
            segments = List.copyOf(segments);
        }

        public String valueType() {
            return "IMAGE";
        }
    }

    /** COMPOSITE: any other instance (a Real World Value Map, another SR). */
    record Composite(SopReference sop) implements ContentValue {
        public Composite {
            Objects.requireNonNull(sop, "sop");
        }

        public String valueType() {
            return "COMPOSITE";
        }
    }

    /** A by-reference relationship to another content item, by its position path (1-based from the root). */
    record ByReference(List<Integer> path) implements ContentValue {
        public ByReference {
            path = List.copyOf(path);
        }

        public String valueType() {
            return "";
        }
    }

    /**
     * A value type Attest carries but does not interpret (SCOORD, SCOORD3D, TCOORD, WAVEFORM,
     * TABLE), or a NUM whose Measured Value Sequence is empty.
     */
    record Uninterpreted(String valueType) implements ContentValue {
        public Uninterpreted {
            Objects.requireNonNull(valueType, "valueType");
        }
    }
}
