package dev.attest.inference.grounding;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.BoxCoordinates;
import dev.attest.inference.manifest.BoxDecoding;
import dev.attest.inference.manifest.SliceInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Boxes from network coordinates to slice index coordinates and patient LPS corners, worked out by hand. */
class BoxDecoderTest {

    static final SliceInput NETWORK = new SliceInput(32, 24, null, null);

    /** Axial 40 x 30 slice, spacing 0.5 x 2.0 mm, thickness 3 mm, first pixel centre at (10, -20, 30). */
    static final ImageGrid AXIAL = new ImageGrid(40, 30, 1, Affine.fromColumns(new Vec3(0.5, 0, 0), new Vec3(0, 2.0, 0),
            new Vec3(0, 0, 3.0), new Vec3(10, -20, 30)));

    /** Coronal 40 x 30 slice: +i towards the patient's right (-x), +j towards the feet (-z), 0.8 x 2.5 mm. */
    static final ImageGrid CORONAL = new ImageGrid(40, 30, 1, Affine.fromColumns(new Vec3(-0.8, 0, 0), new Vec3(0, 0, -2.5),
            new Vec3(0, 1.5, 0), new Vec3(100, 50, -40)));

    private static FloatTensor boxes(float... xyxy) {
        return new FloatTensor(xyxy, new long[] {1, xyxy.length / 4, 4});
    }

    private static FloatTensor scores(float... s) {
        return new FloatTensor(s, new long[] {1, s.length});
    }

    @Test
    void networkPixelBoxMapsToSliceIndicesAndAxialPatientCorners() {
        // x: 8 px of 32 is 10 slice pixels of 40 from the left edge at -0.5, so 9.5; y: 6 of 24 is 7.5 of 30, so 7.0.
        List<GroundedBox> out = BoxDecoder.decode(boxes(8, 6, 16, 12), scores(0.9f), false,
                new BoxDecoding(BoxCoordinates.PIXEL, 0.5, 0), NETWORK, AXIAL);
        assertEquals(1, out.size());
        GroundedBox b = out.get(0);
        assertEquals(new SliceBox(9.5, 7.0, 19.5, 14.5), b.slice());
        assertCorners(List.of(new Vec3(14.75, -6, 30), new Vec3(19.75, -6, 30), new Vec3(19.75, 9, 30), new Vec3(14.75, 9, 30)),
                b.cornersLps());
        assertEquals(0.9f, b.score(), 0);
    }

    @Test
    void normalisedBoxMapsToCoronalPatientCorners() {
        List<GroundedBox> out = BoxDecoder.decode(boxes(0.25f, 0.5f, 0.75f, 1.0f), scores(0f), true,
                new BoxDecoding(BoxCoordinates.NORMALISED, 0.5, 0), NETWORK, CORONAL);
        GroundedBox b = out.get(0);
        assertEquals(0.5, b.score(), 0, "sigmoid(0)");
        assertEquals(new SliceBox(9.5, 14.5, 29.5, 29.5), b.slice());
        // i -> x = 100 - 0.8 i; j -> z = -40 - 2.5 j; y stays 50 on this slice.
        assertCorners(List.of(new Vec3(92.4, 50, -76.25), new Vec3(76.4, 50, -76.25), new Vec3(76.4, 50, -113.75),
                new Vec3(92.4, 50, -113.75)), b.cornersLps());
        assertEquals(new Vec3(84.4, 50, -95), b.slice().centreLps(CORONAL));
    }

    @Test
    void thresholdOrderAndTopKFollowTheManifest() {
        FloatTensor four = boxes(0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1);
        FloatTensor s = scores(0.2f, 0.9f, 0.5f, 0.9f);
        List<GroundedBox> top2 = BoxDecoder.decode(four, s, false, new BoxDecoding(BoxCoordinates.NORMALISED, 0.5, 2), NETWORK, AXIAL);
        assertEquals(List.of(1, 3), top2.stream().map(GroundedBox::index).toList(), "ties keep the model's order");
        List<GroundedBox> all = BoxDecoder.decode(four, s, false, new BoxDecoding(BoxCoordinates.NORMALISED, 0.5, 0), NETWORK, AXIAL);
        assertEquals(List.of(1, 3, 2), all.stream().map(GroundedBox::index).toList(), "0.5 is at the threshold, so kept");
        assertEquals(new SliceBox(-0.5, -0.5, 39.5, 29.5), all.get(0).slice(), "a unit box is the whole slice");
    }

    @Test
    void outputsOfTheWrongShapeAreRefusedInWords() {
        BoxDecoding d = new BoxDecoding(BoxCoordinates.NORMALISED, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxDecoder.decode(
                new FloatTensor(new float[5], new long[] {1, 1, 5}), scores(1), false, d, NETWORK, AXIAL));
        assertEquals("boxes output must be [1, N, 4], got [1, 1, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxDecoder.decode(boxes(0, 0, 1, 1), scores(1, 2), false, d,
                NETWORK, AXIAL));
        assertEquals("scores output must be [1, 1] for 1 boxes, got [1, 2]", e.getMessage());
    }

    @Test
    void heatMapRegionIsTheBoxAroundPixelsAtOrAboveTheThreshold() {
        ImageGrid g = new ImageGrid(4, 3, 1, Affine.identity());
        float[] v = {0, 0, 0, 0,
                     0, 0.7f, 0.9f, 0,
                     0, 0, 0.5f, 0};
        GroundingHeatMap h = new GroundingHeatMap(g, v, 0.5);
        assertEquals(new SliceBox(0.5, 0.5, 2.5, 2.5), h.region());
        assertEquals(new GroundingHeatMap.Peak(2, 1, 0.9f, new Vec3(2, 1, 0)), h.peak());
        assertNull(new GroundingHeatMap(g, v, 0.95).region());
    }

    private static void assertCorners(List<Vec3> expected, List<Vec3> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            assertEquals(0, expected.get(c).distance(actual.get(c)), 1e-12, "corner " + c + ": " + actual.get(c));
        }
    }
}
