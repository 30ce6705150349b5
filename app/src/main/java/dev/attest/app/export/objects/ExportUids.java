package dev.attest.app.export.objects;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Every UID a case's DICOM objects carry, through the export's keyed map: an original UID becomes its replacement
 * (the one the de-identified images get too), and a new object's UID is the replacement of a name made from the
 * case's project id and the object's role, so exporting again gives the same UIDs and nobody without the project
 * secret can link them to the case. Names are ASCII without tabs, as the workstation's UID map file needs.
 */
final class ExportUids {
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");

    private final UnaryOperator<String> remap;
    private final long caseId;

    ExportUids(UnaryOperator<String> remap, long caseId) {
        this.remap = remap;
        this.caseId = caseId;
    }

    /** The exported UID of an original one; "" stays "". */
    String source(String original) {
        return original.isEmpty() ? "" : checked(remap.apply(original));
    }

    /** The UID of something new in this case, e.g. {@code derived("sr-instance")}. */
    String derived(String role) {
        return checked(remap.apply("attest:case-" + caseId + ":" + role));
    }

    private static String checked(String uid) {
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            throw new IllegalStateException("the UID remap gave '" + uid + "', which is not a DICOM UID");
        }
        return uid;
    }
}
