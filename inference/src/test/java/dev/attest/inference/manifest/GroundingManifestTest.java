package dev.attest.inference.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grounding section of the manifest: the fixture's manifest (tools/fixtures/make_grounding_fixture.py)
 * reads to exact values and round-trips, manifests without it read as before, and each way a grounding
 * contract can be wrong is reported in words.
 */
class GroundingManifestTest {
    @TempDir
    Path tmp;

    static Path fixtureManifest() throws Exception {
        return Paths.get(GroundingManifestTest.class.getResource("/fixtures/grounding/tiny-grounding-ts/manifest.json").toURI());
    }

    @Test
    void fixtureManifestReadsToTheValuesItWasWrittenWith() throws Exception {
        ModelManifest m = ManifestJson.read(fixtureManifest());
        assertEquals(ModelTask.GROUNDING, m.task());
        GroundingContract g = m.grounding();
        assertEquals(new SliceInput(32, 24, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225)), g.image());
        assertEquals(new TextInput("tokenizer.json", 12, TextPadding.MAX_LENGTH, 0, true, true), g.text());
        assertEquals(new BoxDecoding(BoxCoordinates.NORMALISED, 0.45, 2), g.boxes());
        assertEquals(new HeatMapDecoding(0.8188), g.heatmap());
        assertEquals(List.of("heatmap", "boxes", "scores"), m.outputs().stream().map(OutputSpec::type).toList());
        assertEquals(3, m.input().channels());
        assertEquals(new Normalisation(Normalisation.Kind.WINDOW, -100, 300, true, false), m.input().normalisation());
        assertEquals(List.of("tiny_grounding.pt", "tokenizer.json"), m.allFiles().stream().map(ModelFile::path).toList());
        assertNull(GroundingContract.problem(m));

        Path copy = tmp.resolve("manifest.json");
        ManifestJson.write(m, copy);
        assertEquals(m, ManifestJson.read(copy));
    }

    @Test
    void manifestsWithoutAGroundingSectionReadAsBeforeAndWriteWithoutTheKey() throws Exception {
        ModelManifest demo;
        try (InputStream in = getClass().getResourceAsStream("/dev/attest/models/demo-ct-seg/manifest.json")) {
            demo = ManifestJson.read(in.readAllBytes(), Path.of("demo-ct-seg/manifest.json"));
        }
        assertNull(demo.grounding());
        assertNull(GroundingContract.problem(demo));
        assertTrue(!ManifestJson.toJson(demo).contains("grounding"));
        ModelManifest old = new ModelManifest("old", null, null, ModelTask.SEGMENTATION, null, WeightFormat.ONNX, "m.onnx",
                "ab", null, null, null, null, List.of());
        assertNull(old.grounding());
        assertEquals(old, old.withId("old").withDigests("ab", List.of()));
    }

    @Test
    void absentOptionalTextKeysTakeTheirDocumentedDefaults() throws Exception {
        ObjectNode root = fixtureJson();
        ObjectNode text = (ObjectNode) root.path("grounding").path("text");
        text.remove(List.of("padding", "padId", "attentionMask", "addSpecialTokens"));
        ModelManifest m = read(root);
        assertEquals(new TextInput("tokenizer.json", 12, TextPadding.MAX_LENGTH, 0, false, true), m.grounding().text());
    }

    @Test
    void aTokenizerNotListedInFilesIsRefusedBecauseItsDigestCannotBeChecked() throws Exception {
        ObjectNode root = fixtureJson();
        root.remove("files");
        assertEquals("tokenizer tokenizer.json is not listed in files, so its sha256 cannot be checked",
                GroundingContract.problem(read(root)));
        ((ObjectNode) root.path("grounding").path("text")).remove("tokenizer");
        assertEquals("grounding.text.tokenizer (the tokenizer.json file) is missing", GroundingContract.problem(read(root)));
    }

    @Test
    void anOutputOfAnotherKindIsRefused() throws Exception {
        ObjectNode root = fixtureJson();
        ((ObjectNode) root.withArray("outputs").get(0)).put("type", "logits");
        assertEquals("output heatmap has type 'logits'; a grounding model's outputs are heatmap, boxes and scores",
                GroundingContract.problem(read(root)));
    }

    @Test
    void boxesNeedScoresAndACoordinateConvention() throws Exception {
        ObjectNode root = fixtureJson();
        root.withArray("outputs").remove(2);
        assertEquals("outputs boxes and scores come together (one score per box)", GroundingContract.problem(read(root)));

        root = fixtureJson();
        ((ObjectNode) root.path("grounding")).remove("boxes");
        assertEquals("grounding.boxes.coordinates (NORMALISED or PIXEL) is needed with a boxes output",
                GroundingContract.problem(read(root)));

        root = fixtureJson();
        ArrayNode outputs = root.withArray("outputs");
        outputs.remove(2);
        outputs.remove(1);
        assertNull(GroundingContract.problem(read(root)), "a heat map alone is a complete grounding model");
        outputs.remove(0);
        assertEquals("a grounding model needs a heatmap output or boxes and scores outputs", GroundingContract.problem(read(root)));
    }

    @Test
    void outputActivationsAndPerChannelStatisticsAreChecked() throws Exception {
        ObjectNode root = fixtureJson();
        ((ObjectNode) root.withArray("outputs").get(0)).put("activation", "softmax");
        assertEquals("output heatmap has activation 'softmax'; sigmoid or none", GroundingContract.problem(read(root)));

        root = fixtureJson();
        ((ObjectNode) root.path("input")).put("channels", 1);
        assertEquals("grounding.image mean and std need one value per input channel (1) each, or neither",
                GroundingContract.problem(read(root)));
    }

    @Test
    void taskAndSectionMustAgree() throws Exception {
        ObjectNode root = fixtureJson();
        root.put("task", "SEGMENTATION");
        assertEquals("a grounding section needs task GROUNDING, not SEGMENTATION", GroundingContract.problem(read(root)));
        root = fixtureJson();
        root.remove("grounding");
        assertEquals("task GROUNDING needs a grounding section (image, text, outputs)", GroundingContract.problem(read(root)));
        root = fixtureJson();
        root.put("format", "TFJS_MESHNET");
        assertEquals("a grounding model must be TORCHSCRIPT or ONNX, not TFJS_MESHNET", GroundingContract.problem(read(root)));
    }

    @Test
    void impossibleValuesAreFormatErrorsNamingTheFile() throws Exception {
        ObjectNode root = fixtureJson();
        ((ObjectNode) root.path("grounding").path("text")).put("maxLength", 0);
        Path f = tmp.resolve("manifest.json");
        Files.writeString(f, root.toString());
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> ManifestJson.read(f));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().contains("text maxLength must be at least 1, got 0"), e.getMessage());
    }

    private static ObjectNode fixtureJson() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(fixtureManifest().toFile());
    }

    private ModelManifest read(ObjectNode root) throws Exception {
        return ManifestJson.read(new ObjectMapper().writeValueAsBytes(root), tmp.resolve("edited/manifest.json"));
    }
}
