package dev.attest.dicom.deid;

/**
 * One identifier found in a text: where it is and what kind it is. The matched text is the
 * identifier itself, so findings stay inside the workstation.
 *
 * @param start   index of the first character
 * @param end     index after the last character
 * @param kind    what was found
 * @param matched the text between start and end
 */
public record Finding(int start, int end, Kind kind, String matched) {

    /** What an identifier is, with the placeholder the scrubber writes in its place. */
    public enum Kind {
        PATIENT_NAME("NAME"), PERSON_NAME("NAME"), IDENTIFIER("ID"), BIRTH_DATE("DATE"), DATE("DATE"),
        PHONE("PHONE"), EMAIL("EMAIL"), CONTACT("CONTACT"), ORGANIZATION("ORGANIZATION"), UID("UID"),
        ID_LIKE("ID");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        /** The text that replaces it, e.g. "[NAME]". */
        public String placeholder() {
            return "[" + placeholder + "]";
        }
    }

    public int length() {
        return end - start;
    }
}
