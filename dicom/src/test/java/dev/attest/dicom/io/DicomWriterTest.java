package dev.attest.dicom.io;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomWriterTest {

    static Stream<String> corpus() throws Exception {
        List<String> names = List.of("dicom-codecs", "seg-sr");
        return names.stream().flatMap(dir -> {
            try {
                return Files.walk(TestData.path(dir)).filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().matches(".*\\.(md|json|gz|nii)$"))
                        .filter(p -> !p.toString().contains("no_meta"))
                        .map(p -> TestData.root().relativize(p).toString()).sorted().toList().stream();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTripsEveryCorpusFileThroughOurWriter(String relative) throws Exception {
        DicomFile original = DicomReader.read(TestData.path(relative));
        List<TransferSyntax> targets = original.transferSyntax().encapsulated()
                ? List.of(original.transferSyntax())
                : List.of(TransferSyntax.EXPLICIT_VR_LE, TransferSyntax.DEFLATED_EXPLICIT_VR_LE, TransferSyntax.IMPLICIT_VR_LE);
        for (TransferSyntax ts : targets) {
            byte[] written = DicomWriter.toBytes(original.dataset(), ts);
            DicomFile back = DicomReader.read(relative + " as " + ts.uid(), written);
            assertEquals(ts.uid(), back.transferSyntax().uid());
            assertEquals(DicomWriter.IMPLEMENTATION_CLASS_UID, back.fileMeta().getString(Tag.ImplementationClassUID));
            assertSameContent(original.dataset(), back.dataset(), relative + " via " + ts.uid());
        }
    }

    static void assertSameContent(DicomDataset expected, DicomDataset actual, String where) {
        for (DicomElement e : expected.elements()) {
            int tag = e.tag();
            if (Tag.element(tag) == 0) {
                continue; // group lengths are deliberately not written
            }
            String at = where + " " + Tag.toString(tag);
            DicomElement a = actual.get(tag);
            switch (e) {
                case DicomElement.Value v -> {
                    if (a != null && a.vr() != v.vr()) {
                        // Implicit VR cannot carry private VRs (they read back as UN) nor pick OB/OW: same bytes, other VR.
                        assertArrayEquals(DicomWriter.swapIfNeeded(v.vr(), v.bytes(), expected.bigEndian()),
                                java.util.Arrays.copyOf(actual.getBytes(tag), v.bytes().length), at);
                    } else if (DicomDataset.effectiveVr(v).valueSize() == 0 && !DicomDataset.effectiveVr(v).isString()) {
                        assertArrayEquals(DicomWriter.swapIfNeeded(v.vr(), v.bytes(), expected.bigEndian()),
                                java.util.Arrays.copyOf(actual.getBytes(tag), v.bytes().length), at);
                    } else if (DicomDataset.effectiveVr(v).isString()) {
                        assertEquals(expected.getString(tag), actual.getString(tag), at);
                    } else {
                        assertArrayEquals(expected.getStrings(tag), actual.getStrings(tag), at);
                    }
                }
                case DicomElement.Sequence s -> {
                    List<DicomDataset> items = actual.getSequence(tag);
                    assertEquals(s.items().size(), items.size(), at);
                    for (int i = 0; i < items.size(); i++) {
                        assertSameContent(s.items().get(i), items.get(i), at + "[" + i + "]");
                    }
                }
                case DicomElement.Bulk b -> {
                    byte[] exp = DicomWriter.swapIfNeeded(b.vr(), bytes(b.data()), expected.bigEndian());
                    byte[] got = a instanceof DicomElement.Bulk ab ? bytes(ab.data()) : actual.getBytes(tag);
                    assertArrayEquals(exp, java.util.Arrays.copyOf(got, exp.length), at);
                }
                case DicomElement.Encapsulated enc -> {
                    DicomElement.Encapsulated got = assertInstanceOf(DicomElement.Encapsulated.class, a, at);
                    assertEquals(enc.fragments().size(), got.fragments().size(), at);
                    for (int i = 0; i < enc.fragments().size(); i++) {
                        byte[] exp = bytes(enc.fragments().get(i));
                        assertArrayEquals(exp, java.util.Arrays.copyOf(bytes(got.fragments().get(i)), exp.length), at);
                    }
                }
            }
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void writesAtomicallyAndPadsOddValues(@TempDir Path dir) throws Exception {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.3");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4");
        ds.setString(Tag.PatientName, Vr.PN, "Odd^Name");
        ds.setString(Tag.PatientID, Vr.LO, "abc");
        Path out = dir.resolve("x.dcm");
        DicomWriter.write(out, ds, TransferSyntax.EXPLICIT_VR_LE);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
        DicomFile back = DicomReader.read(out);
        assertEquals(4, back.dataset().getBytes(Tag.PatientID).length);
        assertEquals("abc", back.dataset().getString(Tag.PatientID));
        assertEquals("1.2.3.4", back.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(0, back.dataset().getBytes(Tag.SOPInstanceUID)[7]);
        assertTrue(back.hasPreamble());
    }

    @Test
    void refusesNativePixelDataUnderACompressedSyntax() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("pydicom/MR_small.dcm"));
        assertThrows(IllegalArgumentException.class, () -> DicomWriter.toBytes(f.dataset(), TransferSyntax.RLE_LOSSLESS));
    }
}
