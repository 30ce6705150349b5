package dev.attest.core.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.TestData;
import dev.attest.core.VolumeChecksums;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiByteOrderTest {

    @TempDir
    Path dir;

    @Test
    void readsABigEndianCopyOfARealFileToTheSameVoxelsAndGeometry() throws IOException {
        Path original = TestData.file("dicom-codecs/dcm_qa_12bit/2.nii");
        byte[] swapped = HeaderBytes.swapNifti1(HeaderBytes.decompressed(original), 352, 2);
        NiftiImage little = NiftiReader.read(original);
        NiftiImage big = NiftiReader.read(HeaderBytes.write(dir.resolve("2_big_endian.nii"), swapped));

        assertEquals(ByteOrder.BIG_ENDIAN, big.header().byteOrder());
        assertEquals(little.volume().grid(), big.volume().grid());
        assertEquals(little.header().qform(), big.header().qform());
        // Same reference digest as the little-endian original (see NiftiReaderReferenceTest).
        assertEquals("687ce09265e8e64216b932479e6cf5b96420dc58db1fa105c735af2854eaec93",
                VolumeChecksums.sha256(big.volume()));
    }

    @Test
    void readsABigEndianGzippedLabelMapWithItsExtension() throws IOException {
        byte[] bytes = HeaderBytes.decompressed(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        byte[] swapped = HeaderBytes.swapNifti1(bytes, 13168, 1);
        // The extension's esize and ecode are in the file's byte order too.
        HeaderBytes.little(swapped).order(ByteOrder.BIG_ENDIAN).putInt(352, 12816).putInt(356, 0);
        NiftiImage big = NiftiReader.read(HeaderBytes.write(dir.resolve("seg_big.nii.gz"), HeaderBytes.gzip(swapped)));

        assertEquals(ByteOrder.BIG_ENDIAN, big.header().byteOrder());
        assertEquals(12808, big.extensions().get(0).content().length);
        assertEquals("f266b56668d97b06817a7ae88814321eb3ce32d0cc50229ad56504f2b2f4fa36",
                VolumeChecksums.sha256(big.volume()));
    }
}
