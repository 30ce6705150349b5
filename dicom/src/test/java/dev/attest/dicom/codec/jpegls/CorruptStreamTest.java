package dev.attest.dicom.codec.jpegls;

import dev.attest.dicom.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken codestreams end in a {@link JpegLsException} that says what is wrong, quickly: never a
 * hang, never an index exception, never an allocation sized from a corrupt header.
 */
class CorruptStreamTest {
    private static final String CT =
            "dicom-codecs/cornerstone3d/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm";

    /** The single-fragment codestream of the cornerstone3d CT, from its SOI to its EOI. */
    static byte[] ctStream() throws IOException {
        byte[] file = Files.readAllBytes(TestData.path(CT));
        int soi = Codestreams.find(file, 0xD8, 0);
        int eoi = file.length - 1;
        while (!(file[eoi - 1] == (byte) 0xFF && file[eoi] == (byte) 0xD9)) {
            eoi--;
        }
        return Arrays.copyOfRange(file, soi, eoi + 1);
    }

    private static DecodedImage decodeCt(byte[] stream) throws JpegLsException {
        return DecodedImage.decode(stream, 512, 512, 1);
    }

    @Test
    void reportsATruncatedStreamWhereverItIsCut() throws IOException {
        byte[] stream = ctStream();
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cuts.add(i);
        }
        for (int i = 60; i < stream.length - 2; i += 2731) {
            cuts.add(i);
        }
        cuts.add(stream.length - 3);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int cut : cuts) {
                byte[] truncated = Arrays.copyOf(stream, cut);
                JpegLsException e = assertThrows(JpegLsException.class, () -> decodeCt(truncated), "cut at " + cut);
                assertTrue(e.kind() == JpegLsException.Kind.TRUNCATED || e.kind() == JpegLsException.Kind.MALFORMED,
                        "cut at " + cut + ": " + e.describe());
                if (cut > 100) {
                    assertEquals(JpegLsException.Kind.TRUNCATED, e.kind(), "cut at " + cut + ": " + e.describe());
                    assertTrue(e.getMessage().startsWith("the scan data ends before line "), e.getMessage());
                }
            }
        });
        // Without its EOI, the complete stream still decodes.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decodeCt(Arrays.copyOf(stream, stream.length - 2)));
    }

    @Test
    void refusesGolombCodesLongerThanLimit() throws IOException {
        byte[] stream = ctStream();
        int data = Codestreams.find(stream, 0xDA, 0) + 10;
        Arrays.fill(stream, data, stream.length - 2, (byte) 0);
        // Zeros: the first sample starts a run (zeros above and left), a 0 bit ends it at once, and
        // the interruption sample's unary prefix runs past LIMIT - J[0] - 1 - qbpp - 1 = 64 - 1 - 16 - 1 = 46 bits.
        JpegLsException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(JpegLsException.class, () -> decodeCt(stream)));
        assertEquals(JpegLsException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("unary prefix longer than the 46 bits LIMIT allows"), e.describe());
    }

    @Test
    void refusesGarbageInPlaceOfCodedData() throws IOException {
        byte[] stream = ctStream();
        int data = Codestreams.find(stream, 0xDA, 0) + 10;
        Random random = new Random(7);
        for (int trial = 0; trial < 10; trial++) {
            byte[] garbage = stream.clone();
            for (int i = data; i < garbage.length - 2; i++) {
                garbage[i] = (byte) random.nextInt(0x80); // no marker can appear
            }
            JpegLsException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(JpegLsException.class, () -> decodeCt(garbage)));
            assertTrue(e.kind() == JpegLsException.Kind.MALFORMED || e.kind() == JpegLsException.Kind.TRUNCATED, e.describe());
        }
    }

    @Test
    void refusesAMarkerInTheMiddleOfTheCodedData() throws IOException {
        byte[] stream = ctStream();
        int middle = stream.length / 2;
        stream[middle] = (byte) 0xFF;
        stream[middle + 1] = (byte) 0xD9; // EOI where coded data should be: the scan ends early
        JpegLsException e = assertThrows(JpegLsException.class, () -> decodeCt(stream));
        assertEquals(JpegLsException.Kind.TRUNCATED, e.kind(), e.describe());
    }

    /**
     * A seeded mutation fuzzer: bytes flipped, set to 0xFF or marker codes, inserted, deleted and
     * cut, over the CT and the small streams, with and without restart markers. Every mutant
     * decodes or fails with a JpegLsException, within the time limit.
     */
    @Test
    void survivesMutatedStreams() throws IOException, JpegLsException {
        List<byte[]> seeds = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (DcmtkStreams.Stream s : DcmtkStreams.all()) {
            if (s.rows() * s.columns() <= 4096) {
                seeds.add(s.bytes());
                shapes.add(new int[] {s.rows(), s.columns(), s.components()});
            }
        }
        for (int mode = 0; mode <= 2; mode++) {
            seeds.add(new TestEncoder(12, 17, 3, 10).interleave(mode).restartInterval(3).near(mode)
                    .encode(Codestreams.image(12, 17, 3, 10, mode)));
            shapes.add(new int[] {12, 17, 3});
        }
        seeds.add(ctStream());
        shapes.add(new int[] {512, 512, 1});
        Random random = new Random(20240611);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 1500; i++) {
                int pick = i % seeds.size();
                if (seeds.get(pick).length > 100_000 && i % 50 != 0) {
                    pick = (pick + 1) % seeds.size(); // the CT is slow to decode: mutate it less often
                }
                byte[] mutant = mutate(seeds.get(pick), random);
                int[] shape = shapes.get(pick);
                try {
                    JpegLsDecoder.decode(mutant, 0, mutant.length, new JpegLsDecoder.Expected(shape[0], shape[1], shape[2], 16),
                            new DecodedImage(shape[0], shape[1], shape[2]));
                    outcomes[0]++;
                } catch (JpegLsException expected) {
                    outcomes[1]++;
                } catch (RuntimeException e) {
                    fail("mutant " + i + " of seed " + pick + " threw " + e, e);
                }
            }
        });
        assertTrue(outcomes[1] > 500, "most mutants are refused: " + outcomes[0] + " decoded, " + outcomes[1] + " refused");
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) 0xFF;
                case 3 -> b = Codestreams.insert(b, at, 0xFF, 0xC0 + random.nextInt(64));
                case 4 -> b = Codestreams.remove(b, at, Math.min(b.length - at, 1 + random.nextInt(8)));
                case 5 -> b = Arrays.copyOf(b, at);
                default -> {
                    // corrupt a header field: the first 40 bytes hold SOF55, LSE and SOS
                    int h = random.nextInt(Math.min(40, b.length));
                    b[h] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                }
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    @Test
    void decodesTheFuzzersCtSeedLikeDcmtk() throws IOException, JpegLsException {
        // sha256 of the int16 values in PIXEL_REFERENCE.json, from DCMTK's dcmdjpls.
        assertEquals("1bee432808f49770bbc30d904e3e744082b0ba41704d4943e7de5bcb3e3d72f9", decodeCt(ctStream()).sha256(2));
    }
}
