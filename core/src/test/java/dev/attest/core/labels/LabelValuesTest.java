package dev.attest.core.labels;

import dev.attest.core.TestData;
import dev.attest.core.nifti.NiftiReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The labels present in the TotalSegmentator map (reference: numpy.unique of nibabel's array, 0 dropped). */
class LabelValuesTest {
    @Test
    void listsTheLabelsTheTotalSegmentatorMapHolds() throws IOException {
        List<Integer> present = LabelValues.present(NiftiReader.read(TestData.nifti("totalsegmentator_example_seg_dicom.nii.gz")).volume());
        assertEquals(31, present.size());
        assertEquals(List.of(1, 5, 6, 7, 8), present.subList(0, 5));
    }
}
