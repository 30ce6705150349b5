package dev.attest.dicom.seg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DICOM SEG objects from dcmqi, pydicom-data and highdicom placed on their source CT grids,
 * compared with {@code reference/seg/seg_reference.json}, which
 * {@code tools/reference/make_seg_refs.py} computed with pydicom + numpy, placing frames by
 * their source-image references rather than by position as Attest does.
 */
class SegmentationReaderTest {
    private static JsonNode ref;
    private static StackGeometry ct3;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SegmentationReaderTest.class.getResourceAsStream("/reference/seg/seg_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        ct3 = stack("seg-sr/dcmqi_ct-3slice");
    }

    static StackGeometry stack(String relative) throws IOException {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(relative));
        return SeriesSelector.select(relative, SeriesGrouper.group(scan.files()), null, 1).stack();
    }

    /** The label layer as (slices, rows, columns) uint8 bytes, the layout numpy hashed. */
    static byte[] bytes(Volume v) {
        int n = v.grid().sizeX() * v.grid().sizeY();
        byte[] out = new byte[n * v.grid().sizeZ()];
        for (int z = 0; z < v.grid().sizeZ(); z++) {
            System.arraycopy((byte[]) v.sliceArray(z), 0, out, z * n, n);
        }
        return out;
    }

    static long count(Volume v, int z) {
        long c = 0;
        for (byte b : (byte[]) v.sliceArray(z)) {
            c += b != 0 ? 1 : 0;
        }
        return c;
    }

    @Test
    void liverSegLandsOnTheCtSlicesExactlyAsPydicomPlacesItByReference() throws IOException {
        Segmentation seg = SegmentationReader.read(TestData.read("seg-sr/dcmqi_liver_seg.dcm"), ct3);
        JsonNode liver = ref.get("liver");
        assertEquals(1, seg.layerCount());
        assertEquals(ct3.grid(), seg.grid());
        Volume labels = seg.layers().get(0);
        for (int z = 0; z < 3; z++) {
            assertEquals(liver.get("sliceCounts").get(z).asLong(), count(labels, z), "slice " + z);
        }
        assertEquals(liver.get("labelSha256").asText(), TestData.sha256(bytes(labels)));
        assertEquals(36233L + 35645 + 35220, seg.voxelCounts().get(1));
        assertEquals(SegmentationType.BINARY, seg.header().type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seg-sr/pydicom-data_liver_rle.dcm", "seg-sr/pydicom-data_liver_deflate.dcm"})
    void rleAndDeflatedImageFrameVariantsGiveTheNativeMask(String file) throws IOException {
        Segmentation seg = SegmentationReader.read(TestData.read(file), ct3);
        assertEquals(ref.get("liver").get("labelSha256").asText(), TestData.sha256(bytes(seg.layers().get(0))));
    }

    @Test
    void partiallyOverlappingSegmentsArePackedIntoTheLayersAGreedyPackingNeeds() throws IOException {
        Segmentation seg = SegmentationReader.read(TestData.read("seg-sr/dcmqi_partial_overlaps_seg.dcm"), ct3);
        JsonNode po = ref.get("partialOverlaps");
        for (var entry : po.get("segmentVoxels").properties()) {
            assertEquals(entry.getValue().asLong(), seg.voxelCounts().get(Integer.parseInt(entry.getKey())), "segment " + entry.getKey());
        }
        JsonNode layers = po.get("layers");
        assertEquals(layers.size(), seg.layerCount());
        assertEquals(3, seg.layerCount());
        for (int l = 0; l < layers.size(); l++) {
            for (JsonNode number : layers.get(l)) {
                assertEquals(l, seg.layerOfSegment().get(number.asInt()), "layer of segment " + number);
            }
            assertEquals(po.get("layerSha256").get(l).asText(), TestData.sha256(bytes(seg.layers().get(l))), "layer " + l);
        }
    }

    @Test
    void highdicomSingleFrameSegLandsOnItsCtSlice() throws IOException {
        StackGeometry ct = stack("seg-sr/highdicom_ct_image.dcm");
        Segmentation seg = SegmentationReader.read(TestData.read("seg-sr/highdicom_seg_single_frame.dcm"), ct);
        JsonNode hd = ref.get("highdicomSingleFrame");
        assertEquals(hd.get("voxels").asLong(), seg.voxelCounts().get(1));
        assertEquals(hd.get("labelSha256").asText(), TestData.sha256(bytes(seg.layers().get(0))));
        Segment s = seg.segments().get(0);
        assertEquals("first segment", s.label());
        assertEquals("AUTOMATIC", s.algorithmType());
        assertEquals("test", s.algorithmName());
        assertEquals("Tissue", s.category());
        assertEquals("Bone", s.type());
        assertEquals(Optional.empty(), s.displayColour());
    }

    @ParameterizedTest
    @ValueSource(strings = {"liver:seg-sr/dcmqi_liver_seg.dcm", "partialOverlaps:seg-sr/dcmqi_partial_overlaps_seg.dcm"})
    void segmentsAndTheirSrgbColoursMatchTheNumpyConversion(String spec) throws IOException {
        String[] parts = spec.split(":");
        SegmentationHeader header = SegmentationHeader.of(TestData.read(parts[1]));
        JsonNode expected = ref.get(parts[0]).get("segments");
        assertEquals(expected.size(), header.segments().size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            Segment s = header.segments().get(i);
            assertEquals(e.get("number").asInt(), s.number());
            assertEquals(e.get("label").asText(), s.label());
            assertEquals(e.get("algorithmType").asText(), s.algorithmType());
            assertEquals(e.get("category").asText(), s.category());
            assertEquals(e.get("type").asText(), s.type());
            JsonNode lab = e.get("cielab");
            assertEquals(new CieLab(lab.get(0).asInt(), lab.get(1).asInt(), lab.get(2).asInt()), s.displayColour().orElseThrow());
            JsonNode rgb = e.get("srgb");
            int packed = rgb.get(0).asInt() << 16 | rgb.get(1).asInt() << 8 | rgb.get(2).asInt();
            assertEquals(Integer.toHexString(packed), Integer.toHexString(s.displayRgb().orElseThrow()), s.label());
        }
    }

    @Test
    void liverSegOnItsOwnGridHasTheCtGeometryAndTheSameMask() throws IOException {
        Segmentation seg = SegmentationReader.readOnOwnGrid(TestData.read("seg-sr/dcmqi_liver_seg.dcm"), false);
        assertTrue(seg.grid().sameGeometry(ct3.grid(), 1e-4), seg.grid() + " vs " + ct3.grid());
        assertEquals(ref.get("liver").get("labelSha256").asText(), TestData.sha256(bytes(seg.layers().get(0))));
    }

    @Test
    void framesWithoutPositionsArePlacedByTheirSourceImageReference() throws IOException {
        DicomFile file = TestData.read("seg-sr/dcmqi_liver_seg.dcm");
        for (DicomDataset item : file.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            item.remove(Tag.PlanePositionSequence);
        }
        Segmentation seg = SegmentationReader.read(file, ct3);
        assertEquals(ref.get("liver").get("labelSha256").asText(), TestData.sha256(bytes(seg.layers().get(0))));
        // Without positions and without the source series there is nowhere to put the frames.
        SegmentationException e = assertThrows(SegmentationException.class,
                () -> SegmentationReader.read(file, TargetGrid.of(ct3.grid()), false));
        assertTrue(e.getMessage().startsWith(file.source() + ": frame 0 has no Image Position"), e.getMessage());
    }

    @Test
    void aSegWithoutSegmentSequenceIsRefusedNamingTheFile() throws IOException {
        DicomFile file = TestData.read("seg-sr/dcmqi_liver_seg.dcm");
        file.dataset().remove(SegTags.SegmentSequence);
        SegmentationException e = assertThrows(SegmentationException.class, () -> SegmentationReader.read(file, ct3));
        assertEquals(file.source() + ": Segment Sequence (0062,0002) is missing or empty: the file defines no segments",
                e.getMessage());
    }

    @Test
    void aFrameBetweenTwoSlicesIsRefusedNamingTheFileAndTheFrame() throws IOException {
        DicomFile file = TestData.read("seg-sr/dcmqi_liver_seg.dcm");
        DicomDataset position = file.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence).get(1)
                .getItem(Tag.PlanePositionSequence).orElseThrow();
        position.setDoubles(Tag.ImagePositionPatient, Vr.DS, -235.2, -226.8, -127.19);
        SegmentationException e = assertThrows(SegmentationException.class, () -> SegmentationReader.read(file, ct3));
        assertEquals(file.source() + ": frame 1 (segment 1) at LPS (-235.2000, -226.8000, -127.1900) lands at voxel index "
                + "(0.0000, 0.0000, 1.5000) of the target grid, not on a whole slice", e.getMessage());
    }

    @Test
    void aFrameOfAnotherOrientationIsRefused() throws IOException {
        DicomFile file = TestData.read("seg-sr/dcmqi_liver_seg.dcm");
        DicomDataset orientation = file.dataset().getItem(Tag.SharedFunctionalGroupsSequence).orElseThrow()
                .getItem(Tag.PlaneOrientationSequence).orElseThrow();
        orientation.setDoubles(Tag.ImageOrientationPatient, Vr.DS, 1, 0, 0, 0, 0, -1);
        SegmentationException e = assertThrows(SegmentationException.class, () -> SegmentationReader.read(file, ct3));
        assertTrue(e.getMessage().startsWith(file.source() + ": frame 0: its column (Image Orientation[3..5] × Pixel Spacing[0]) is "
                + "(0.00000, 0.00000, -0.81055) voxels"), e.getMessage());
        assertTrue(e.getMessage().endsWith("orientation or pixel spacing does not match the grid"), e.getMessage());
    }

    @Test
    void truncatedPixelDataIsATypedErrorNamingTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(TestData.path("seg-sr/dcmqi_liver_seg.dcm"));
        DicomFile file = DicomReader.read("liver-truncated.dcm", ByteBuffer.wrap(whole, 0, whole.length - 20000),
                DicomReader.Options.LENIENT);
        PixelDataException e = assertThrows(PixelDataException.class, () -> SegmentationReader.read(file, ct3));
        assertTrue(e.getMessage().startsWith("liver-truncated.dcm: Pixel Data (7FE0,0010) is truncated"), e.getMessage());
    }

    @Test
    void fractionalSegIsThresholdedAtOneHalfAndKeepsItsFractions() throws IOException {
        Segmentation binary = SegmentationReader.read(TestData.read("seg-sr/dcmqi_liver_seg.dcm"), ct3);
        DicomFile file = TestData.read("seg-sr/dcmqi_liver_seg.dcm");
        // The same frames as FRACTIONAL: inside the liver pixel p holds p % 201 of a maximum of 200.
        int pixels = 512 * 512;
        byte[] data = new byte[3 * pixels];
        long[] expected = new long[3];
        for (int z = 0; z < 3; z++) {
            // Frame z lies on CT slice z: both go up along +z (frame positions -128.69, -127.69, -126.69).
            byte[] mask = (byte[]) binary.layers().get(0).sliceArray(z);
            for (int p = 0; p < pixels; p++) {
                if (mask[p] != 0) {
                    data[z * pixels + p] = (byte) (p % 201);
                }
            }
        }
        DicomDataset ds = file.dataset();
        ds.setString(SegTags.SegmentationType, Vr.CS, "FRACTIONAL");
        ds.setString(SegTags.SegmentationFractionalType, Vr.CS, "PROBABILITY");
        ds.setInts(SegTags.MaximumFractionalValue, Vr.US, 200);
        ds.setInts(Tag.BitsAllocated, Vr.US, 8);
        ds.setInts(Tag.BitsStored, Vr.US, 8);
        ds.setInts(Tag.HighBit, Vr.US, 7);
        ds.setBytes(Tag.PixelData, Vr.OB, data);
        byte[] written = DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE);
        DicomFile fractional = DicomReader.read("liver-fractional.dcm", written);
        Segmentation seg = SegmentationReader.read(fractional, TargetGrid.of(ct3), true);
        Volume fraction = seg.fractions().get(1);
        for (int z = 0; z < 3; z++) {
            byte[] mask = (byte[]) binary.layers().get(0).sliceArray(z);
            byte[] labels = (byte[]) seg.layers().get(0).sliceArray(z);
            float[] f = (float[]) fraction.sliceArray(z);
            for (int p = 0; p < pixels; p++) {
                int v = mask[p] != 0 ? p % 201 : 0;
                assertEquals(v >= 100 ? 1 : 0, labels[p], "slice " + z + " pixel " + p);
                assertEquals((float) v / 200, f[p], "slice " + z + " pixel " + p);
                expected[z] += v >= 100 ? 1 : 0;
            }
        }
        assertEquals(expected[0] + expected[1] + expected[2], seg.voxelCounts().get(1));
    }

    @Test
    void bitPackedFramesThatStartMidByteArePlacedPixelForPixel() throws IOException {
        // Three 5 x 5 frames: 25 bits each, so frames 1 and 2 start at bits 1 and 2 of a byte.
        int rows = 5;
        int cols = 5;
        boolean[][] frames = new boolean[3][rows * cols];
        for (int f = 0; f < 3; f++) {
            for (int p = 0; p < rows * cols; p++) {
                frames[f][p] = (p * (f + 2) + f) % 3 == 0;
            }
        }
        byte[] packed = new byte[(3 * rows * cols + 7) / 8 + 1];
        int bit = 0;
        for (boolean[] frame : frames) {
            for (boolean on : frame) {
                if (on) {
                    packed[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
                bit++;
            }
        }
        DicomDataset ds = syntheticSeg(rows, cols, 3, packed);
        DicomFile file = DicomReader.read("synthetic-5x5.dcm", DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE));
        Segmentation seg = SegmentationReader.readOnOwnGrid(file, false);
        ImageGrid grid = seg.grid();
        assertEquals(List.of(5, 5, 3), List.of(grid.sizeX(), grid.sizeY(), grid.sizeZ()));
        for (int z = 0; z < 3; z++) {
            byte[] labels = (byte[]) seg.layers().get(0).sliceArray(z);
            for (int p = 0; p < rows * cols; p++) {
                assertEquals(frames[z][p] ? 7 : 0, labels[p], "frame " + z + " pixel " + p);
            }
        }
    }

    /** A minimal BINARY SEG: one segment numbered 7, frames 1 mm apart along +z, 0.5 mm pixels. */
    private static DicomDataset syntheticSeg(int rows, int cols, int frames, byte[] pixelData) {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SOPClassUID, Vr.UI, SegTags.SEGMENTATION_STORAGE);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "2.25.1234567");
        ds.setString(Tag.Modality, Vr.CS, "SEG");
        ds.setString(SegTags.SegmentationType, Vr.CS, "BINARY");
        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, Vr.IS, Integer.toString(frames));
        ds.setInts(Tag.Rows, Vr.US, rows);
        ds.setInts(Tag.Columns, Vr.US, cols);
        ds.setInts(Tag.BitsAllocated, Vr.US, 1);
        ds.setInts(Tag.BitsStored, Vr.US, 1);
        ds.setInts(Tag.HighBit, Vr.US, 0);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        DicomDataset segment = new DicomDataset();
        segment.setInts(SegTags.SegmentNumber, Vr.US, 7);
        segment.setString(SegTags.SegmentLabel, Vr.LO, "synthetic");
        segment.setString(SegTags.SegmentAlgorithmType, Vr.CS, "MANUAL");
        ds.setSequence(SegTags.SegmentSequence, List.of(segment));
        DicomDataset shared = new DicomDataset();
        shared.setSequence(Tag.PlaneOrientationSequence,
                List.of(new DicomDataset().setDoubles(Tag.ImageOrientationPatient, Vr.DS, 1, 0, 0, 0, 1, 0)));
        shared.setSequence(Tag.PixelMeasuresSequence,
                List.of(new DicomDataset().setDoubles(Tag.PixelSpacing, Vr.DS, 0.5, 0.5)));
        ds.setSequence(Tag.SharedFunctionalGroupsSequence, List.of(shared));
        List<DicomDataset> perFrame = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            DicomDataset item = new DicomDataset();
            item.setSequence(Tag.PlanePositionSequence,
                    List.of(new DicomDataset().setDoubles(Tag.ImagePositionPatient, Vr.DS, -10, 20, 30 + f)));
            item.setSequence(SegTags.SegmentIdentificationSequence,
                    List.of(new DicomDataset().setInts(SegTags.ReferencedSegmentNumber, Vr.US, 7)));
            perFrame.add(item);
        }
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, perFrame);
        ds.setBytes(Tag.PixelData, Vr.OB, pixelData);
        return ds;
    }
}
