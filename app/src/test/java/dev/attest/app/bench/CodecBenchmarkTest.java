package dev.attest.app.bench;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.FrameCache;
import dev.attest.dicom.pixel.FrameIndex;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.StoredPixels;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark's N-frame files: the same frame N times, in the source's syntax, found through the Basic Offset Table. */
class CodecBenchmarkTest {
    private static final Path CORNERSTONE = Path.of(System.getProperty("attest.data", "../../shared/data"))
            .resolve("dicom-codecs/cornerstone3d");

    @ParameterizedTest
    @ValueSource(strings = {"CTImage.dcm", "CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm",
            "CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm",
            "CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm"})
    void writesTheSameFrameNTimesInTheSourceSyntax(String name, @TempDir Path tmp) throws Exception {
        Path source = CORNERSTONE.resolve(name);
        DicomFile original = DicomReader.read(source);
        StoredPixels expected = PixelDecoder.open(original, FrameCache.disabled()).decodeFrame(0);
        Path many = tmp.resolve("many.dcm");
        CodecBenchmark.writeRepeated(source, many, 4);
        DicomFile written = DicomReader.read(many);
        TransferSyntax ts = written.transferSyntax();
        assertEquals(original.transferSyntax(), ts);
        PixelDecoder decoder = PixelDecoder.open(written, FrameCache.disabled());
        assertEquals(4, decoder.frameCount());
        if (ts.encapsulated()) {
            FrameIndex index = decoder.frameIndex().orElseThrow();
            assertEquals(FrameIndex.Method.BASIC_OFFSET_TABLE, index.method());
            assertEquals(List.of(), index.warnings());
        }
        for (int f = 0; f < 4; f++) {
            assertArrayEquals(expected.toLittleEndianBytes(), decoder.decodeFrame(f).toLittleEndianBytes(), "frame " + f);
        }
    }
}
