package dev.attest.core.labels;

import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Label names and colours from the TotalSegmentator Caret XML extension (reference values read
 * with nibabel: 117 labels, 1 = spleen (0, 1, 0), 51 = heart (1, 1, 0), 117 = costal_cartilages
 * (0, 0.50196, 1)) and the ITK-SNAP description format.
 */
class LabelDescriptionsTest {
    @Test
    void readsTheTotalSegmentatorLabelTableFromItsNiftiExtension() throws IOException {
        LabelDescriptions labels = LabelDescriptions.fromNifti(
                NiftiReader.read(TestData.nifti("totalsegmentator_example_seg_dicom.nii.gz")));
        assertEquals(117, labels.all().size());
        assertEquals(new LabelDescription(1, "spleen", 0x00FF00), labels.get(1).orElseThrow());
        assertEquals(new LabelDescription(5, "liver", 0x00FFFF), labels.get(5).orElseThrow());
        assertEquals(new LabelDescription(51, "heart", 0xFFFF00), labels.get(51).orElseThrow());
        assertEquals(new LabelDescription(117, "costal_cartilages", 0x0080FF), labels.get(117).orElseThrow());
    }

    @Test
    void aNiftiWithoutExtensionHasNoDescriptions() throws IOException {
        assertTrue(LabelDescriptions.fromNifti(NiftiReader.read(TestData.nifti("totalsegmentator_example_ct_sm.nii.gz"))).isEmpty());
    }

    @Test
    void itkSnapFileRoundTripsNamesAndColours(@TempDir Path dir) throws IOException {
        LabelDescriptions written = new LabelDescriptions(List.of(new LabelDescription(1, "liver", 0xB5472F),
                new LabelDescription(12, "left \"kidney\"", 0x010203, false)));
        Path file = dir.resolve("case.labels.txt");
        written.writeItkSnap(file);
        String text = Files.readString(file);
        assertTrue(text.contains("    1   181   71   47     1  1  1    \"liver\""), text);
        LabelDescriptions read = LabelDescriptions.readItkSnap(file);
        assertTrue(text.contains("   12     1    2    3     1  0  1    \"left 'kidney'\""), text);
        assertEquals(List.of(new LabelDescription(1, "liver", 0xB5472F), new LabelDescription(12, "left 'kidney'", 0x010203, false)),
                read.all());
    }

    @Test
    void aBadItkSnapLineIsATypedErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.labels.txt");
        Files.writeString(file, "# header\n1 255 0 0 1 1 1 \"a\"\n2 300 0 0 1 1 1 \"b\"\n");
        LabelFormatException e = assertThrows(LabelFormatException.class, () -> LabelDescriptions.readItkSnap(file));
        assertEquals(file + ": line 3: colour 300 outside 0..255", e.getMessage());
    }

    @Test
    void sidecarSitsBesideTheLabelMap() {
        assertEquals(Path.of("/d/seg.labels.txt"), LabelDescriptions.sidecarOf(Path.of("/d/seg.nii.gz")));
        assertEquals(Path.of("/d/seg.labels.txt"), LabelDescriptions.sidecarOf(Path.of("/d/seg.nii")));
    }
}
