package dev.attest.inference.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.Vec3;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.LongTensor;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.SliceInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The tiny grounding model as TorchScript and as ONNX gives Python torch's outputs for every reference
 * phrase, raw and decoded: heat map on the slice, its peak and region, and the kept boxes in slice index
 * coordinates and patient LPS corners on the fixture's rotated slice (make_grounding_fixture.py).
 */
class PhraseGroundingModelTest {

    @ParameterizedTest
    @CsvSource({"tiny-grounding-ts, tiny_grounding.pt, PYTORCH", "tiny-grounding-onnx, tiny_grounding.onnx, ONNXRUNTIME"})
    void rawOutputsEqualPythonTorch(String folder, String weights, EngineKind kind) throws Exception {
        JsonNode ref = GroundingFixtures.reference();
        FloatTensor image = new FloatTensor(GroundingFixtures.floats("input_1x3x24x32.f32"), new long[] {1, 3, 24, 32});
        try (DjlModelPredictor p = DjlModelPredictor.load(GroundingFixtures.path(folder + "/" + weights), kind, DeviceChoice.CPU)) {
            int n = 0;
            for (JsonNode phrase : ref.get("phrases")) {
                long[] shape = {1, 12};
                List<FloatTensor> out = p.predictAll(List.of(image, new LongTensor(GroundingFixtures.longs(phrase.get("ids")), shape),
                        new LongTensor(GroundingFixtures.longs(phrase.get("attentionMask")), shape)));
                assertEquals(3, out.size());
                assertArrayEquals(new long[] {1, 1, 12, 16}, out.get(0).shape());
                assertArrayEquals(GroundingFixtures.floats("phrase" + n + "_heatmap_1x1x12x16.f32"), out.get(0).data(), 1e-5f);
                float[] boxes = new float[12];
                for (int k = 0; k < 3; k++) {
                    for (int c = 0; c < 4; c++) {
                        boxes[4 * k + c] = (float) phrase.get("rawBoxes").get(k).get(c).asDouble();
                    }
                }
                assertArrayEquals(new long[] {1, 3, 4}, out.get(1).shape());
                assertArrayEquals(boxes, out.get(1).data(), 1e-5f);
                assertArrayEquals(new long[] {1, 3}, out.get(2).shape());
                assertArrayEquals(GroundingFixtures.floatsOf(phrase.get("rawScores")), out.get(2).data(), 1e-5f);
                n++;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"tiny-grounding-ts", "tiny-grounding-onnx"})
    void groundedPhrasesEqualThePythonDecoding(String folder) throws Exception {
        JsonNode ref = GroundingFixtures.reference();
        SliceImage slice = GroundingFixtures.slice(ref);
        Path manifestFile = GroundingFixtures.path(folder + "/manifest.json");
        ModelManifest manifest = ManifestJson.read(manifestFile);
        try (PhraseGroundingModel model = PhraseGroundingModel.open(manifestFile, DeviceChoice.CPU)) {
            int n = 0;
            for (JsonNode p : ref.get("phrases")) {
                String phrase = p.get("phrase").asText();
                GroundingOutput out = model.ground(slice, phrase);
                assertEquals(phrase, out.phrase());
                assertArrayEquals(GroundingFixtures.longs(p.get("ids")), out.tokens().ids(), phrase);

                GroundingHeatMap heat = out.heatMap();
                assertEquals(slice.grid(), heat.grid());
                assertArrayEquals(GroundingFixtures.floats("phrase" + n + "_heatmap_on_slice_30x40.f32"), heat.values(), 1e-5f, phrase);
                assertEquals(p.get("peak").get(0).asInt(), heat.peak().i(), phrase);
                assertEquals(p.get("peak").get(1).asInt(), heat.peak().j(), phrase);
                assertEquals(p.get("peakValue").asDouble(), heat.peak().value(), 1e-5, phrase);
                if (p.get("region").isNull()) {
                    assertNull(heat.region(), phrase);
                } else {
                    JsonNode r = p.get("region");
                    assertEquals(new SliceBox(r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()),
                            heat.region(), phrase);
                }

                JsonNode boxes = p.get("boxes");
                assertEquals(boxes.size(), out.boxes().size(), phrase);
                for (int k = 0; k < boxes.size(); k++) {
                    JsonNode e = boxes.get(k);
                    GroundedBox b = out.boxes().get(k);
                    assertEquals(e.get("index").asInt(), b.index(), phrase);
                    assertEquals(e.get("score").asDouble(), b.score(), 1e-5, phrase);
                    // Normalised coordinates are multiplied by 40 and 30 pixels: 1e-5 becomes 4e-4.
                    assertEquals(e.get("slice").get(0).asDouble(), b.slice().x0(), 4e-4, phrase);
                    assertEquals(e.get("slice").get(1).asDouble(), b.slice().y0(), 4e-4, phrase);
                    assertEquals(e.get("slice").get(2).asDouble(), b.slice().x1(), 4e-4, phrase);
                    assertEquals(e.get("slice").get(3).asDouble(), b.slice().y1(), 4e-4, phrase);
                    for (int c = 0; c < 4; c++) {
                        JsonNode v = e.get("cornersLps").get(c);
                        Vec3 expected = new Vec3(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble());
                        assertEquals(0, expected.distance(b.cornersLps().get(c)), 4e-4, phrase + " corner " + c);
                    }
                }

                assertEquals(manifest.id(), out.provenance().modelId());
                assertEquals(manifest.sha256(), out.provenance().sha256());
                assertEquals(phrase, out.provenance().parameters().get("phrase"));
                assertEquals(manifest.allFiles().get(1).sha256(), out.provenance().parameters().get("tokenizerSha256"));
                assertEquals(2, out.provenance().parameters().get("topK"));
                n++;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"tiny-grounding-ts", "tiny-grounding-onnx"})
    void theHeatMapFollowsTheTextAndTheImage(String folder) throws Exception {
        // Guards against a model path that ignores one of its inputs: the references differ per phrase,
        // and a blank slice gives another map than the fixture slice for the same phrase.
        JsonNode ref = GroundingFixtures.reference();
        SliceImage slice = GroundingFixtures.slice(ref);
        try (PhraseGroundingModel model = PhraseGroundingModel.open(GroundingFixtures.path(folder + "/manifest.json"))) {
            float[] a = model.ground(slice, ref.get("phrases").get(0).get("phrase").asText()).heatMap().values();
            float[] b = model.ground(slice, ref.get("phrases").get(1).get("phrase").asText()).heatMap().values();
            SliceImage blank = new SliceImage(slice.grid(), new float[slice.values().length]);
            float[] c = model.ground(blank, ref.get("phrases").get(0).get("phrase").asText()).heatMap().values();
            assertEquals(true, maxDifference(a, b) > 0.1, "phrase changes the map");
            assertEquals(true, maxDifference(a, c) > 0.1, "image changes the map");
            assertEquals(new SliceInput(32, 24, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225)),
                    model.manifest().grounding().image());
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
