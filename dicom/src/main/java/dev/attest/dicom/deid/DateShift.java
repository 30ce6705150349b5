package dev.attest.dicom.deid;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves dates by a whole number of days, the same for every date of one patient, so intervals
 * between a patient's studies survive while the calendar dates do not (PS3.15 E.3.6, Retain
 * Longitudinal Temporal Information With Modified Dates). Times of day are not touched.
 *
 * @param days the offset in days; never zero for a derived shift
 */
public record DateShift(int days) {
    private static final String PURPOSE = "attest-date-shift-v1";
    /** Derived offsets fall in [-MAX_DAYS, -1]: always into the past, up to about ten years. */
    static final int MAX_DAYS = 3652;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DT = Pattern.compile("(\\d{4})(\\d{2})?(\\d{2})?(.*)");

    /** The offset for one patient, derived from the project secret and the patient's original ID. */
    public static DateShift forPatient(ProjectSecret secret, String originalPatientId) {
        int bits = ByteBuffer.wrap(secret.hmac(PURPOSE, originalPatientId == null ? "" : originalPatientId.trim())).getInt();
        return new DateShift(-(Math.floorMod(bits, MAX_DAYS) + 1));
    }

    /**
     * Shifts a DA value: YYYYMMDD, a range A-B with either end open, or the old YYYY.MM.DD form
     * (written back as YYYYMMDD). Returns null when the value is not a date.
     */
    public String shiftDate(String value) {
        String v = value.trim();
        int dash = v.indexOf('-');
        if (dash >= 0) {
            String from = v.substring(0, dash);
            String to = v.substring(dash + 1);
            String a = from.isEmpty() ? "" : shiftDate(from);
            String b = to.isEmpty() ? "" : shiftDate(to);
            return a == null || b == null ? null : a + "-" + b;
        }
        if (v.matches("\\d{4}\\.\\d{2}\\.\\d{2}")) {
            v = v.replace(".", "");
        }
        if (!v.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(v, DA).plusDays(days).format(DA);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Shifts the date part of a DT value (YYYY[MM[DD[HHMMSS.FFFFFF]]][&ZZXX]), keeping the time and
     * offset. A value with only a year or year and month is shifted from the first day of that
     * period and written back at the same precision. Returns null when the value is not a date-time.
     */
    public String shiftDateTime(String value) {
        Matcher m = DT.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        boolean hasMonth = m.group(2) != null;
        boolean hasDay = m.group(3) != null;
        String rest = m.group(4);
        if (!rest.matches("(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?([+-]\\d{4})?")) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), hasMonth ? Integer.parseInt(m.group(2)) : 1,
                    hasDay ? Integer.parseInt(m.group(3)) : 1).plusDays(days);
            String shifted = date.format(DA);
            return shifted.substring(0, hasDay ? 8 : hasMonth ? 6 : 4) + rest;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
