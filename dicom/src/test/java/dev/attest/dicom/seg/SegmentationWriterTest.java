package dev.attest.dicom.seg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Uids;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.write.Equipment;
import dev.attest.dicom.write.StudyContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SEGs written by {@link SegmentationWriter} and read back by the existing
 * {@link SegmentationReader}: the masks must come back voxel for voxel. The TotalSegmentator
 * label map is compared with {@code reference/segsr/seg_sr_reference.json}, which
 * {@code tools/reference/make_seg_sr_refs.py} computed with pydicom + nibabel by placing the NIfTI
 * on the CT grid through the two files' geometry.
 */
class SegmentationWriterTest {
    static final Equipment EQUIPMENT = Equipment.attest("Attest workstation", "0.1.0", "TEST-0001");
    static final AlgorithmIdentification TOTALSEG = AlgorithmIdentification.ai("TotalSegmentator", "2.0.0", "task=total; fast");
    private static JsonNode ref;
    private static TotalSegmentatorCase totalSeg;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SegmentationWriterTest.class.getResourceAsStream("/reference/segsr/seg_sr_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        totalSeg = TotalSegmentatorCase.load();
    }

    static SegmentationWriter.Settings settings() {
        return SegmentationWriter.Settings.of(EQUIPMENT).withContent("organs", "TotalSegmentator organs", "Attest^Export")
                .withIdentity("2.25.1001", "2.25.1002", LocalDateTime.of(2026, 3, 1, 14, 30, 5));
    }

    static DicomFile roundTrip(DicomDataset seg, String name) throws IOException {
        return DicomReader.read(name, DicomWriter.toBytes(seg, TransferSyntax.EXPLICIT_VR_LE));
    }

    /** A label volume in (slices, rows, columns) byte order, the layout the reference hashed. */
    static byte[] bytes(Volume v) {
        int n = v.grid().sizeX() * v.grid().sizeY();
        byte[] out = new byte[n * v.grid().sizeZ()];
        for (int z = 0; z < v.grid().sizeZ(); z++) {
            System.arraycopy((byte[]) v.sliceArray(z), 0, out, z * n, n);
        }
        return out;
    }

    @Test
    void theTotalSegmentatorLabelMapOnItsCtSeriesReadsBackVoxelForVoxel() throws IOException {
        JsonNode expected = ref.get("totalSegmentator");
        assertEquals(expected.get("labelSha256").asText(), TestData.sha256(bytes(totalSeg.labels)),
                "the test's own placement of the NIfTI on the CT grid agrees with the reference");
        List<LabelSegment> segments = totalSeg.presentSegments(TOTALSEG);
        assertEquals(31, segments.size());
        DicomDataset seg = SegmentationWriter.fromLabelMap(SegmentationSource.of(totalSeg.stack), totalSeg.labels, segments, settings());
        Segmentation read = SegmentationReader.read(roundTrip(seg, "totalseg.dcm"), totalSeg.stack);

        assertEquals(1, read.layerCount(), "a label map's segments never overlap, so one layer holds them all");
        Volume layer = read.layers().get(0);
        byte[] labels = bytes(layer);
        for (int i = 0; i < labels.length; i++) {
            int number = labels[i] & 0xFF;
            labels[i] = (byte) (number == 0 ? 0 : segments.get(number - 1).label());
        }
        assertEquals(expected.get("labelSha256").asText(), TestData.sha256(labels));
        for (int s = 0; s < segments.size(); s++) {
            assertEquals(expected.get("voxels").get(Integer.toString(segments.get(s).label())).asLong(),
                    read.voxelCounts().get(s + 1), segments.get(s).definition().label());
        }
        assertEquals(expected.get("nonEmptyFrames").asInt(), read.header().frames().size());
        assertEquals(expected.get("nonEmptyFrames").asInt(), seg.getInt(Tag.NumberOfFrames, 0));
    }

