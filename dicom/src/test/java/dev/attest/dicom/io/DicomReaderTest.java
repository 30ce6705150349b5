package dev.attest.dicom.io;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.DicomParseException;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomReaderTest {
    private static final String CT = "cornerstone3d/CTImage.dcm";

    @Test
    void readsEveryDicomFileInTheSharedDataExceptTheOneWithAStrayLeadingByte() throws Exception {
        List<String> failures = new ArrayList<>();
        int read = 0;
        try (Stream<Path> walk = Files.walk(TestData.root())) {
            for (Path p : walk.filter(Files::isRegularFile).filter(DicomReaderTest::isDicomName).toList()) {
                try {
                    DicomReader.read(p);
                    read++;
                } catch (DicomException e) {
                    failures.add(TestData.root().relativize(p).toString());
                }
            }
        }
        assertEquals(List.of("dicom-codecs/pydicom/no_meta.dcm"), failures);
        assertTrue(read > 400, "read " + read + " files");
    }

    private static boolean isDicomName(Path p) {
        String n = p.getFileName().toString();
        return !(n.endsWith(".md") || n.endsWith(".json") || n.endsWith(".gz") || n.endsWith(".nii")
                || n.endsWith(".bin") || n.endsWith(".onnx") || n.endsWith(".txt") || n.endsWith(".py"))
                && !p.toString().contains("/models/");
    }

    @Test
    void noMetaFileWithStrayByteGivesTypedErrorNamingFileOffsetAndTag() {
        Path p = TestData.codecs("pydicom/no_meta.dcm");
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read(p));
        assertEquals(0, e.offset());
        assertEquals(0x08200500, e.tag());
        assertTrue(e.getMessage().startsWith(p.toString() + ": at byte offset 0, tag (0820,0500): value length 173228800 exceeds"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cornerstone3d/CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm",
            "cornerstone3d/CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm",
            "cornerstone3d/CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm"})
    void everyEncodingOfTheSameSliceDecodesToTheSameValues(String variant) throws Exception {
        DicomFile reference = DicomReader.read(TestData.codecs(CT));
        DicomFile other = DicomReader.read(TestData.codecs(variant));
        assertEquals(TransferSyntax.IMPLICIT_VR_LE, reference.transferSyntax());
        for (DicomElement e : reference.dataset().elements()) {
            if (e instanceof DicomElement.Value && Tag.element(e.tag()) != 0) { // group lengths differ by encoding
                assertArrayEquals(reference.dataset().getStrings(e.tag()), other.dataset().getStrings(e.tag()),
                        "element " + Tag.toString(e.tag()) + " of " + variant);
            }
        }
        assertEquals(512, other.dataset().getInt(Tag.Rows, 0));
        assertEquals(-1024.0, other.dataset().getDouble(Tag.RescaleIntercept, 0));
        DicomElement.Bulk px = assertInstanceOf(DicomElement.Bulk.class, other.pixelData().orElseThrow());
        assertEquals(512 * 512 * 2, px.data().remaining());
    }

    @Test
    void readsExactHeaderValuesOfTheImplicitVrCtSlice() throws Exception {
        DicomDataset ds = DicomReader.read(TestData.codecs(CT)).dataset();
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tag.ImageType));
        assertEquals("CT", ds.getString(Tag.Modality));
        assertArrayEquals(new double[] {0.675781, 0.675781}, ds.getDoubles(Tag.PixelSpacing), 1e-9);
        assertEquals(16, ds.getInt(Tag.BitsAllocated, 0));
        assertEquals(1, ds.getInt(Tag.PixelRepresentation, -1));
    }

    @Test
    void fileMetaWithoutTransferSyntaxIsSniffedAndSaidSo() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("pydicom/meta_missing_tsyntax.dcm"));
        assertTrue(f.hasPreamble());
        assertEquals(TransferSyntax.IMPLICIT_VR_LE, f.transferSyntax());
        assertEquals(List.of("no Transfer Syntax UID in the file meta; the data set looks like Implicit VR Little Endian"),
                f.warnings());
    }

    @Test
    void bareDataSetWithoutPreambleOrMetaIsSniffed() throws Exception {
        // Strip the preamble and meta from a real explicit-LE file: what remains is a bare data set.
        DicomFile full = DicomReader.read(TestData.codecs("pydicom/CT_small.dcm"));
        byte[] bytes = Files.readAllBytes(TestData.codecs("pydicom/CT_small.dcm"));
        int metaEnd = 132 + 12 + (int) full.fileMeta().getDouble(Tag.FileMetaInformationGroupLength, 0);
        byte[] bare = Arrays.copyOfRange(bytes, metaEnd, bytes.length);
        DicomFile f = DicomReader.read("bare", bare);
        assertFalse(f.hasPreamble());
        assertEquals(TransferSyntax.EXPLICIT_VR_LE, f.transferSyntax());
        assertEquals(full.dataset().getString(Tag.PatientName), f.dataset().getString(Tag.PatientName));
        assertEquals("CompressedSamples^CT1", f.dataset().getString(Tag.PatientName));
    }

    @Test
    void unknownVrWithUndefinedLengthIsReadAsImplicitSequence() throws Exception {
        DicomDataset ds = DicomReader.read(TestData.codecs("pydicom/UN_sequence.dcm")).dataset();
        List<DicomDataset> outer = ds.getSequence(0x4453100C);
        assertEquals(1, outer.size());
        DicomDataset series = outer.get(0).getSequence(0x00081115).get(0);
        assertEquals("1.2.840.113619.2.327.3.185221411.476.1398588726.276", series.getString(Tag.SeriesInstanceUID));
        DicomDataset sop = series.getSequence(0x00081199).get(0);
        assertEquals("1.2.840.113619.2.327.3.185221411.476.1398588726.278.80", sop.getString(0x00081155));
    }

    @Test
    void privateSequencesInImplicitVrAreParsed() throws Exception {
        DicomDataset nested = DicomReader.read(TestData.codecs("pydicom/nested_priv_SQ.dcm")).dataset();
        List<DicomDataset> outer = nested.getSequence(0x00010001);
        assertEquals(1, outer.size());
        DicomDataset inner = outer.get(0).getSequence(0x00010001).get(0);
        assertEquals("Double Nested SQ", inner.getString(0x00010001));
        assertEquals("Nested SQ", outer.get(0).getString(0x00010002));

        DicomDataset priv = DicomReader.read(TestData.codecs("pydicom/priv_SQ.dcm")).dataset();
        assertEquals("aaabbbccc MEDICAL SYSTEMS", priv.getString(0x3F030010));
        assertEquals(1, priv.getSequence(0x3F031001).size());
    }

    @Test
    void privateTagsAreFoundByCreatorEvenWhenAPacsRenumberedTheBlock() throws Exception {
        DicomFile siemens = DicomReader.read(TestData.codecs("dcm_qa_agfa/Siemens_011-0001.img"));
        DicomFile agfa = DicomReader.read(TestData.codecs("dcm_qa_agfa/Agfa_011-0001.img"));
        DicomDataset sharedSiemens = siemens.dataset().getItem(Tag.SharedFunctionalGroupsSequence).orElseThrow();
        int sds = sharedSiemens.privateTag("SIEMENS MR SDS 01", 0x0021, 0xFE).orElse(-1);
        assertEquals(0x002110FE, sds);
        DicomDataset sdsItem = sharedSiemens.getSequence(sds).get(0);
        assertEquals(80, sdsItem.getInt(sdsItem.privateTag("SIEMENS MR SDS 01", 0x0021, 0x01).orElseThrow(), 0));
        // The Agfa PACS renumbered the SDI block from (0021,11xx) to (0021,10xx): look-up by creator finds both.
        DicomDataset frameSiemens = siemens.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
        DicomDataset frameAgfa = agfa.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(0);
        DicomDataset sdiSiemens = itemWithCreator(frameSiemens, "SIEMENS MR SDI 02");
        DicomDataset sdiAgfa = itemWithCreator(frameAgfa, "SIEMENS MR SDI 02");
        int tagSiemens = sdiSiemens.privateTag("SIEMENS MR SDI 02", 0x0021, 0x77).orElseThrow();
        int tagAgfa = sdiAgfa.privateTag("SIEMENS MR SDI 02", 0x0021, 0x77).orElseThrow();
        assertEquals(0x00211177, tagSiemens);
        assertEquals(0x00211077, tagAgfa);
        assertEquals("*epfid2d1_64", sdiSiemens.getString(tagSiemens));
        assertEquals("*epfid2d1_64", sdiAgfa.getString(tagAgfa));
    }

    private static DicomDataset itemWithCreator(DicomDataset ds, String creator) {
        var tag = ds.privateTag(creator, 0x0021, 0x77);
        if (tag.isPresent() && ds.contains(tag.getAsInt())) {
            return ds;
        }
        for (DicomElement e : ds.elements()) {
            if (e instanceof DicomElement.Sequence seq) {
                for (DicomDataset item : seq.items()) {
                    DicomDataset found = itemWithCreator(item, creator);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void elementsStoredAsUnknownAreDecodedWithTheDictionaryVr() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("pydicom-data/explicit_VR-UN.dcm"));
        DicomDataset ds = f.dataset();
        assertEquals(Vr.UN, ds.get(Tag.ImageType).vr());
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tag.ImageType));
        assertEquals("20151124", ds.getString(Tag.StudyDate));
        assertEquals(512, ds.getInt(Tag.Rows, 0));
        assertEquals(16, ds.getInt(Tag.BitsAllocated, 0));
        assertEquals("MONOCHROME2", ds.getString(Tag.PhotometricInterpretation));
    }

    @Test
    void truncatedPixelDataIsKeptAndFlagged() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("pydicom/MR_truncated.dcm"));
        DicomElement.Bulk px = assertInstanceOf(DicomElement.Bulk.class, f.pixelData().orElseThrow());
        assertTrue(px.truncated());
        assertEquals(8130, px.data().remaining());
        assertEquals(8192, px.declaredLength());
    }

    @Test
    void everyTruncationOfARealFileEndsInATypedErrorOrAPartialRead() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.codecs("pydicom/MR_small.dcm"));
        int header = 0;
        for (int cut = 0; cut < bytes.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            try {
                DicomFile f = DicomReader.read("cut" + cut, truncated);
                header++;
                assertTrue(f.dataset().size() <= 73);
            } catch (DicomException e) {
                assertTrue(e.getMessage().startsWith("cut" + cut + ": "), e.getMessage());
            }
            DicomFile lenient = DicomReader.read("cut" + cut, ByteBuffer.wrap(truncated), DicomReader.Options.LENIENT);
            assertTrue(lenient.dataset().size() <= 73);
        }
        assertTrue(header > 0);
    }

    @Test
    void lengthLargerThanTheFileIsRefusedBeforeAnyAllocation() throws Exception {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.PatientName, Vr.PN, "Test^Patient");
        byte[] bytes = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE);
        int at = bytes.length - 12 - 2; // the PN element's 2-byte length field (after meta and tag+VR)
        bytes[bytes.length - 12 - 2 + 0] = (byte) 0xFF;
        bytes[at + 1] = (byte) 0x7F;
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.read("liar", bytes));
        assertEquals(Tag.PatientName, e.tag());
        assertTrue(e.getMessage().contains("value length 32767 exceeds the 12 bytes left"), e.getMessage());
        assertEquals(0, e.partial().dataset().size());
    }

    @Test
    void specificCharacterSetDecodesLatin1Utf8AndCyrillic() throws Exception {
        String[][] cases = {
                {"ISO_IR 100", "Buc^Jérôme", "ISO-8859-1"},
                {"ISO_IR 192", "Wang^XiaoDong=王^小東", "UTF-8"},
                {"ISO_IR 144", "Люкceмбypг", "ISO-8859-5"},
                {"ISO_IR 126", "Διονυσιος", "ISO-8859-7"},
        };
        for (String[] c : cases) {
            DicomDataset ds = new DicomDataset();
            ds.setString(Tag.SpecificCharacterSet, Vr.CS, c[0]);
            ds.setBytes(Tag.PatientName, Vr.PN, c[1].getBytes(c[2]));
            ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.3");
            DicomFile f = DicomReader.read(c[0], DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE));
            assertEquals(c[1], f.dataset().getString(Tag.PatientName), c[0]);
        }
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataSet() throws Exception {
        DicomDataset item = new DicomDataset();
        item.setBytes(Tag.PatientName, Vr.PN, "Müller".getBytes("ISO-8859-1"));
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setSequence(0x00081120, List.of(item));
        DicomFile f = DicomReader.read("nested", DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE));
        assertEquals("Müller", f.dataset().getSequence(0x00081120).get(0).getString(Tag.PatientName));
    }

    @Test
    void encapsulatedPixelDataIsIndexedPerFragmentWithoutReadingIt() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm"));
        DicomElement.Encapsulated enc = assertInstanceOf(DicomElement.Encapsulated.class, f.pixelData().orElseThrow());
        assertEquals(0, enc.basicOffsetTable().remaining());
        assertTrue(enc.fragments().size() > 2, "fragments: " + enc.fragments().size());
        assertEquals(0, enc.fragmentPositions()[0]);
        DicomFile bot = DicomReader.read(TestData.codecs("dicomparser/CT0012.not_fragmented_bot_jpeg_ls.80.dcm"));
        DicomElement.Encapsulated withBot = assertInstanceOf(DicomElement.Encapsulated.class, bot.pixelData().orElseThrow());
        assertEquals(8, withBot.basicOffsetTable().remaining());
        assertEquals(2, withBot.fragments().size());
        assertEquals(withBot.basicOffsetTable().order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4), withBot.fragmentPositions()[1]);
    }

    @Test
    void trailingPaddingElementIsRead() throws Exception {
        DicomFile f = DicomReader.read(TestData.codecs("pydicom/MR_small_padded.dcm"));
        assertEquals(126, f.dataset().getBytes(0xFFFCFFFC).length);
        assertTrue(f.warnings().isEmpty());
    }
}
