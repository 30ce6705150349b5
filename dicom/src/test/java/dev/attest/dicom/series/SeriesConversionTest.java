package dev.attest.dicom.series;

import dev.attest.core.geometry.Affine;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.TestData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real series opens as one volume and converts to NIfTI voxel for voxel as dcm2niix does,
 * with the affine within 0.01 mm (untilted series). The comparison goes through our NIfTI writer
 * and reader, so it checks the file a user gets.
 */
class SeriesConversionTest {

    /**
     * The last column is the affine tolerance in mm: 0.01, except for the fragmented XA30 series where
     * dcm2niix itself is 0.01004 mm from the DICOM positions (recorded in its fixture as
     * sform_corner_max_abs_error_mm); there our grid is checked against the DICOM positions directly.
     */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
            "series-ct/dcm_qa_ct_philips_S21570_S2010, dcm_qa_ct_philips_S21570_S2010, 0.01",
            "series-ct/totalsegmentator_example_ct_dicom, totalsegmentator_example_ct_dicom, 0.01",
            "series-mr/dcm_qa_ge_3D_Ax_T1_MP_RAGE, dcm_qa_ge_3D_Ax_T1_MP_RAGE, 0.01",
            "series-mr/dcm_qa_ge_3D_Ax_T1_MP_RAGE, dcm_qa_ge_3D_Ax_T1_MP_RAGE__x_i, 0.01",
            // dcm2niix (2022) cannot decode these fragments; its reference is of pydicom's decompression.
            "series-mr/dcm_qa_frag_6001_j2k_fragmented, dcm_qa_frag_6001_j2k_fragmented__predecompressed, 0.0101",
    })
    void convertsLikeDcm2niixVoxelForVoxelAndWithinAHundredthOfAMillimetre(String folder, String reference, double tolerance,
                                                                          @TempDir Path tmp) throws Exception {
        Volume back = convert(folder, tmp);
        Dcm2niixReference ref = Dcm2niixReference.load(reference);
        assertEquals(ref.sclSlope(), back.slope(0), 1e-6);
        assertEquals(ref.sclInter(), back.intercept(0), 1e-6);
        assertEquals(ref.sha256(), ref.hashInReferenceOrder(back), "voxels in dcm2niix order");
        int[] size = {back.grid().sizeX(), back.grid().sizeY(), back.grid().sizeZ()};
        Affine ours = ref.oursInReferenceOrder(back.grid().toRas(), size);
        double diff = ours.maxAbsDifference(ref.sformRas());
        assertTrue(diff < tolerance, "affine differs from dcm2niix's by " + diff + " mm:\n" + ours + "\nvs\n" + ref.sformRas());
    }

    @ParameterizedTest
    @CsvSource({
            "series-ct/dcm_qa_ct_philips_S21570_S2010, dcm_qa_ct_philips_S21570_S2010",
            "series-ct/dcm_qa_ct_philips_S21610_S2010_tilt, dcm_qa_ct_philips_S21610_S2010_tilt",
            "series-ct/totalsegmentator_example_ct_dicom, totalsegmentator_example_ct_dicom",
            "series-mr/dcm_qa_ge_3D_Ax_T1_MP_RAGE, dcm_qa_ge_3D_Ax_T1_MP_RAGE",
            "series-mr/dcm_qa_frag_6001_j2k_fragmented, dcm_qa_frag_6001_j2k_fragmented",
    })
    void firstAndLastSlicesSitOnTheirImagePositions(String folder, String geometry) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                SeriesConversionTest.class.getResourceAsStream("/reference/geometry/" + geometry + ".json"));
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(folder));
        StackGeometry stack = SeriesGrouper.group(scan.files()).get(0).series().get(0).stacks().get(0);
        assertEquals(json.get("image_file_count").asInt(), stack.grid().sizeZ());
        var first = stack.grid().indexToLps().apply(0, 0, 0);
        var last = stack.grid().indexToLps().apply(0, 0, stack.grid().sizeZ() - 1);
        for (int a = 0; a < 3; a++) {
            assertEquals(json.get("first_ipp_sorted").get(a).asDouble(), first.get(a), 1e-4, "first IPP axis " + a);
            assertEquals(json.get("last_ipp_sorted").get(a).asDouble(), last.get(a), 1e-4, "last IPP axis " + a);
        }
    }

    @org.junit.jupiter.api.Test
    void tiltedSeriesKeepsItsShearedGeometryAndDcm2niixVoxels(@TempDir Path tmp) throws Exception {
        Volume back = convert("series-ct/dcm_qa_ct_philips_S21610_S2010_tilt", tmp);
        Dcm2niixReference ref = Dcm2niixReference.load("dcm_qa_ct_philips_S21610_S2010_tilt");
        // Voxels are dcm2niix's uncorrected output exactly; its sform is not the true geometry (off by up to
        // 26 mm, see tools/reference/README.md), so geometry is checked against the DICOM positions instead.
        assertEquals(ref.sha256(), ref.hashInReferenceOrder(back));
        assertTrue(!back.grid().isOrthogonal(1e-3), "tilted grid is sheared");
        // The last slice's first voxel sits exactly on the last file's Image Position (Patient), LPS.
        var last = back.grid().indexToLps().apply(0, 0, back.grid().sizeZ() - 1);
        assertEquals(-123.5, last.x(), 1e-3);
        assertEquals(-15.64097, last.y(), 1e-3);
        assertEquals(874.845191756896, last.z(), 1e-3);
    }

    @org.junit.jupiter.api.Test
    void totalSegmentatorCtLandsExactlyOnTheGridOfItsLabelMap(@TempDir Path tmp) throws Exception {
        Volume ct = convert("series-ct/totalsegmentator_example_ct_dicom", tmp);
        Volume labels = NiftiReader.read(TestData.path("nifti/totalsegmentator_example_seg_dicom.nii.gz")).volume();
        Dcm2niixReference ref = Dcm2niixReference.load("totalsegmentator_example_ct_dicom");
        int[] size = {ct.grid().sizeX(), ct.grid().sizeY(), ct.grid().sizeZ()};
        // The label map is stored in dcm2niix's order (rows flipped): same grid once that is undone.
        Affine ours = ref.oursInReferenceOrder(ct.grid().toRas(), size);
        double diff = ours.maxAbsDifference(labels.grid().toRas());
        assertTrue(diff < 1e-3, "CT and label grids differ by " + diff + " mm");
        assertEquals(List.of(512, 512, 20), List.of(labels.grid().sizeX(), labels.grid().sizeY(), labels.grid().sizeZ()));
    }

    private static Volume convert(String folder, Path tmp) throws Exception {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(folder));
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        List<DicomStudy> studies = SeriesGrouper.group(scan.files());
        assertEquals(1, studies.size());
        assertEquals(1, studies.get(0).series().size(), "one series");
        DicomSeries series = studies.get(0).series().get(0);
        assertEquals(1, series.stacks().size(), "one volume");
        Volume volume = VolumeAssembler.load(series.stacks().get(0));
        Path out = tmp.resolve("out.nii.gz");
        NiftiWriter.write(volume, out);
        return NiftiReader.read(out).volume();
    }
}
