package dev.attest.core.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.TestData;
import dev.attest.core.VolumeChecksums;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Rescale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged variants of real files, built byte by byte: each must fail with a typed error naming the file. */
class NiftiMalformedInputTest {

    /** sha256 of 2.nii's voxels (see NiftiReaderReferenceTest). */
    private static final String DCM_QA_2_SHA256 = "687ce09265e8e64216b932479e6cf5b96420dc58db1fa105c735af2854eaec93";

    @TempDir
    Path dir;

    /** dcm_qa_12bit/2.nii: NIfTI-1, little-endian, 64 x 64 x 35 int16 at offset 352, 287072 bytes. */
    private byte[] good;

    @BeforeEach
    void loadGoodFile() {
        good = HeaderBytes.decompressed(TestData.file("dicom-codecs/dcm_qa_12bit/2.nii"));
    }

    @Test
    void emptyFileIsRejected() {
        assertRejected(save("empty.nii", new byte[0]), "holds 0 bytes, too few for a NIfTI header");
    }

    @Test
    void truncatedHeaderIsRejected() {
        assertRejected(save("cut_header.nii", Arrays.copyOf(good, 100)), "header is cut off after 100 of 348 bytes");
    }

    @Test
    void wrongSizeofHdrIsRejected() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putInt(0, 1234);
        assertRejected(save("sizeof.nii", bytes), "sizeof_hdr at offset 0 is 1234");
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] bytes = good.clone();
        bytes[344] = 'x';
        assertRejected(save("magic.nii", bytes), "bad magic 'x+1\\x00' at offset 344");
    }

    @Test
    void twoFileNiftiIsRejectedAsUnsupported() {
        byte[] bytes = good.clone();
        bytes[345] = 'i';
        assertRejected(save("pair.hdr", bytes), "two-file NIfTI-1");
    }

    @Test
    void zeroOrNegativeDimensionsAreRejected() {
        byte[] zero = good.clone();
        HeaderBytes.little(zero).putShort(40 + 2 * 2, (short) 0);
        assertRejected(save("dim_zero.nii", zero), "dim[2] is 0, must be positive");

        byte[] negative = good.clone();
        HeaderBytes.little(negative).putShort(40 + 2 * 3, (short) -5);
        assertRejected(save("dim_negative.nii", negative), "dim[3] is -5, must be positive");

        byte[] rank = good.clone();
        HeaderBytes.little(rank).putShort(40, (short) 9);
        assertRejected(save("rank.nii", rank), "dim[0] is 9, expected 1 to 7");
    }

    @Test
    void voxOffsetBeyondTheFileIsRejected() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putFloat(108, 1_000_000f);
        assertRejected(save("offset.nii", bytes), "vox_offset 1000000 is beyond the end of the file (287072 bytes)");
    }

    @Test
    void voxOffsetInsideTheHeaderIsRejected() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putFloat(108, 100f);
        assertRejected(save("offset_inside.nii", bytes), "vox_offset 100 lies inside the 348-byte header");
    }

    @Test
    void dataShorterThanTheHeaderSaysIsRejected() {
        assertRejected(save("short.nii", Arrays.copyOf(good, 352 + 1000)),
                "voxel data is shorter than the header says: 64 x 64 x 35 INT16 needs 286720 bytes from offset 352,"
                        + " but the file has only 1352 bytes");
    }

    @Test
    void hugeClaimedSizeIsRejectedBeforeAllocating() {
        // 32767^3 int16 would be 70 TB; the reader must refuse from the file size, not try to allocate.
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putShort(42, Short.MAX_VALUE).putShort(44, Short.MAX_VALUE).putShort(46, Short.MAX_VALUE);
        assertRejected(save("huge.nii", bytes), "voxel data is shorter than the header says");
        assertRejected(save("huge.nii.gz", HeaderBytes.gzip(bytes)), "cannot hold that many");

        HeaderBytes.little(bytes).putShort(70, (short) 64).putShort(72, (short) 64);
        assertRejected(save("huge_slices.nii", bytes), "a slice of 32767 x 32767 FLOAT64 voxels is too large to hold");
    }

    @Test
    void cutOffGzipStreamIsRejected() {
        byte[] gz = HeaderBytes.gzip(good);
        NiftiFormatException e = assertRejected(save("cut.nii.gz", Arrays.copyOf(gz, gz.length / 2)), "");
        assertTrue(e.problem().contains("cut off") || e.problem().contains("ends after"), e.problem());
    }

    @Test
    void gzipMagicFollowedByGarbageIsRejected() {
        byte[] bytes = {0x1F, (byte) 0x8B, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertRejected(save("garbage.nii.gz", bytes), "corrupt gzip header");
    }

    @Test
    void int64DatatypeIsATypedUnsupportedError() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putShort(70, (short) 1024).putShort(72, (short) 64);
        NiftiFormatException e = assertRejected(save("int64.nii", bytes), "unsupported datatype INT64 (code 1024)");
        assertEquals(1024, assertInstanceOf(UnsupportedNiftiDatatypeException.class, e).datatypeCode());
    }

    @Test
    void rgb24DatatypeIsATypedUnsupportedError() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putShort(70, (short) 128).putShort(72, (short) 24);
        NiftiFormatException e = assertRejected(save("rgb.nii", bytes), "unsupported datatype RGB24 (code 128)");
        assertInstanceOf(UnsupportedNiftiDatatypeException.class, e);
    }

    @Test
    void unknownDatatypeCodeIsAFormatError() {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putShort(70, (short) 9999);
        NiftiFormatException e = assertRejected(save("unknown.nii", bytes), "unknown datatype code 9999");
        assertFalse(e instanceof UnsupportedNiftiDatatypeException);
    }

    @Test
    void malformedExtensionSizeIsSkippedWithAWarning() throws IOException {
        byte[] seg = HeaderBytes.decompressed(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        for (int esize : new int[] {99_999, 3, -16}) {
            byte[] bytes = seg.clone();
            HeaderBytes.little(bytes).putInt(352, esize);
            NiftiImage image = NiftiReader.read(save("bad_extension.nii.gz", HeaderBytes.gzip(bytes)));
            assertEquals(List.of(), image.extensions());
            assertEquals(1, image.warnings().size());
            assertTrue(image.warnings().get(0).contains("esize " + esize), image.warnings().get(0));
            assertEquals("f266b56668d97b06817a7ae88814321eb3ce32d0cc50229ad56504f2b2f4fa36",
                    VolumeChecksums.sha256(image.volume()));
        }
    }

    @Test
    void nonFiniteSformFallsBackToQformWithAWarning() throws IOException {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putFloat(280, Float.NaN);
        NiftiImage image = NiftiReader.read(save("nan_sform.nii", bytes));
        assertEquals(ImageGrid.fromRas(64, 64, 35, image.header().qform().toAffine()), image.volume().grid());
        assertTrue(image.warnings().get(0).startsWith("SFORM is unusable"), image.warnings().get(0));
        assertEquals("QFORM", image.volume().properties().get("nifti.transform"));
    }

    @Test
    void fourDimensionalFileGivesItsFirstVolumeAndSaysSo() throws IOException {
        byte[] bytes = good.clone();
        // 35 slices reinterpreted as 7 volumes of 5 slices each.
        HeaderBytes.little(bytes).putShort(40, (short) 4).putShort(46, (short) 5).putShort(48, (short) 7);
        NiftiImage image = NiftiReader.read(save("four_d.nii", bytes));
        assertEquals(5, image.volume().grid().sizeZ());
        assertEquals(List.of("file holds 7 volumes; only the first was read"), image.warnings());
        assertEquals(2908.0, image.volume().getStored(55, 41, 0));

        HeaderBytes.little(bytes).putShort(46, (short) 35).putShort(48, (short) 1);
        NiftiImage single = NiftiReader.read(save("four_d_single.nii", bytes));
        assertEquals(List.of(), single.warnings());
        assertEquals(DCM_QA_2_SHA256, VolumeChecksums.sha256(single.volume()));
    }

    @Test
    void zeroVoxOffsetReadsDataAfterTheHeaderWithAWarning() throws IOException {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putFloat(108, 0f);
        NiftiImage image = NiftiReader.read(save("zero_offset.nii", bytes));
        assertEquals(List.of("vox_offset is 0; reading data from byte 352"), image.warnings());
        assertEquals(DCM_QA_2_SHA256, VolumeChecksums.sha256(image.volume()));
    }

    @Test
    void sclSlopeZeroMeansNoScalingAndNanInterceptMeansZero() throws IOException {
        byte[] bytes = good.clone();
        HeaderBytes.little(bytes).putFloat(112, 0f).putFloat(116, 5f);
        assertEquals(Rescale.IDENTITY, NiftiReader.read(save("slope0.nii", bytes)).volume().rescale());
        HeaderBytes.little(bytes).putFloat(112, 2f).putFloat(116, Float.NaN);
        assertEquals(new Rescale(2, 0), NiftiReader.read(save("inter_nan.nii", bytes)).volume().rescale());
    }

    private Path save(String name, byte[] bytes) {
        return HeaderBytes.write(dir.resolve(name), bytes);
    }

    /** Asserts reading fails with a NiftiFormatException that names the file and contains problem. */
    private static NiftiFormatException assertRejected(Path file, String problem) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.problem().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
        return e;
    }
}
