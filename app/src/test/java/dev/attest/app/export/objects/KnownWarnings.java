package dev.attest.app.export.objects;

import dev.attest.dicom.Code;
import dev.attest.dicom.sr.AttestCodes;
import dev.attest.dicom.sr.MeasurementReport;
import dev.attest.dicom.sr.QualitativeEvaluation;

import java.util.ArrayList;
import dev.attest.dicom.sr.MeasurementReportDocument;
import java.util.List;

/**
 * The warnings dciodvfy (dicom3tools 1.00~20220618) gives on a case's SEG and SR, each explained in
 * docs/export-objects.md, so that any other warning fails the tests. Compared as sorted lists: dciodvfy's order
 * follows the data set, which is not what is being checked.
 */
public final class KnownWarnings {
    private static final String DICOMDIR = "Warning - Missing attribute or value that would be needed to build DICOMDIR - ";
    private static final String RETIRED = "Retired Person Name form";

    private KnownWarnings() {
    }

    /**
     * Study Date, Time and ID are Type 2 and left empty (nothing of the source study is copied); a pseudonym
     * without a '^' reads to dciodvfy as the pre-3.0 one-component name form.
     */
    public static List<String> seg(String patientName) {
        List<String> out = new ArrayList<>(List.of(DICOMDIR + "Study Date", DICOMDIR + "Study Time", DICOMDIR + "Study ID"));
        if (!patientName.contains("^")) {
            out.add("Warning - Value dubious for this VR - (0x0010,0x0010) PN Patient's Name  PN [1] = <" + patientName + "> - " + RETIRED);
        }
        return out.stream().sorted().toList();
    }

    /**
     * The SEG's, plus: each Person Observer Name item without a '^' (one per reviewer at the root and one under
     * every judgement), and the private coding scheme dciodvfy does not know (once per 99ATTEST code and for its
     * Coding Scheme Identification item, once for its UID).
     */
    public static List<String> sr(MeasurementReport report, String patientName) {
        List<String> out = new ArrayList<>(seg(patientName));
        List<String> names = new ArrayList<>();
        report.observers().persons().forEach(p -> names.add(p.name()));
        List<QualitativeEvaluation> all = new ArrayList<>(report.evaluations());
        report.groups().forEach(g -> all.addAll(g.evaluations()));
        long privateCodes = 1;
        for (QualitativeEvaluation e : all) {
            e.observer().ifPresent(names::add);
            for (Code c : List.of(e.concept(), e.value())) {
                privateCodes += c.scheme().equals(AttestCodes.SCHEME) ? 1 : 0;
            }
        }
        for (String n : names) {
            if (!n.contains("^")) {
                out.add("Warning - Value dubious for this VR - (0x0040,0xa123) PN Person Name  PN [1] = <" + n + "> - " + RETIRED);
            }
        }
        for (long i = 0; i < privateCodes; i++) {
            out.add("Warning - Unrecognized defined term <99ATTEST> for value 1 of attribute <Coding Scheme Designator>");
        }
        out.add("Warning - Unrecognized defined term <" + AttestCodes.SCHEME_UID + "> for value 1 of attribute <Coding Scheme UID>");
        return out.stream().sorted().toList();
    }

    /**
     * Runs dciodvfy on a case's SEG and SR and asserts no error and exactly the warnings explained here;
     * returns the SR as read, for further checks.
     */
    public static MeasurementReportDocument assertAccepted(java.nio.file.Path seg, java.nio.file.Path sr, String patientName)
            throws Exception {
        OutsideTools.Run segRun = OutsideTools.dciodvfy(seg);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), segRun.lines("Error"), segRun.output());
        org.junit.jupiter.api.Assertions.assertEquals(seg(patientName), segRun.lines("Warning").stream().sorted().toList(),
                segRun.output());
        OutsideTools.Run srRun = OutsideTools.dciodvfy(sr);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), srRun.lines("Error"), srRun.output());
        MeasurementReportDocument doc = dev.attest.dicom.sr.MeasurementReportReader.read(dev.attest.dicom.io.DicomReader.read(sr));
        org.junit.jupiter.api.Assertions.assertEquals(sr(doc.report(), patientName), srRun.lines("Warning").stream().sorted().toList(),
                srRun.output());
        return doc;
    }
}
