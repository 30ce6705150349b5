package dev.attest.annotation.metrics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.metrics.TestVolumes;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TotalSegmentator's real label maps against copies of themselves shifted by a few voxels, every label,
 * against numbers computed offline with numpy and scipy's exact EDT by
 * tools/reference/make_segmentation_metric_refs.py (reference/metrics/totalsegmentator_shifted.json).
 */
class TotalSegmentatorCrossCheckTest {

    @Test
    void everyLabelOfTheIsotropicMapMatchesThePythonReference() throws Exception {
        check(0);
    }

    @Test
    void everyLabelOfTheAnisotropicDicomGridMapMatchesThePythonReference() throws Exception {
        check(1);
    }

    @Test
    void theLiverOfTheIsotropicMapMatchesTheReferenceDigitForDigit() throws Exception {
        // Label 5 of example_seg shifted by (1, 0, 1) voxels of 3 mm, as printed by the reference script.
        Volume reference = NiftiReader.read(TestVolumes.data("nifti/totalsegmentator_example_seg.nii.gz")).volume();
        LabelMetrics m = SegmentationMetrics.compare(shifted(reference, 1, 0, 1), reference,
                SegmentationOptions.DEFAULT.withLabels(List.of(5))).label(5);
        JsonNode expected = labelEntry(fixture().get(0), 5);
        assertEquals(expected.get("dice").asDouble(), m.dice(), 1e-12);
        assertEquals(expected.get("hausdorff95").asDouble(), m.hausdorff95(), 1e-9);
        assertEquals(expected.get("surfaceDice").asDouble(), m.surfaceDice(), 1e-9);
    }

    private static void check(int pair) throws Exception {
        JsonNode expected = fixture().get(pair);
        Volume reference = NiftiReader.read(TestVolumes.data("nifti/" + expected.get("file").asText())).volume();
        JsonNode shift = expected.get("shift");
        Volume prediction = shifted(reference, shift.get(0).asInt(), shift.get(1).asInt(), shift.get(2).asInt());

        SegmentationReport report = SegmentationMetrics.compare(prediction, reference,
                SegmentationOptions.DEFAULT.withTolerance(expected.get("toleranceMm").asDouble()));

        for (int axis = 0; axis < 3; axis++) {
            assertEquals(expected.get("spacing").get(axis).asDouble(), report.spacingMm()[axis], 1e-6);
        }
        List<Integer> labels = new ArrayList<>();
        expected.get("labels").forEach(l -> labels.add(l.get("label").asInt()));
        assertEquals(labels, report.labels().stream().map(LabelMetrics::label).toList());
        for (JsonNode e : expected.get("labels")) {
            LabelMetrics m = report.label(e.get("label").asInt());
            String where = expected.get("file").asText() + " label " + m.label();
            assertEquals(e.get("predictionVoxels").asLong(), m.predictionVoxels(), where);
            assertEquals(e.get("referenceVoxels").asLong(), m.referenceVoxels(), where);
            assertEquals(e.get("overlapVoxels").asLong(), m.overlapVoxels(), where);
            assertEquals(e.get("dice").asDouble(), m.dice(), 1e-12, where);
            assertEquals(e.get("iou").asDouble(), m.iou(), 1e-12, where);
            if (e.has("hausdorff")) {
                // Distances differ from scipy's only in rounding (~1e-15 relative); 1e-9 mm leaves room for that.
                assertEquals(e.get("hausdorff").asDouble(), m.hausdorff(), 1e-9, where);
                assertEquals(e.get("hausdorff95").asDouble(), m.hausdorff95(), 1e-9, where);
                assertEquals(e.get("asdPredictionToReference").asDouble(), m.asdPredictionToReference(), 1e-9, where);
                assertEquals(e.get("asdReferenceToPrediction").asDouble(), m.asdReferenceToPrediction(), 1e-9, where);
                assertEquals(e.get("assd").asDouble(), m.assd(), 1e-9, where);
                assertEquals(e.get("surfaceDice").asDouble(), m.surfaceDice(), 1e-9, where);
            }
        }
    }

    private static JsonNode fixture() throws Exception {
        return new ObjectMapper().readTree(TestVolumes.resource("reference/metrics/totalsegmentator_shifted.json")
                .toFile());
    }

    private static JsonNode labelEntry(JsonNode pair, int label) {
        for (JsonNode e : pair.get("labels")) {
            if (e.get("label").asInt() == label) {
                return e;
            }
        }
        throw new AssertionError("no label " + label);
    }

    /** prediction[x, y, z] = reference[x − dx, y − dy, z − dz], zero where that falls outside. */
    static Volume shifted(Volume reference, int dx, int dy, int dz) {
        var g = reference.grid();
        Volume out = Volume.allocate(g, reference.type());
        out.setName("shifted");
        for (int z = 0; z < g.sizeZ(); z++) {
            int sz = z - dz;
            if (sz < 0 || sz >= g.sizeZ()) {
                continue;
            }
            for (int y = 0; y < g.sizeY(); y++) {
                int sy = y - dy;
                if (sy < 0 || sy >= g.sizeY()) {
                    continue;
                }
                for (int x = Math.max(0, dx); x < Math.min(g.sizeX(), g.sizeX() + dx); x++) {
                    out.setStored(x, y, z, reference.getStored(x - dx, sy, sz));
                }
            }
        }
        return out;
    }
}