    @Test
    void everyFrameReferencesTheCtSliceItLiesOn() throws IOException {
        List<LabelSegment> segments = totalSeg.presentSegments(TOTALSEG).subList(0, 3);
        DicomDataset seg = SegmentationWriter.fromLabelMap(SegmentationSource.of(totalSeg.stack), totalSeg.labels, segments, settings());
        SegmentationHeader header = SegmentationHeader.of(roundTrip(seg, "three.dcm"));
        JsonNode uids = ref.get("totalSegmentator").get("sopInstanceUids");
        JsonNode slices = ref.get("totalSegmentator").get("slices");
        int f = 0;
        for (int s = 0; s < segments.size(); s++) {
            for (JsonNode z : slices.get(Integer.toString(segments.get(s).label()))) {
                SegFrame frame = header.frames().get(f++);
                assertEquals(s + 1, frame.segmentNumber());
                assertEquals(List.of(new SegFrame.SourceImage(uids.get(z.asInt()).asText(), 0)), frame.sources(), "frame " + frame.index());
            }
        }
        assertEquals(f, header.frames().size());
        DicomDataset referenced = seg.getItem(Tag.ReferencedSeriesSequence).orElseThrow();
        // The example CT has blank Study and Series Instance UIDs: stable ones derived from its first slice stand in.
        assertEquals("", totalSeg.stack.frames().get(0).file().dataset().getString(Tag.SeriesInstanceUID));
        assertEquals(Uids.fromName("attest:series-of:" + uids.get(0).asText()), referenced.getString(Tag.SeriesInstanceUID));
        assertEquals(Uids.fromName("attest:study-of:" + uids.get(0).asText()), seg.getString(Tag.StudyInstanceUID));
        assertEquals(20, referenced.getSequence(Tag.ReferencedInstanceSequence).size());
    }

    @Test
    void segmentsCarryTheirCodesAlgorithmAndColour() throws IOException {
        List<LabelSegment> segments = totalSeg.presentSegments(TOTALSEG);
        DicomDataset seg = SegmentationWriter.fromLabelMap(SegmentationSource.of(totalSeg.stack), totalSeg.labels, segments, settings());
        SegmentationHeader header = SegmentationHeader.of(roundTrip(seg, "codes.dcm"));
        Segment liver = header.segments().get(1);
        assertEquals(new Segment(2, "liver", "", "AUTOMATIC", "TotalSegmentator", "Anatomical Structure", "Liver",
                Optional.of(CieLab.fromSrgb(0x00FFFF))), liver);
        assertEquals(0x00FFFF, liver.displayRgb().orElseThrow());
        DicomDataset item = seg.getSequence(SegTags.SegmentSequence).get(1);
        assertEquals(Optional.of(Code.sct("10200004", "Liver")), Code.fromSequence(item, SegTags.SegmentedPropertyTypeCodeSequence));
        DicomDataset algorithm = item.getItem(SegTags.SegmentationAlgorithmIdentificationSequence).orElseThrow();
        assertEquals(Optional.of(AlgorithmIdentification.ARTIFICIAL_INTELLIGENCE),
                Code.fromSequence(algorithm, SegTags.AlgorithmFamilyCodeSequence));
        assertEquals("2.0.0", algorithm.getString(SegTags.AlgorithmVersion));
        assertEquals("task=total; fast", algorithm.getString(SegTags.AlgorithmParameters));
        DicomDataset adrenal = seg.getSequence(SegTags.SegmentSequence).get(4);
        assertEquals("adrenal_gland_right", adrenal.getString(SegTags.SegmentLabel));
        DicomDataset type = adrenal.getItem(SegTags.SegmentedPropertyTypeCodeSequence).orElseThrow();
        assertEquals(Optional.of(SegmentedProperties.RIGHT), Code.fromSequence(type, SegTags.SegmentedPropertyTypeModifierCodeSequence));
        assertEquals("NO", seg.getString(SegTags.SegmentsOverlap));
        assertEquals("ORGANS", seg.getString(Tag.ContentLabel));
        DicomDataset ct = totalSeg.stack.frames().get(0).file().dataset();
        for (int tag : new int[] {Tag.FrameOfReferenceUID, Tag.PatientName, Tag.PatientID, Tag.StudyDate, Tag.StudyTime}) {
            assertEquals(ct.getString(tag), seg.getString(tag), Tag.toString(tag));
        }
    }

    /** A small oblique grid (rotated 30 degrees about z, anisotropic) standing for a NIfTI volume without DICOM. */
    static ImageGrid obliqueGrid() {
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        return new ImageGrid(7, 5, 4, Affine.fromColumns(new Vec3(0.8 * c, 0.8 * s, 0), new Vec3(-0.6 * s, 0.6 * c, 0),
                new Vec3(0, 0, 2.5), new Vec3(-12.5, 30.25, -7)));
    }

