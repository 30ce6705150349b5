package dev.attest.dicom.series;

import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanning inputs (folder, zip, DICOMDIR), splitting series and reporting irregular geometry, on real files. */
class SeriesAssemblyTest {
    private static final String PHILIPS = "series-ct/dcm_qa_ct_philips_S21570_S2010";

    private static List<Path> imageFiles(String folder) throws Exception {
        try (Stream<Path> files = Files.list(TestData.path(folder))) {
            return files.filter(p -> !p.getFileName().toString().equals("DIRFILE")).sorted().toList();
        }
    }

    @Test
    void zipOfASeriesOpensLikeTheFolder(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("ct.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path p : imageFiles(PHILIPS)) {
                out.putNextEntry(new ZipEntry("study/ct/" + p.getFileName()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write("not DICOM".getBytes());
            out.closeEntry();
        }
        DicomScanner.Result scan = DicomScanner.scan(zip);
        assertEquals(28, scan.files().size());
        assertEquals(List.of(zip + "!/README.txt"), scan.skipped());
        StackGeometry fromZip = SeriesGrouper.group(scan.files()).get(0).series().get(0).stacks().get(0);
        StackGeometry fromFolder = SeriesGrouper.group(DicomScanner.scan(TestData.path(PHILIPS)).files())
                .get(0).series().get(0).stacks().get(0);
        assertTrue(fromZip.grid().sameGeometry(fromFolder.grid(), 1e-9));
        Volume a = VolumeAssembler.load(fromZip);
        Volume b = VolumeAssembler.load(fromFolder);
        assertEquals(java.util.Arrays.hashCode((short[]) a.sliceArray(13)), java.util.Arrays.hashCode((short[]) b.sliceArray(13)));
    }

    @Test
    void philipsDicomDirFindsItsImagesEvenWithoutItsTopFolders() throws Exception {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(PHILIPS + "/DIRFILE"));
        assertEquals(28, scan.files().size());
        assertEquals(28, SeriesGrouper.group(scan.files()).get(0).series().get(0).stacks().get(0).grid().sizeZ());
    }

    @Test
    void brokenAndForeignFilesAreReportedAndSkippedWithoutStoppingTheRest(@TempDir Path tmp) throws Exception {
        for (Path p : imageFiles(PHILIPS)) {
            Files.copy(p, tmp.resolve(p.getFileName()));
        }
        byte[] first = Files.readAllBytes(imageFiles(PHILIPS).get(0));
        Files.write(tmp.resolve("truncated.dcm"), java.util.Arrays.copyOf(first, 1000));
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        DicomScanner.Result scan = DicomScanner.scan(tmp);
        assertEquals(28, scan.files().size());
        assertEquals(1, scan.problems().size());
        assertTrue(scan.problems().get(0).source().endsWith("truncated.dcm"));
        assertTrue(scan.problems().get(0).message().contains("at byte offset"), scan.problems().get(0).message());
        assertEquals(1, scan.skipped().size());
    }

    @Test
    void aMissingSliceIsReportedAndTheGeometryKept(@TempDir Path tmp) throws Exception {
        List<Path> files = imageFiles(PHILIPS);
        List<DicomFile> parsed = new ArrayList<>();
        for (Path p : files) {
            parsed.add(DicomReader.read(p));
        }
        parsed.sort((x, y) -> Double.compare(x.dataset().getDoubles(Tag.ImagePositionPatient)[2],
                y.dataset().getDoubles(Tag.ImagePositionPatient)[2]));
        parsed.remove(10);
        StackGeometry stack = SeriesGrouper.group(parsed).get(0).series().get(0).stacks().get(0);
        assertEquals(27, stack.grid().sizeZ());
        assertEquals(5.0, stack.spacing(), 1e-6);
        assertEquals(List.of(SeriesWarning.Kind.MISSING_SLICES), stack.warnings().stream().map(SeriesWarning::kind).toList());
        assertEquals("1 slice(s) missing: gaps of up to 10.000 mm in a 5.000 mm series", stack.warnings().get(0).message());
    }

    @Test
    void aSeriesMixingOrientationSizeAndFrameOfReferenceIsSplit() throws Exception {
        List<DicomFile> parsed = new ArrayList<>();
        for (Path p : imageFiles(PHILIPS)) {
            parsed.add(DicomReader.read(p));
        }
        // Same Series Instance UID, but one copy turned 90 degrees (a coronal localiser) and one on another frame of reference.
        DicomDataset coronal = copy(parsed.get(0));
        coronal.setDoubles(Tag.ImageOrientationPatient, Vr.DS, 1, 0, 0, 0, 0, -1);
        DicomDataset otherFor = copy(parsed.get(1));
        otherFor.setString(Tag.FrameOfReferenceUID, Vr.UI, "1.2.3.4.5");
        parsed.add(DicomReader.read("coronal", DicomWriter.toBytes(coronal, TransferSyntax.EXPLICIT_VR_LE)));
        parsed.add(DicomReader.read("other-for", DicomWriter.toBytes(otherFor, TransferSyntax.EXPLICIT_VR_LE)));
        DicomSeries series = SeriesGrouper.group(parsed).get(0).series().get(0);
        assertEquals(List.of(28, 1, 1), series.stacks().stream().map(s -> s.grid().sizeZ()).toList());
        assertEquals(SeriesWarning.Kind.SPLIT_SERIES, series.warnings().get(0).kind());
        assertEquals("RPI".length(), series.stacks().get(1).grid().orientationCode().length());
    }

    private static DicomDataset copy(DicomFile f) throws Exception {
        return DicomReader.read("copy", DicomWriter.toBytes(f.dataset(), TransferSyntax.EXPLICIT_VR_LE)).dataset();
    }

    @Test
    void slopesThatChangePerSliceAreKeptPerSlice(@TempDir Path tmp) throws Exception {
        List<DicomFile> parsed = new ArrayList<>();
        int i = 0;
        for (Path p : imageFiles(PHILIPS)) {
            DicomDataset ds = copy(DicomReader.read(p));
            ds.setDoubles(Tag.RescaleSlope, Vr.DS, 1 + (i++ % 3));
            parsed.add(DicomReader.read("slope" + i, DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE)));
        }
        StackGeometry stack = SeriesGrouper.group(parsed).get(0).series().get(0).stacks().get(0);
        Volume v = VolumeAssembler.load(stack);
        assertTrue(!v.hasUniformRescale());
        for (int z = 0; z < 28; z++) {
            DicomDataset ds = stack.frames().get(z).file().dataset();
            assertEquals(ds.getDouble(Tag.RescaleSlope, 0), v.slope(z));
            assertEquals(-1024, v.intercept(z));
        }
        double stored = v.getStored(256, 256, 5);
        assertEquals(stored * v.slope(5) - 1024, v.getPhysical(256, 256, 5));
    }

