package dev.attest.annotation.metrics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.TestVolumes;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published worked examples of SCORING.md (from DeepMind's surface-distance README and tests), reproduced
 * to the printed precision, plus the empty-mask conventions and the refusals.
 */
class SegmentationMetricsTest {

    @Test
    void singlePixelsTwoMillimetresApartIn2dGiveThePublishedSurfaceDistances() {
        Volume prediction = TestVolumes.labels(100, 100, 1, 2, 1, 1);
        Volume reference = TestVolumes.labels(100, 100, 1, 2, 1, 1);
        prediction.setStored(50, 70, 0, 1);
        reference.setStored(50, 72, 0, 1);

        SegmentationReport report = SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT);

        assertTrue(report.planar());
        LabelMetrics m = report.label(1);
        assertEquals(2.0, m.hausdorff(), 1e-12);
        assertEquals(2.0, m.hausdorff95(), 1e-12);
        assertEquals(1.5, m.asdPredictionToReference(), 1e-12);
        assertEquals(1.5, m.asdReferenceToPrediction(), 1e-12);
        assertEquals(0.5, m.surfaceDice(), 1e-12);
        assertEquals(0.0, m.dice());
        assertEquals(EmptyMasks.NEITHER, m.empty());
    }

    @Test
    void singleVoxelsIn3dGiveTheSameDistancesAsDeepMindsReadmeExample() {
        // surface-distance README: voxels (50, 60, 70) and (50, 60, 72), spacing (3, 2, 1).
        Volume prediction = TestVolumes.labels(128, 128, 128, 3, 2, 1);
        Volume reference = TestVolumes.labels(128, 128, 128, 3, 2, 1);
        reference.setStored(50, 60, 70, 1);
        prediction.setStored(50, 60, 72, 1);

        LabelMetrics m = SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT).label(1);

        assertEquals(2.0, m.hausdorff(), 1e-12);
        assertEquals(1.5, m.asdPredictionToReference(), 1e-12);
        assertEquals(1.5, m.asdReferenceToPrediction(), 1e-12);
        assertEquals(0.5, m.surfaceDice(), 1e-12);
        assertEquals(0.0, m.dice());
    }

    @Test
    void slabsOneVoxelApartAlongTheCoarseAxisGiveThePublishedValues() {
        Volume prediction = TestVolumes.labels(100, 100, 100, 2, 1, 1);
        Volume reference = TestVolumes.labels(100, 100, 100, 2, 1, 1);
        fillSlab(prediction, 50);
        fillSlab(reference, 51);

        LabelMetrics m = SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT).label(1);

        assertEquals(2.0, m.hausdorff(), 1e-12);
        assertEquals(2.0, m.hausdorff95(), 1e-12);
        assertEquals(0.990, m.dice(), 5e-4);
        assertEquals(0.836, m.surfaceDice(), 5e-4);
        // Further digits from tools/reference/make_segmentation_metric_refs.py's definitions (numpy + scipy).
        assertEquals(100.0 / 101.0 * 2 / 2, m.dice(), 1e-15);
        assertEquals(0.836145008497962, m.surfaceDice(), 1e-12);
        assertEquals(0.3224470726766679, m.asdPredictionToReference(), 1e-12);
        assertEquals(0.3393962930605405, m.asdReferenceToPrediction(), 1e-12);
        assertEquals(50.0 / 51.0, m.iou(), 1e-15);
    }

    private static void fillSlab(Volume v, int xEnd) {
        for (int z = 0; z < 100; z++) {
            byte[] slice = (byte[]) v.sliceArray(z);
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < xEnd; x++) {
                    slice[y * 100 + x] = 1;
                }
            }
        }
    }

    @Test
    void aLabelInNeitherMapScoresOneForOverlapAndNaNForDistances() {
        Volume prediction = TestVolumes.labels(10, 10, 10, 1, 1, 1);
        Volume reference = TestVolumes.labels(10, 10, 10, 1, 1, 1);
        prediction.setStored(5, 5, 5, 1);
        reference.setStored(5, 5, 5, 1);

        LabelMetrics m = SegmentationMetrics.compare(prediction, reference,
                SegmentationOptions.DEFAULT.withLabels(List.of(1, 7))).label(7);

        assertEquals(EmptyMasks.BOTH, m.empty());
        assertEquals(1.0, m.dice());
        assertEquals(1.0, m.iou());
        assertEquals(1.0, m.surfaceDice());
        assertTrue(Double.isNaN(m.hausdorff()));
        assertTrue(Double.isNaN(m.hausdorff95()));
        assertTrue(Double.isNaN(m.asdPredictionToReference()));
        assertTrue(Double.isNaN(m.assd()));
        assertTrue(m.note().startsWith("both masks empty"));
    }

    @Test
    void aLabelMissingFromOneMapScoresZeroOverlapAndInfiniteDistances() {
        Volume prediction = TestVolumes.labels(10, 10, 10, 1, 1, 1);
        Volume reference = TestVolumes.labels(10, 10, 10, 1, 1, 1);
        prediction.setStored(2, 2, 2, 3);
        reference.setStored(7, 7, 7, 4);

        SegmentationReport report = SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT);

        assertEquals(List.of(3, 4), report.labels().stream().map(LabelMetrics::label).toList());
        LabelMetrics onlyPredicted = report.label(3);
        assertEquals(EmptyMasks.REFERENCE, onlyPredicted.empty());
        assertEquals(0.0, onlyPredicted.dice());
        assertEquals(0.0, onlyPredicted.surfaceDice());
        assertEquals(Double.POSITIVE_INFINITY, onlyPredicted.hausdorff());
        assertEquals(Double.POSITIVE_INFINITY, onlyPredicted.hausdorff95());
        assertEquals(Double.POSITIVE_INFINITY, onlyPredicted.asdPredictionToReference());
        assertTrue(Double.isNaN(onlyPredicted.asdReferenceToPrediction()));
        LabelMetrics onlyReferenced = report.label(4);
        assertEquals(EmptyMasks.PREDICTION, onlyReferenced.empty());
        assertEquals(Double.POSITIVE_INFINITY, onlyReferenced.asdReferenceToPrediction());
        assertTrue(Double.isNaN(onlyReferenced.asdPredictionToReference()));
    }

    @Test
    void identicalMapsScorePerfectly() throws Exception {
        Volume seg = NiftiReader.read(TestVolumes.data("nifti/totalsegmentator_example_seg.nii.gz")).volume();
        SegmentationReport report = SegmentationMetrics.compare(seg, seg, SegmentationOptions.DEFAULT);
        assertEquals(41, report.labels().size());
        for (LabelMetrics m : report.labels()) {
            assertEquals(1.0, m.dice(), "label " + m.label());
            assertEquals(0.0, m.hausdorff(), "label " + m.label());
            assertEquals(1.0, m.surfaceDice(), "label " + m.label());
        }
    }

    @Test
    void refusesMapsOnDifferentGridsNamingBoth() throws Exception {
        Volume small = NiftiReader.read(TestVolumes.data("nifti/totalsegmentator_example_seg.nii.gz")).volume();
        Volume large = NiftiReader.read(TestVolumes.data("nifti/totalsegmentator_example_seg_dicom.nii.gz")).volume();

        GridMismatchException e = assertThrows(GridMismatchException.class,
                () -> SegmentationMetrics.compare(small, large, SegmentationOptions.DEFAULT));

        assertTrue(e.getMessage().contains("totalsegmentator_example_seg.nii.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("totalsegmentator_example_seg_dicom.nii.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("122x101x30") && e.getMessage().contains("512x512x20"), e.getMessage());
    }

    @Test
    void refusesAVoxelThatHoldsNoLabel() {
        Volume prediction = TestVolumes.floats(TestVolumes.labels(4, 4, 4, 1, 1, 1));
        Volume reference = TestVolumes.labels(4, 4, 4, 1, 1, 1);
        prediction.setName("probabilities");
        prediction.setStored(1, 2, 3, -2.0);

        MetricInputException e = assertThrows(MetricInputException.class,
                () -> SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT));

        assertEquals("probabilities: voxel (1, 2, 3) holds -2, outside the labels 0 to 65535 this comparison handles",
                e.getMessage());
    }

    @Test
    void aCubeShiftedOneVoxelIsWhollyWithinOneMillimetreButNotHalfAMillimetre() {
        Volume prediction = TestVolumes.labels(20, 20, 20, 1, 1, 1);
        Volume reference = TestVolumes.labels(20, 20, 20, 1, 1, 1);
        for (int z = 5; z < 15; z++) {
            for (int y = 5; y < 15; y++) {
                for (int x = 5; x < 15; x++) {
                    reference.setStored(x, y, z, 2);
                    prediction.setStored(x + 1, y, z, 2);
                }
            }
        }
        LabelMetrics within = SegmentationMetrics.compare(prediction, reference, SegmentationOptions.DEFAULT).label(2);
        LabelMetrics tighter = SegmentationMetrics.compare(prediction, reference,
                SegmentationOptions.DEFAULT.withTolerance(0.5)).label(2);
        assertEquals(1.0, within.surfaceDice(), 1e-12, "every surface point is within 1 mm of the other surface");
        // At 0.5 mm, from tools/reference/make_segmentation_metric_refs.py's definitions (numpy + scipy).
        assertEquals(0.6661549216783621, tighter.surfaceDice(), 1e-12);
        assertEquals(0.33384507832163773, tighter.asdPredictionToReference(), 1e-12);
        assertEquals(1.0, within.hausdorff(), 1e-12);
        assertEquals(0.9, within.dice(), 1e-12);
    }
}