    static StudyContext niftiStudy() {
        return StudyContext.synthesised("Case^0001", "CASE-0001", "NIfTI case", LocalDateTime.of(2026, 3, 1, 9, 0),
                "2.25.2001", "2.25.2002");
    }

    /** Segment masks on a grid: mask m holds voxel v when (v * (m + 3) + m) % 7 < 3 except on slice m, so masks overlap. */
    static List<Volume> overlappingMasks(ImageGrid grid, int count) {
        List<Volume> masks = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            Volume mask = Volume.allocate(grid, VoxelType.UINT8);
            for (int z = 0; z < grid.sizeZ(); z++) {
                byte[] slice = (byte[]) mask.sliceArray(z);
                for (int i = 0; i < slice.length; i++) {
                    int v = z * slice.length + i;
                    slice[i] = (byte) ((v * (m + 3) + m) % 7 < 3 && z != m ? 1 : 0);
                }
            }
            masks.add(mask);
        }
        return masks;
    }

    @Test
    void overlappingMasksOnAnObliqueNiftiGridReadBackExactly() throws IOException {
        ImageGrid grid = obliqueGrid();
        List<Volume> masks = overlappingMasks(grid, 3);
        List<SegmentMask> segments = new ArrayList<>();
        String[] names = {"kidney_left", "kidney_right", "mystery organ"};
        for (int m = 0; m < 3; m++) {
            segments.add(new SegmentMask(SegmentDefinition.manual(names[m], SegmentedProperties.forName(names[m])), masks.get(m)));
        }
        DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(grid, niftiStudy()), segments, settings());
        assertEquals("YES", seg.getString(SegTags.SegmentsOverlap));
        assertEquals(9, seg.getInt(Tag.NumberOfFrames, 0), "each mask is empty on the slice with its own index");
        DicomFile file = roundTrip(seg, "oblique.dcm");
        Segmentation read = SegmentationReader.read(file, TargetGrid.of(grid), false);
        for (int m = 0; m < 3; m++) {
            Volume layer = read.layerOf(m + 1);
            for (int z = 0; z < grid.sizeZ(); z++) {
                byte[] expected = (byte[]) masks.get(m).sliceArray(z);
                byte[] actual = (byte[]) layer.sliceArray(z);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i] != 0, actual[i] == m + 1, "segment " + (m + 1) + " slice " + z + " voxel " + i);
                }
            }
        }
        assertTrue(read.header().frames().stream().allMatch(f -> f.sources().isEmpty()), "a NIfTI source has no images to derive from");
        assertEquals("2.25.2001", file.dataset().getString(Tag.StudyInstanceUID));
        assertEquals("2.25.2002", file.dataset().getString(Tag.FrameOfReferenceUID));
        assertEquals("Case^0001", file.dataset().getString(Tag.PatientName));
        assertTrue(file.dataset().getSequence(Tag.ReferencedSeriesSequence).isEmpty());
        assertEquals(List.of("Tissue", "Tissue"), List.of(read.segments().get(2).category(), read.segments().get(2).type()),
                "an unknown name falls back to Tissue / Tissue");
        // The grid the SEG spans by itself is the NIfTI grid.
        assertTrue(SegmentationReader.readOnOwnGrid(file, false).grid().sameGeometry(grid, 1e-4));
    }

    @Test
    void allFramesPolicyWritesEverySegmentOnEverySlice() throws IOException {
        ImageGrid grid = obliqueGrid();
        List<Volume> masks = overlappingMasks(grid, 2);
        List<SegmentMask> segments = List.of(
                new SegmentMask(SegmentDefinition.manual("a", SegmentedProperties.FALLBACK), masks.get(0)),
                new SegmentMask(SegmentDefinition.manual("b", SegmentedProperties.FALLBACK), masks.get(1)));
        DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(grid, niftiStudy()), segments,
                settings().withFramePolicy(SegmentationWriter.FramePolicy.ALL));
        SegmentationHeader header = SegmentationHeader.of(roundTrip(seg, "all.dcm"));
        assertEquals(8, header.frames().size());
        List<Integer> dimensionIndex = new ArrayList<>();
        for (DicomDataset item : seg.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            int[] values = item.getItem(Tag.FrameContentSequence).orElseThrow().getInts(Tag.DimensionIndexValues);
            dimensionIndex.add(values[0] * 10 + values[1]);
        }
        assertEquals(List.of(11, 12, 13, 14, 21, 22, 23, 24), dimensionIndex);
        Segmentation read = SegmentationReader.read(roundTrip(seg, "all.dcm"), TargetGrid.of(grid), false);
        for (int m = 0; m < 2; m++) {
            long expected = 0;
            for (int z = 0; z < 4; z++) {
                for (byte b : (byte[]) masks.get(m).sliceArray(z)) {
                    expected += b;
                }
            }
            assertEquals(expected, read.voxelCounts().get(m + 1));
        }
    }

    @Test
    void fractionsComeBackWithinHalfAStep() throws IOException {
        ImageGrid grid = obliqueGrid();
        List<SegmentFraction> segments = new ArrayList<>();
        List<Volume> fractions = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            Volume f = Volume.allocate(grid, VoxelType.FLOAT32);
            for (int z = 0; z < grid.sizeZ(); z++) {
                float[] slice = (float[]) f.sliceArray(z);
                for (int i = 0; i < slice.length; i++) {
                    slice[i] = (float) (((z * slice.length + i) * (7 + m) % 101) / 100.0);
                }
            }
            fractions.add(f);
            segments.add(new SegmentFraction(SegmentDefinition.automatic("p" + m, SegmentedProperties.forName("liver"), TOTALSEG), f));
        }
        ((float[]) fractions.get(0).sliceArray(0))[0] = 1.7f;   // clamped to 1
        ((float[]) fractions.get(0).sliceArray(0))[1] = -0.2f;  // clamped to 0
        ((float[]) fractions.get(0).sliceArray(0))[2] = Float.NaN;
        DicomDataset seg = SegmentationWriter.fractional(SegmentationSource.of(grid, niftiStudy()), FractionalType.PROBABILITY,
                segments, settings());
        assertEquals("PROBABILITY", seg.getString(SegTags.SegmentationFractionalType));
        assertEquals(255, seg.getInt(SegTags.MaximumFractionalValue, 0));
        Segmentation read = SegmentationReader.read(roundTrip(seg, "fractional.dcm"), TargetGrid.of(grid), true);
        for (int m = 0; m < 2; m++) {
            Volume back = read.fractions().get(m + 1);
            for (int z = 0; z < grid.sizeZ(); z++) {
                float[] expected = (float[]) fractions.get(m).sliceArray(z);
                float[] actual = (float[]) back.sliceArray(z);
                for (int i = 0; i < expected.length; i++) {
                    double want = Float.isNaN(expected[i]) ? 0 : Math.max(0, Math.min(1, expected[i]));
                    assertEquals(want, actual[i], 0.5 / 255 + 1e-7, "segment " + m + " slice " + z + " voxel " + i);
                }
            }
        }
        assertEquals(1.0f, ((float[]) read.fractions().get(1).sliceArray(0))[0]);
    }

    @Test
    void anAllEmptySegmentationStillHoldsOneFrameAndReadsBackEmpty() throws IOException {
        ImageGrid grid = obliqueGrid();
        Volume empty = Volume.allocate(grid, VoxelType.UINT8);
        DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(grid, niftiStudy()),
                List.of(new SegmentMask(SegmentDefinition.manual("nothing", SegmentedProperties.FALLBACK), empty)), settings());
        assertEquals(1, seg.getInt(Tag.NumberOfFrames, 0));
        Segmentation read = SegmentationReader.read(roundTrip(seg, "empty.dcm"), TargetGrid.of(grid), false);
        assertEquals(0L, read.voxelCounts().get(1));
    }

    @Test
    void bitsOfFramesThatDoNotFillWholeBytesArePackedBackToBack() {
        ImageGrid grid = obliqueGrid();   // 35 pixels a frame: frame 1 starts at bit 3 of byte 4
        Volume mask = Volume.allocate(grid, VoxelType.UINT8);
        ((byte[]) mask.sliceArray(0))[34] = 1;  // last pixel of frame 0: bit 34
        ((byte[]) mask.sliceArray(1))[0] = 1;   // first pixel of frame 1: bit 35
        ((byte[]) mask.sliceArray(1))[5] = 1;   // bit 40
        DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(grid, niftiStudy()),
                List.of(new SegmentMask(SegmentDefinition.manual("m", SegmentedProperties.FALLBACK), mask)), settings());
        byte[] pixels = seg.getBytes(Tag.PixelData);
        assertEquals(10, pixels.length, "70 bits in 9 bytes, padded to an even length");
        byte[] expected = new byte[10];
        expected[4] = (byte) 0b0000_1100;
        expected[5] = 1;
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(pixels));
    }

    @Test
    void aMaskOnAnotherGridIsRefusedSayingSo() {
        ImageGrid grid = obliqueGrid();
        Volume shifted = Volume.allocate(new ImageGrid(7, 5, 4, grid.indexToLps().multiply(Affine.fromColumns(
                new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), new Vec3(1, 0, 0)))), VoxelType.UINT8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentationWriter.binary(
                SegmentationSource.of(grid, niftiStudy()),
                List.of(new SegmentMask(SegmentDefinition.manual("m", SegmentedProperties.FALLBACK), shifted)), settings()));
        assertTrue(e.getMessage().startsWith("the mask of segment 'm' is on grid"), e.getMessage());
        assertTrue(e.getMessage().endsWith("resample it onto the source grid first"), e.getMessage());
    }

    @Test
    void automaticSegmentsNeedTheirAlgorithm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SegmentDefinition("liver", "",
                SegmentAlgorithmType.AUTOMATIC, Optional.empty(), SegmentedProperties.FALLBACK, Optional.empty()));
        assertEquals("segment 'liver' is AUTOMATIC: Segment Algorithm Name is then required, so give its algorithm", e.getMessage());
    }

    @Test
    void contentLabelIsMadeAValidCodeString() {
        assertEquals("TOTALSEG V2_0_LI", SegmentationWriter.Settings.codeString("TotalSeg v2.0-liver"));
    }

    @Test
    void labelValuesNotListedAreLeftOut() throws IOException {
        List<LabelSegment> all = totalSeg.presentSegments(TOTALSEG);
        LabelSegment liver = all.stream().filter(s -> s.label() == 5).findFirst().orElseThrow();
        DicomDataset seg = SegmentationWriter.fromLabelMap(SegmentationSource.of(totalSeg.stack), totalSeg.labels,
                List.of(liver), settings());
        Segmentation read = SegmentationReader.read(roundTrip(seg, "liver.dcm"), totalSeg.stack);
        assertEquals(ref.get("totalSegmentator").get("voxels").get("5").asLong(), read.voxelCounts().get(1));
        for (int z = 0; z < 20; z++) {
            byte[] labels = (byte[]) totalSeg.labels.sliceArray(z);
            byte[] back = (byte[]) read.layers().get(0).sliceArray(z);
            for (int i = 0; i < labels.length; i++) {
                assertEquals(labels[i] == 5, back[i] == 1, "slice " + z + " voxel " + i);
            }
        }
    }

    @Test
    void framesOfAnEnhancedMultiFrameSourceReferenceTheirFrameNumbers() throws IOException {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path("dicom-codecs/dcm_qa_enh_siemens_xa10"));
        StackGeometry stack = SeriesGrouper.group(scan.files()).get(0).series().get(0).stacks().get(0);
        ImageGrid grid = stack.grid();
        Volume mask = Volume.allocate(grid, VoxelType.UINT8);
        for (int z = 0; z < grid.sizeZ(); z++) {
            byte[] slice = (byte[]) mask.sliceArray(z);
            for (int i = 0; i < slice.length; i++) {
                slice[i] = (byte) ((i % 64 + i / 64 + z) % 3 == 0 ? 1 : 0);
            }
        }
        DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(stack),
                List.of(new SegmentMask(SegmentDefinition.manual("m", SegmentedProperties.FALLBACK), mask)), settings());
        DicomFile file = roundTrip(seg, "enhanced.dcm");
        String instance = stack.frames().get(0).file().sopInstanceUid();
        List<SegFrame.SourceImage> sources = SegmentationHeader.of(file).frames().stream().flatMap(f -> f.sources().stream()).toList();
        assertEquals(6, sources.size());
        assertTrue(sources.stream().allMatch(s -> s.sopInstanceUid().equals(instance)), "all six slices are frames of one instance");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), sources.stream().map(SegFrame.SourceImage::frameNumber).sorted().toList());
        // Without positions the reader must place every frame by its (instance, frame) reference alone.
        for (DicomDataset item : file.dataset().getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            item.remove(Tag.PlanePositionSequence);
        }
        Segmentation read = SegmentationReader.read(file, stack);
        for (int z = 0; z < grid.sizeZ(); z++) {
            assertEquals(java.util.Arrays.toString((byte[]) mask.sliceArray(z)), java.util.Arrays.toString((byte[]) read.layers().get(0).sliceArray(z)),
                    "slice " + z);
        }
    }
}