    @Test
    void enhancedMultiFrameVolumesMatchDcm2niix4d() throws Exception {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path("dicom-codecs/dcm_qa_enh_siemens_xa10"));
        DicomSeries series = SeriesGrouper.group(scan.files()).get(0).series().get(0);
        assertEquals(4, series.stacks().size());
        // dcm2niix wrote one 64x64x6x4 file; hash our four volumes in its order (rows flipped, t = instance order).
        Dcm2niixReference ref = Dcm2niixReference.load("dcm_qa_enh_siemens_xa10");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        List<StackGeometry> byInstance = new ArrayList<>(series.stacks());
        byInstance.sort((x, y) -> Integer.compare(x.frames().get(0).file().dataset().getInt(Tag.InstanceNumber, 0),
                y.frames().get(0).file().dataset().getInt(Tag.InstanceNumber, 0)));
        for (StackGeometry stack : byInstance) {
            Volume v = VolumeAssembler.load(stack);
            for (int z = 0; z < 6; z++) {
                java.nio.ByteBuffer slice = java.nio.ByteBuffer.allocate(64 * 64 * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int y = 63; y >= 0; y--) {
                    for (int x = 0; x < 64; x++) {
                        slice.putShort((short) v.getStored(x, y, z));
                    }
                }
                sha.update(slice.array());
            }
        }
        assertEquals(ref.sha256(), java.util.HexFormat.of().formatHex(sha.digest()));
    }
}
