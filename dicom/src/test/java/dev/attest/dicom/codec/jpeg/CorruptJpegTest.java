package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.FrameIndex;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.SampleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken codestreams: each must end in a {@link PixelDataException} naming the file, the frame
 * and what was wrong, quickly, never with another exception, a hang or an allocation the DICOM
 * header does not allow.
 */
class CorruptJpegTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    /** Decoding {@code jpeg} as {@code fixture}'s frame fails; returns the message. */
    private static String failure(String fixture, byte[] jpeg) throws DicomException {
        return failure(JpegFixtures.description(fixture), jpeg);
    }

    private static String failure(PixelDescription d, byte[] jpeg) {
        PixelDataException e = assertThrows(PixelDataException.class, () -> JpegFixtures.decodeWith("broken.dcm", d, jpeg));
        assertTrue(e.getMessage().startsWith("broken.dcm: JPEG frame 0: "), e.getMessage());
        return e.getMessage();
    }

    private static void assertMessage(String fixture, byte[] jpeg, String expected) throws DicomException {
        String message = failure(fixture, jpeg);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"baseline_422_restart_blocks.dcm", "progressive_422_restart.dcm", "sequential_three_scans.dcm",
            "progressive_grey_refine.dcm", "lossless_sv6.dcm", "lossless_rgb_restart.dcm", "lossless_420.dcm"})
    void everyTruncationBeforeTheEoiIsAnError(String fixture) throws DicomException {
        byte[] jpeg = JpegFixtures.codestream(fixture);
        // The data ends where the EOI and any fill bytes before it (B.1.1.2) start; fragments may be padded after.
        int eoi = lastMarker(jpeg, JpegMarkers.EOI);
        while ((jpeg[eoi - 1] & 0xFF) == 0xFF) {
            eoi--;
        }
        int end = eoi;
        PixelDescription d = JpegFixtures.description(fixture);
        assertTimeoutPreemptively(QUICKLY, () -> {
            for (int cut = 0; cut < end; cut++) {
                failure(d, Arrays.copyOf(jpeg, cut));
            }
        });
        // Only the EOI missing: sequential and lossless frames are complete without it.
        if (!fixture.startsWith("progressive")) {
            JpegFixtures.decodeWith(fixture, d, Arrays.copyOf(jpeg, eoi));
        } else {
            assertTrue(failure(d, Arrays.copyOf(jpeg, eoi)).contains("without an EOI marker (truncated)"));
        }
    }

    @Test
    void truncatedEntropyCodedDataSaysWhereItEnds() throws DicomException {
        byte[] jpeg = JpegFixtures.codestream("lossless_sv6.dcm");
        assertMessage("lossless_sv6.dcm", Arrays.copyOf(jpeg, jpeg.length - 100),
                "the entropy-coded data ends in line 13 of the scan (truncated or corrupt)");
    }

    @Test
    void restartMarkersMustComeInOrder() throws DicomException {
        String f = "baseline_422_restart_blocks.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int rst0 = markers(jpeg, 0xD0)[0];
        byte[] swapped = jpeg.clone();
        swapped[rst0 + 1] = (byte) 0xD5;
        assertMessage(f, swapped, "expected restart marker RST0 at byte " + rst0 + " but found RST5 (FFD5)");
        byte[] missing = jpeg.clone();
        missing[rst0 + 1] = (byte) JpegMarkers.EOI;
        assertMessage(f, missing, "expected restart marker RST0 at byte " + rst0 + " but found EOI (FFD9)");
    }

    @Test
    void anInvalidHuffmanCodeIsAnError() throws DicomException {
        // 16 one bits are no code in a table that, as encoders make them, leaves the all-ones code free.
        byte[] jpeg = JpegFixtures.codestream("lossless_sv6.dcm");
        int data = entropyStart(jpeg);
        byte[] ones = {(byte) 0xFF, 0, (byte) 0xFF, 0, (byte) 0xFF, 0};
        System.arraycopy(ones, 0, jpeg, data, ones.length);
        assertMessage("lossless_sv6.dcm", jpeg, "invalid Huffman code 1111111111111111");

        byte[] dct = JpegFixtures.codestream("baseline_grey_restart_blocks.dcm");
        System.arraycopy(ones, 0, dct, entropyStart(dct), ones.length);
        assertMessage("baseline_grey_restart_blocks.dcm", dct, "invalid Huffman code 1111111111111111");
    }

    @Test
    void segmentLengthsThatDoNotFitAreErrors() throws DicomException {
        String f = "baseline_grey_restart_blocks.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int dqt = JpegFixtures.find(jpeg, JpegMarkers.DQT);
        assertMessage(f, withLength(jpeg, dqt, 0xFFFF), "DQT (FFDB) at byte " + dqt + " declares a 65535-byte segment but");
        assertMessage(f, withLength(jpeg, dqt, 1), "declares a 1-byte segment");
        assertMessage(f, withLength(jpeg, dqt, 20), "DQT segment ends inside table 0");
        int sof = JpegFixtures.find(jpeg, JpegMarkers.SOF0);
        assertMessage(f, withLength(jpeg, sof, 12), "SOF0 (FFC0) segment has 10 bytes where 9 are expected");
        int dht = JpegFixtures.find(jpeg, JpegMarkers.DHT);
        assertMessage(f, withLength(jpeg, dht, 19), "DHT table 0 declares");
        int dri = JpegFixtures.find(jpeg, JpegMarkers.DRI);
        assertMessage(f, withLength(jpeg, dri, 5), "DRI (FFDD) segment has 3 bytes where 2 are expected");
        int sos = JpegFixtures.find(jpeg, JpegMarkers.SOS);
        assertMessage(f, withLength(jpeg, sos, 10), "SOS segment of 8 bytes for 1 component(s) is malformed");
    }

    @Test
    void aFrameHeaderThatDisagreesWithTheDicomHeaderIsRefusedBeforeAllocating() throws DicomException {
        String f = "baseline_grey_restart_blocks.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int sof = JpegFixtures.find(jpeg, JpegMarkers.SOF0);
        byte[] wide = jpeg.clone();
        wide[sof + 8] = (byte) 0xFF; // X = 0x00FF: 255 columns
        wide[sof + 7] = (byte) 0xFF; // 65535 columns
        assertMessage(f, wide, "the frame header says 65535 × 17 but the DICOM header says 23 columns × 17 rows");

        PixelDescription grey = JpegFixtures.description(f);
        PixelDescription threeSamples = new PixelDescription(17, 23, 3, 8, 8, 7, 0, 0, "RGB", 1, SampleKind.INTEGER);
        assertTrue(failure(threeSamples, jpeg).contains("the frame header has 1 component(s) but Samples per Pixel is 3"));
        byte[] sixteenBit = JpegFixtures.codestream("lossless_sv6.dcm");
        PixelDescription eightBit = new PixelDescription(17, 23, 1, 8, 8, 7, 0, 0, "MONOCHROME2", 1, SampleKind.INTEGER);
        assertTrue(failure(eightBit, sixteenBit).contains("16-bit JPEG samples do not fit Bits Allocated 8"));

        // A header and frame header that agree on 2000 × 2000, with 1 kB of data: nothing is allocated for it.
        PixelDescription large = new PixelDescription(2000, 2000, 1, 8, 8, 7, 0, 0, "MONOCHROME2", 1, SampleKind.INTEGER);
        byte[] big = jpeg.clone();
        big[sof + 5] = (byte) (2000 >> 8);
        big[sof + 6] = (byte) 2000;
        big[sof + 7] = (byte) (2000 >> 8);
        big[sof + 8] = (byte) 2000;
        assertTrue(failure(large, big).contains("bytes of JPEG data cannot hold the 4000000 bytes"));
    }

    @Test
    void pixelDecoderRefusesAHugeImageFromAFewBytes() {
        DicomDataset ds = new DicomDataset();
        ds.setInts(Tag.Rows, Vr.US, 40000);
        ds.setInts(Tag.Columns, Vr.US, 40000);
        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setInts(Tag.BitsAllocated, Vr.US, 16);
        ds.setInts(Tag.BitsStored, Vr.US, 16);
        ds.setInts(Tag.HighBit, Vr.US, 15);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        byte[] frame = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC3, 0, 11, 16, (byte) 0x9C, 0x40, (byte) 0x9C, 0x40, 1, 1, 0x11, 0};
        ds.put(new DicomElement.Encapsulated(Tag.PixelData, Vr.OB, ByteBuffer.allocate(0),
                List.of(ByteBuffer.wrap(frame)), new long[] {0}));
        DicomFile file = new DicomFile("huge.dcm", true, new DicomDataset(), ds,
                TransferSyntax.of("1.2.840.10008.1.2.4.70"), List.of(), null);
        PixelDataException e = assertThrows(PixelDataException.class, () -> PixelDecoder.open(file).decodeFrame(0));
        assertTrue(e.getMessage().contains("cannot expand to the 3200000000 bytes"), e.getMessage());
    }

    @Test
    void missingOrMisplacedSegmentsAreErrors() throws DicomException {
        String f = "baseline_grey_restart_blocks.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        assertMessage(f, Arrays.copyOfRange(jpeg, 2, jpeg.length), "does not start with an SOI marker");
        assertMessage(f, DctJpegTest.withoutSegment(jpeg, JpegMarkers.DQT), "uses quantization table 0, which is not defined");
        byte[] noTables = DctJpegTest.withoutSegment(DctJpegTest.withoutSegment(jpeg, JpegMarkers.DHT), JpegMarkers.DHT);
        assertMessage(f, noTables, "selects DC Huffman table 0 for component 1, which is not defined");
        assertMessage(f, DctJpegTest.withoutSegment(jpeg, JpegMarkers.SOF0), "a scan (SOS) before the frame header");
        byte[] hierarchical = jpeg.clone();
        hierarchical[JpegFixtures.find(jpeg, JpegMarkers.SOF0) + 1] = (byte) 0xC5;
        assertMessage(f, hierarchical, "hierarchical JPEG (SOF5 (FFC5)) is not supported");
        byte[] jpegLs = jpeg.clone();
        jpegLs[JpegFixtures.find(jpeg, JpegMarkers.SOF0) + 1] = (byte) 0xF7;
        assertMessage(f, jpegLs, "the codestream is JPEG-LS (SOF55 (FFF7)), not JPEG (ITU-T T.81)");
        byte[] headerOnly = Arrays.copyOf(jpeg, JpegFixtures.find(jpeg, JpegMarkers.SOS));
        assertMessage(f, headerOnly, "the codestream has no scan (SOS marker)");
        assertMessage(f, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, "no frame header (SOF marker)");
    }

    @Test
    void aComponentThatNoScanCodesIsAnError() throws DicomException {
        String f = "sequential_three_scans.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int third = lastMarker(jpeg, JpegMarkers.SOS);
        byte[] twoScans = Arrays.copyOf(jpeg, third + 2);
        twoScans[third + 1] = (byte) JpegMarkers.EOI;
        assertMessage(f, twoScans, "component 3 is in the frame header but in no scan");
    }

    @Test
    void badProgressiveParametersAreErrors() throws DicomException {
        String f = "progressive_grey_refine.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int sos = JpegFixtures.find(jpeg, JpegMarkers.SOS);
        byte[] badAl = jpeg.clone();
        badAl[sos + 9] = 14; // Ah = 0, Al = 14
        assertMessage(f, badAl, "progressive scan 1 has Ss=0 Se=0 Ah=0 Al=14");
        byte[] badBand = jpeg.clone();
        badBand[sos + 8] = 5; // a DC scan (Ss = 0) that claims AC coefficients
        assertMessage(f, badBand, "a DC scan must have Se = 0");
    }

    @Test
    void endlessScansAreCutShort() throws DicomException {
        // The DC refinement scan of the fixture repeated until there are more than 1000 scans.
        String f = "progressive_grey_refine.dcm";
        byte[] jpeg = JpegFixtures.codestream(f);
        int[] scans = markers(jpeg, JpegMarkers.SOS);
        byte[] refinement = Arrays.copyOfRange(jpeg, scans[4], scans[5]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, scans[4]);
        for (int i = 0; i < 1001; i++) {
            out.write(refinement, 0, refinement.length);
        }
        out.write(jpeg, scans[4], jpeg.length - scans[4]);
        assertTimeoutPreemptively(QUICKLY, () -> assertMessage(f, out.toByteArray(), "more than 1000 scans"));
    }

    @Test
    void theJpegLsCodestreamOfARealFileIsNotTakenForJpeg() throws IOException {
        DicomFile ls = DicomReader.read(TestData.codecs("cornerstone3d/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm"));
        ByteBuffer frame = FrameIndex.of(ls, 1).frame(0);
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        assertTrue(failure(PixelDescription.of(ls), bytes).contains("JPEG-LS"));
    }

    /** Random damage to real codestreams: values or a typed error, every time, quickly. */
    @Test
    void everyMutantDecodesOrFailsWithATypedError() throws DicomException {
        String[] fixtures = {"baseline_420_restart_lines.dcm", "progressive_422_restart.dcm", "progressive_grey_refine.dcm",
                "lossless_sv4.dcm", "lossless_420.dcm", "lossless_4components_pt1.dcm", "sequential_three_scans.dcm"};
        // Longer runs: -Dattest.jpeg.fuzz.rounds=20000 (and -Dattest.jpeg.fuzz.seed=...).
        int rounds = Integer.getInteger("attest.jpeg.fuzz.rounds", 400);
        Random random = new Random(Long.getLong("attest.jpeg.fuzz.seed", 20241123L));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(QUICKLY.multipliedBy(Math.max(1, rounds / 400)), () -> {
            for (String f : fixtures) {
                byte[] original = JpegFixtures.codestream(f);
                PixelDescription d = JpegFixtures.description(f);
                for (int round = 0; round < rounds; round++) {
                    byte[] mutant = mutate(original, random);
                    try {
                        JpegFixtures.decodeWith("mutant.dcm", d, mutant);
                        outcomes[0]++;
                    } catch (PixelDataException expected) {
                        assertTrue(expected.getMessage().startsWith("mutant.dcm: JPEG frame 0: "), expected.getMessage());
                        outcomes[1]++;
                    } catch (RuntimeException e) {
                        fail(f + " round " + round + ": " + e, e);
                    }
                }
            }
        });
        System.out.printf("mutated JPEG codestreams: %d decoded, %d refused with a typed error%n", outcomes[0], outcomes[1]);
        assertTrue(outcomes[1] > 0 && outcomes[0] > 0);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // a few random bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8)); // one bit
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncated
            case 3 -> { // a stray marker
                int at = random.nextInt(b.length - 1);
                b[at] = (byte) 0xFF;
                b[at + 1] = (byte) (0xC0 + random.nextInt(64));
            }
            default -> { // a header byte (lengths, sizes, selectors, tables)
                int sos = JpegFixtures.find(b, JpegMarkers.SOS);
                b[2 + random.nextInt(Math.max(1, sos - 2))] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    private static byte[] withLength(byte[] jpeg, int marker, int length) {
        byte[] b = jpeg.clone();
        b[marker + 2] = (byte) (length >> 8);
        b[marker + 3] = (byte) length;
        return b;
    }

    /** The first byte of entropy-coded data: just after the first SOS segment. */
    private static int entropyStart(byte[] jpeg) {
        int sos = JpegFixtures.find(jpeg, JpegMarkers.SOS);
        return sos + 2 + (((jpeg[sos + 2] & 0xFF) << 8) | (jpeg[sos + 3] & 0xFF));
    }

    private static int[] markers(byte[] jpeg, int code) {
        return java.util.stream.IntStream.range(0, jpeg.length - 1)
                .filter(i -> (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code).toArray();
    }

    private static int lastMarker(byte[] jpeg, int code) {
        int[] all = markers(jpeg, code);
        return all[all.length - 1];
    }
}
