package dev.attest.dicom.deid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateShiftTest {

    @Test
    void derivesOnePerPatientOffsetAsThePythonReferenceDoes() {
        // python3: bits = struct.unpack('>i', hmac.new(bytes(range(32)), b'attest-date-shift-v1\0PAT-001',
        //          hashlib.sha256).digest()[:4])[0]; days = -((bits % 3652) + 1)
        DateShift shift = DateShift.forPatient(UidMapTest.SECRET, "PAT-001");
        assertEquals(-516, shift.days());
        assertEquals(shift, DateShift.forPatient(UidMapTest.SECRET, " PAT-001 "));
        // datetime.date(2020, 2, 29) + timedelta(days=-516)
        assertEquals("20181001", shift.shiftDate("20200229"));
    }

    @Test
    void derivedOffsetsAreNeverZeroAndAtMostTenYearsBack() {
        for (int i = 0; i < 2000; i++) {
            int d = DateShift.forPatient(UidMapTest.SECRET, "P" + i).days();
            assertTrue(d <= -1 && d >= -DateShift.MAX_DAYS, "offset " + d);
        }
    }

    @Test
    void shiftsDatesRangesAndOldStyleDatesKeepingIntervals() {
        DateShift s = new DateShift(-400);
        assertEquals("19981127", s.shiftDate("20000101"));
        assertEquals("20200126", s.shiftDate("20210301"));
        assertEquals("19981127-20200126", s.shiftDate("20000101-20210301"));
        assertEquals("-19981127", s.shiftDate("-20000101"));
        assertEquals("19981127", s.shiftDate("2000.01.01"));
        assertNull(s.shiftDate("20001301"));
        assertNull(s.shiftDate("yesterday"));
    }

    @Test
    void shiftsTheDatePartOfDateTimesKeepingTimeFractionAndOffset() {
        DateShift s = new DateShift(-400);
        assertEquals("19981127", s.shiftDateTime("20000101"));
        assertEquals("19981127083015.123456+0100", s.shiftDateTime("20000101083015.123456+0100"));
        assertEquals("1998112708", s.shiftDateTime("2000010108"));
        assertEquals("199811", s.shiftDateTime("200001"), "month precision: shifted from the 1st, written as YYYYMM");
        assertEquals("1998", s.shiftDateTime("2000"));
        assertNull(s.shiftDateTime("2000-01-01"));
        assertNull(s.shiftDateTime("20000231"));
    }
}
