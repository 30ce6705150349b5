package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.ExternalValidators;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our TID 1500 report checked by tools that are not ours: dciodvfy must report no error (its
 * warnings are pinned here and explained in docs/dicom-seg-sr.md), DCMTK's dsrdump must accept
 * every relationship of the content tree, and pydicom must read the tree to the values we wrote.
 * Skipped without the tools unless ATTEST_REQUIRE_VALIDATORS=1.
 */
@Tag("validator")
class MeasurementReportValidatorTest {
    private static ReviewedCase reviewed;

    @BeforeAll
    static void load() throws IOException {
        reviewed = ReviewedCase.load();
    }

    private static Path writeReport(Path dir) throws IOException {
        Path file = dir.resolve("report.dcm");
        DicomWriter.write(file, MeasurementReportWriter.write(reviewed.report(), reviewed.source.study(), reviewed.evidence(),
                reviewed.settings()), TransferSyntax.EXPLICIT_VR_LE);
        return file;
    }

    /** How many codes of the report are in the private 99ATTEST scheme: dciodvfy warns once for each. */
    private static long privateCodes(MeasurementReport report) {
        List<QualitativeEvaluation> all = new ArrayList<>(report.evaluations());
        report.groups().forEach(g -> all.addAll(g.evaluations()));
        return all.stream().flatMap(e -> Stream.of(e.concept(), e.value())).map(Code::scheme).filter(AttestCodes.SCHEME::equals).count();
    }

    @Test
    void theReportPassesDciodvfyWithOnlyTheExplainedWarnings(@TempDir Path dir) throws Exception {
        ExternalValidators.Dciodvfy result = ExternalValidators.dciodvfy(writeReport(dir));
        assertEquals(List.of(), result.errors(), result.output());
        String privateScheme = "Warning - Unrecognized defined term <99ATTEST> for value 1 of attribute <Coding Scheme Designator>";
        List<String> expected = new ArrayList<>(List.of(
                "Warning - Missing attribute or value that would be needed to build DICOMDIR - Patient ID",
                "Warning - Missing attribute or value that would be needed to build DICOMDIR - Study ID"));
        // One for the Coding Scheme Identification item, one for every 99ATTEST code (30 here).
        for (long i = 0; i < privateCodes(reviewed.report()) + 1; i++) {
            expected.add(privateScheme);
        }
        expected.add("Warning - Unrecognized defined term <" + AttestCodes.SCHEME_UID + "> for value 1 of attribute <Coding Scheme UID>");
        assertEquals(34, expected.size());
        assertEquals(expected, result.warnings(), result.output());
    }

    @Test
    void dcmtkAcceptsEveryRelationshipOfTheContentTree(@TempDir Path dir) throws Exception {
        ExternalValidators.Run run = ExternalValidators.dsrdump(writeReport(dir));
        assertEquals(0, run.exitCode(), run.output());
        // DCMTK's VR checker knows no UTF-8; that warning is about the checker, not the file.
        List<String> complaints = run.lines().stream().filter(l -> l.startsWith("E:") || l.startsWith("F:")
                || l.startsWith("W:") && !l.equals("W: The VR checker does not support this Specific Character Set: ISO_IR 192")).toList();
        assertEquals(List.of(), complaints, run.output());
        assertEquals("Comprehensive 3D SR Document", run.lines().stream().filter(l -> l.endsWith("SR Document")).findFirst().orElse(""));
    }

    @Test
    void pydicomReadsTheGroupsMeasurementsAndVerdicts(@TempDir Path dir) throws Exception {
        ExternalValidators.Run py = ExternalValidators.pydicom("""
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                def named(items, value):
                    return [i for i in items if 'ConceptNameCodeSequence' in i and i.ConceptNameCodeSequence[0].CodeValue == value]
                print(ds.SOPClassUID, ds.ContentTemplateSequence[0].TemplateIdentifier, ds.CompletionFlag, ds.VerificationFlag)
                groups = named(named(ds.ContentSequence, '126010')[0].ContentSequence, '125007')
                liver = groups[1].ContentSequence
                print(len(groups), named(liver, '112039')[0].TextValue, named(liver, '121071')[0].ConceptCodeSequence[0].CodeMeaning)
                seg = named(liver, '121191')[0].ReferencedSOPSequence[0]
                print(seg.ReferencedSOPInstanceUID, seg.ReferencedSegmentNumber)
                volume = named(liver, '118565006')[0].MeasuredValueSequence[0]
                print(volume.NumericValue, volume.MeasurementUnitsCodeSequence[0].CodeValue)
                verdicts = named(liver, 'VERDICT')
                print([(v.ConceptCodeSequence[0].CodeValue, str(named(v.ContentSequence, '121008')[0].PersonName)) for v in verdicts])
                print(ds.CodingSchemeIdentificationSequence[0].CodingSchemeDesignator,
                      len(ds.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence))
                """, writeReport(dir).toString());
        assertEquals(0, py.exitCode(), py.output());
        assertEquals(List.of(
                "1.2.840.10008.5.1.4.1.1.88.34 1500 COMPLETE UNVERIFIED",
                "3 liver, claim 2 Liver",
                "2.25.3002 2",
                // 366708 voxels x 1.9073486328125 mm3 = 699.44000244140625 mL, in the 16 characters of a DS.
                "699.440002441406 ml",
                "[('CORRECT', 'Reviewer^R01'), ('CORRECT', 'Reviewer^R02')]",
                "99ATTEST 2"), py.lines());
    }

    @Test
    void aReportOnANiftiSegPassesDciodvfyAndDcmtk(@TempDir Path dir) throws Exception {
        MeasurementReportWriterTest.NiftiReport nifti = MeasurementReportWriterTest.NiftiReport.make();
        Path file = dir.resolve("nifti-report.dcm");
        DicomWriter.write(file, MeasurementReportWriter.write(nifti.report(), nifti.study(), nifti.evidence(), reviewed.settings()),
                TransferSyntax.EXPLICIT_VR_LE);
        ExternalValidators.Dciodvfy result = ExternalValidators.dciodvfy(file);
        assertEquals(List.of(), result.errors(), result.output());
        ExternalValidators.Run run = ExternalValidators.dsrdump(file);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of(), run.lines().stream().filter(l -> l.startsWith("E:") || l.startsWith("F:")).toList(), run.output());
    }
}
