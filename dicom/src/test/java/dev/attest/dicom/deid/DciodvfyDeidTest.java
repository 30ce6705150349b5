package dev.attest.dicom.deid;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * De-identified real files pass David Clunie's IOD validator (dicom3tools dciodvfy) with no error
 * the original did not already have. Skipped when dciodvfy is not installed, unless
 * ATTEST_REQUIRE_VALIDATORS=1 (CI), where its absence fails the test.
 */
class DciodvfyDeidTest {
    private static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");

    @BeforeAll
    static void validatorPresent() {
        boolean present = Files.isExecutable(DCIODVFY);
        if ("1".equals(System.getenv("ATTEST_REQUIRE_VALIDATORS"))) {
            assertTrue(present, DCIODVFY + " is required (ATTEST_REQUIRE_VALIDATORS=1): apt-get install dicom3tools");
        }
        assumeTrue(present, "dciodvfy not installed");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "series-ct/dcm_qa_ct_philips_S21570_S2010/I10, basic",
            "series-ct/dcm_qa_ct_philips_S21570_S2010/I10, all",
            "seg-sr/dcmqi_ct-3slice/01.dcm, basic",
            "seg-sr/dcmqi_ct-3slice/01.dcm, all",
            "seg-sr/highdicom_ct_image.dcm, basic",
            "seg-sr/dcmqi_liver_seg.dcm, basic",
            "seg-sr/highdicom_sr_document.dcm, basic",
            "seg-sr/highdicom_sr_document.dcm, all",
            "seg-sr/dcmqi_sr-example/sr.dcm, basic",
            "series-ct/totalsegmentator_example_ct_dicom/CT.1.3.12.2.1107.5.1.4.60064.30000022120808113428000016573, basic"})
    void deidentifiedFileHasNoIodErrorTheOriginalLacked(String file, String options, @TempDir Path dir) throws Exception {
        Path original = TestData.path(file);
        DicomFile in = DicomReader.read(original);
        DeidOptions chosen = options.equals("all") ? DeidOptions.of(DeidOption.values()) : DeidOptions.basic();
        Deidentifier deid = new Deidentifier(chosen, new UidMap(UidMapTest.SECRET));
        DeidResult.Deidentified d = (DeidResult.Deidentified) deid.deidentify(in,
                DeidContext.of("CASE-0001", UidMapTest.SECRET, in.dataset().getString(Tag.PatientID)));
        Path out = dir.resolve("out.dcm");
        DicomWriter.write(out, d.dataset(), d.transferSyntax());

        List<String> before = dciodvfy(original);
        if (before.stream().anyMatch(l -> l.contains("Information Object Not found"))) {
            // The TotalSegmentator slices leave SOP Class UID empty, so dciodvfy cannot tell which IOD to check;
            // the baseline is then the original with the class the file meta states, as de-identification fills it.
            in.dataset().setString(Tag.SOPClassUID, dev.attest.dicom.Vr.UI, in.sopClassUid());
            Path baseline = dir.resolve("baseline.dcm");
            DicomWriter.write(baseline, in.dataset(), in.transferSyntax());
            before = dciodvfy(baseline);
        }
        List<String> after = dciodvfy(out);
        assertTrue(before.stream().noneMatch(l -> l.contains("Information Object Not found")), "the original must be checkable");
        Set<String> newErrors = errors(after);
        newErrors.removeAll(errors(before));
        assertEquals(Set.of(), newErrors, "errors the de-identified file has and the original had not");
        assertTrue(after.stream().anyMatch(l -> l.matches("^[A-Za-z0-9]+$")), "dciodvfy named the IOD it checked: " + after);
    }

    private static Set<String> errors(List<String> lines) {
        return new TreeSet<>(lines.stream().filter(l -> l.startsWith("Error")).toList());
    }

    private static List<String> dciodvfy(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(DCIODVFY.toString(), file.toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dciodvfy did not finish");
        return new String(output, StandardCharsets.ISO_8859_1).lines().toList();
    }
}
