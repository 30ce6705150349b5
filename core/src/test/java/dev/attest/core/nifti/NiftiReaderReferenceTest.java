package dev.attest.core.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.TestData;
import dev.attest.core.VolumeChecksums;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the shared real NIfTI files and compares with references produced by Debian's
 * /usr/bin/python3 with nibabel 5.0.0 and numpy 1.24.2:
 * <pre>
 *   img = nib.load(f); a = np.asanyarray(img.dataobj.get_unscaled())
 *   lps = np.diag([-1, -1, 1, 1]) @ img.affine           # indexToLps
 *   hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes(order='F')).hexdigest()
 *   int(a.astype(np.int64).sum()); int(a[i, j, k]); ''.join(nib.aff2axcodes(img.affine))
 * </pre>
 */
class NiftiReaderReferenceTest {

    @Test
    void readsTotalSegmentatorCtAsInt16RasGrid() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.nifti("totalsegmentator_example_ct_sm.nii.gz"));
        Volume v = image.volume();
        assertGrid(v.grid(), 122, 101, 30, "RAS", new double[] {
            -3.0, 0.0, 0.0, 177.95632934570312,
            0.0, -3.0, 0.0, -11.319000244140625,
            0.0, 0.0, 3.0, 94.3017578125,
            0, 0, 0, 1});
        assertEquals(new Vec3(3, 3, 3), v.grid().spacing());
        assertEquals(VoxelType.INT16, v.type());
        assertEquals(Rescale.IDENTITY, v.rescale());
        assertEquals(-1024.0, v.getStored(0, 0, 0));
        assertEquals(0.0, v.getStored(61, 50, 15));
        assertEquals(-997.0, v.getStored(121, 100, 29));
        assertEquals(1207.0, v.getStored(63, 35, 2));
        assertEquals(-130894872L, VolumeChecksums.storedSum(v));
        assertEquals("d46fabdda64cab23afd3eee9d16f527d0531ce53b377d7de040603b9e991c77b", VolumeChecksums.sha256(v));
        assertEquals(NiftiTransformSource.SFORM, image.header().transformSource());
        assertEquals(List.of(), image.extensions());
        assertEquals(List.of(), image.warnings());
        assertEquals("totalsegmentator_example_ct_sm", v.name());
    }

    @Test
    void readsTotalSegmentatorLabelMapWithItsLabelTableExtension() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        Volume v = image.volume();
        assertGrid(v.grid(), 122, 101, 30, "RAS", new double[] {
            -3.0, 0.0, 0.0, 177.95632934570312,
            0.0, -3.0, 0.0, -11.319000244140625,
            0.0, 0.0, 3.0, 94.3017578125,
            0, 0, 0, 1});
        assertEquals(VoxelType.UINT8, v.type());
        assertEquals(117.0, v.getStored(9, 49, 6));
        assertEquals(0.0, v.getStored(61, 50, 15));
        assertEquals(2734697L, VolumeChecksums.storedSum(v));
        assertEquals("f266b56668d97b06817a7ae88814321eb3ce32d0cc50229ad56504f2b2f4fa36", VolumeChecksums.sha256(v));
        assertTotalSegmentatorLabelTable(image);
    }

    @Test
    void readsLabelMapAlignedToTheDicomSeriesAsLas() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.nifti("totalsegmentator_example_seg_dicom.nii.gz"));
        Volume v = image.volume();
        assertGrid(v.grid(), 512, 512, 20, "LAS", new double[] {
            0.9765625, 0.0, 0.0, -249.51171875,
            0.0, -0.9765625, 0.0, 61.51171875,
            0.0, 0.0, 2.0, -804.5,
            0, 0, 0, 1});
        assertEquals(new Vec3(0.9765625, 0.9765625, 2.0), v.grid().spacing());
        assertEquals(117.0, v.getStored(153, 310, 17));
        assertEquals(0.0, v.getStored(256, 256, 10));
        assertEquals(14229599L, VolumeChecksums.storedSum(v));
        assertEquals("b9de240c6fa336875bf19b90f42501f391d85f6a724d5061d9c4aba57caa6f8a", VolumeChecksums.sha256(v));
        assertTotalSegmentatorLabelTable(image);
    }

    @Test
    void readsConformedBrainchopT1AsLia() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.nifti("brainchop_t1_crop.nii.gz"));
        Volume v = image.volume();
        assertGrid(v.grid(), 256, 256, 256, "LIA", new double[] {
            1.0, 0.0, 0.0, -127.5999984741211,
            0.0, 0.0, -1.0, 133.48001098632812,
            0.0, -1.0, 0.0, 134.47999572753906,
            0, 0, 0, 1});
        assertEquals(VoxelType.UINT8, v.type());
        assertEquals(83.0, v.getStored(128, 128, 128));
        assertEquals(255.0, v.getStored(99, 179, 114));
        assertEquals(0.0, v.getStored(0, 255, 255));
        assertEquals(279078935L, VolumeChecksums.storedSum(v));
        assertEquals("a6f6700f8a15e8b1e425041d3c1d0db63348ffeb9ed9593b73d6fa294e2520b9", VolumeChecksums.sha256(v));
    }

    @Test
    void readsUncompressedObliqueDcm2niixOutput() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.file("dicom-codecs/dcm_qa_12bit/2.nii"));
        Volume v = image.volume();
        assertGrid(v.grid(), 64, 64, 35, "LAS", DCM_QA_LPS);
        assertEquals(3.2499999432561357, v.grid().spacing().x(), 1e-12);
        assertEquals(3.249999936364903, v.grid().spacing().y(), 1e-12);
        assertEquals(3.199999927378373, v.grid().spacing().z(), 1e-12);
        assertEquals(VoxelType.INT16, v.type());
        assertEquals(ByteOrder.LITTLE_ENDIAN, image.header().byteOrder());
        assertEquals(1092.0, v.getStored(32, 32, 17));
        assertEquals(2908.0, v.getStored(55, 41, 0));
        assertEquals(12.0, v.getStored(63, 63, 34));
        assertEquals(39116505L, VolumeChecksums.storedSum(v));
        assertEquals("687ce09265e8e64216b932479e6cf5b96420dc58db1fa105c735af2854eaec93", VolumeChecksums.sha256(v));
        assertEquals("TE=30;Time=110432.975;phase=1", image.header().description());
        assertEquals(1, image.header().qformCode());
        assertEquals(1, image.header().sformCode());
    }

    @Test
    void readsSignedTwelveBitDcm2niixOutput() throws IOException {
        NiftiImage image = NiftiReader.read(TestData.file("dicom-codecs/dcm_qa_12bit/4.nii"));
        Volume v = image.volume();
        assertGrid(v.grid(), 64, 64, 35, "LAS", DCM_QA_LPS);
        assertEquals(2047.0, v.getStored(52, 54, 0));
        assertEquals(12.0, v.getStored(10, 20, 30));
        assertEquals(38125324L, VolumeChecksums.storedSum(v));
        assertEquals("ee7227f9a72551433999351874ea31f32cdf2368ff165d7c438393a547a6c9ba", VolumeChecksums.sha256(v));
    }

    /** LPS affine of dcm_qa_12bit/2.nii and 4.nii (same acquisition geometry), from their sform. */
    static final double[] DCM_QA_LPS = {
        3.249994993209839, 1.9005075557743112e-07, 0.005585058592259884, -108.84056854248047,
        0.0005241452599875629, -3.23610520362854, -0.2955854535102844, 84.30973052978516,
        -0.005648056976497173, -0.30020442605018616, 3.186314105987549, -6.714199066162109,
        0, 0, 0, 1};

    private static void assertGrid(ImageGrid grid, int sx, int sy, int sz, String code, double[] lpsRowMajor) {
        assertEquals(sx, grid.sizeX());
        assertEquals(sy, grid.sizeY());
        assertEquals(sz, grid.sizeZ());
        assertEquals(code, grid.orientationCode());
        // Exact: float32 header values widen to double without rounding, and the RAS->LPS flip only negates.
        assertArrayEquals(lpsRowMajor, grid.indexToLps().toRowMajor());
    }

    /**
     * The label table is a Caret XML extension (ecode 0) of esize 12816, so 12808 content bytes,
     * with 117 labels; nibabel reads the same block (its content is 12807 bytes without the final NUL).
     */
    private static void assertTotalSegmentatorLabelTable(NiftiImage image) {
        assertEquals(13168, image.header().voxOffset());
        assertEquals(1, image.extensions().size());
        NiftiExtension table = image.extensions().get(0);
        assertEquals(0, table.code());
        assertEquals(12808, table.content().length);
        assertEquals(12816, table.blockSize());
        String xml = table.text();
        assertEquals(12807, xml.length());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?> <CaretExtension>"), xml.substring(0, 80));
        assertEquals(117, xml.split("<Label ", -1).length - 1);
        assertTrue(xml.contains("<Label Key=\"1\" Red=\"0.0\" Green=\"1.0\" Blue=\"0.0\" Alpha=\"1\"><![CDATA[spleen]]></Label>"));
        assertTrue(xml.contains("<![CDATA[costal_cartilages]]>"));
        assertEquals(List.of(), image.warnings());
    }
}
