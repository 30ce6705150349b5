package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeidBatchTest {

    private static DicomDataset slice(String patient, String sop, String burnedIn) {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SOPClassUID, Vr.UI, MarkerFixture.CT_CLASS);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, sop);
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, "1.2.3.9");
        ds.setString(Tag.PatientName, Vr.PN, patient + "^Test");
        ds.setString(Tag.PatientID, Vr.LO, patient);
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.BurnedInAnnotation, Vr.CS, burnedIn);
        MarkerFixture.image(ds, 16);
        return ds;
    }

    @Test
    void reportsAndSkipsEachBadFileAndWritesTheRest(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Path nested = in.resolve("DOE_JANE");
        Files.createDirectories(nested);
        DicomWriter.write(nested.resolve("a.dcm"), slice("PAT1", "1.2.3.1", "NO"), TransferSyntax.EXPLICIT_VR_LE);
        DicomWriter.write(nested.resolve("b.dcm"), slice("PAT2", "1.2.3.2", "NO"), TransferSyntax.IMPLICIT_VR_LE);
        DicomWriter.write(nested.resolve("c-burned.dcm"), slice("PAT1", "1.2.3.3", "YES"), TransferSyntax.EXPLICIT_VR_LE);
        byte[] good = Files.readAllBytes(nested.resolve("a.dcm"));
        Files.write(in.resolve("d-truncated.dcm"), Arrays.copyOf(good, 300));
        Files.copy(nested.resolve("a.dcm"), in.resolve("e-copy.dcm"));
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        DicomDataset dir0 = new DicomDataset().setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.1.3.10")
                .setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4");
        DicomWriter.write(in.resolve("DICOMDIR"), dir0, TransferSyntax.EXPLICIT_VR_LE);

        Deidentifier deid = new Deidentifier(DeidOptions.basic(), new UidMap(UidMapTest.SECRET));
        DeidReport report = new DeidReport(DeidOptions.basic(), false);
        DeidBatch.Result r = DeidBatch.run(in, dir.resolve("out"), deid,
                f -> DeidContext.of(f.dataset().getString(Tag.PatientID).equals("PAT1") ? "CASE-0001" : "CASE-0002",
                        UidMapTest.SECRET, f.dataset().getString(Tag.PatientID)), report);

        List<String> statuses = r.outcomes().stream()
                .map(o -> in.relativize(o.source()) + " " + o.status()).toList();
        assertEquals(List.of("DICOMDIR EXCLUDED", "DOE_JANE/a.dcm WRITTEN", "DOE_JANE/b.dcm WRITTEN",
                "DOE_JANE/c-burned.dcm REFUSED", "d-truncated.dcm FAILED", "e-copy.dcm FAILED", "notes.txt FAILED"), statuses);
        for (DeidBatch.Outcome o : r.outcomes()) {
            if (o.status() == DeidBatch.Status.REFUSED || o.status() == DeidBatch.Status.FAILED) {
                assertTrue(o.message().startsWith(o.source().toString() + ": "), "names its file: " + o.message());
            }
        }
        DeidBatch.Outcome a = r.outcomes().get(1);
        String newSop = deid.uidMap().remap("1.2.3.1");
        assertEquals(dir.resolve("out").resolve(deid.uidMap().remap("1.2.3.9")).resolve(newSop + ".dcm"), a.output());
        assertEquals("CASE-0001", DicomReader.read(a.output()).dataset().getString(Tag.PatientName));
        assertEquals("CASE-0002", DicomReader.read(r.outcomes().get(2).output()).dataset().getString(Tag.PatientName));
        try (var files = Files.walk(dir.resolve("out"))) {
            assertEquals(2, files.filter(Files::isRegularFile).count());
        }
        var tree = report.toTree();
        @SuppressWarnings("unchecked")
        var counts = (java.util.Map<String, Object>) tree.get("files");
        assertEquals(2, counts.get("deidentified"));
        assertEquals(1, counts.get("refused"));
        assertEquals(3, counts.get("failed"));
        assertEquals(java.util.Map.of("media storage directory (DICOMDIR)", 1), counts.get("excluded"));
    }
}
