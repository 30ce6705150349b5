package dev.attest.inference.grounding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.registry.BuiltInModels;
import dev.attest.inference.registry.ImportResult;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.registry.ModelStatus;
import dev.attest.inference.registry.UnknownModelException;
import dev.attest.inference.registry.WeightMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a grounding model from its manifest and through the registry (import, sha256 of every file,
 * tokenizer included) and the typed errors for a manifest or folder that cannot make one.
 */
class GroundingModelLoadingTest {
    @TempDir
    Path tmp;

    /** A copy of the TorchScript fixture folder in a user model folder, so tests may damage it. */
    private Path userModel() throws Exception {
        Path src = GroundingFixtures.path(GroundingFixtures.TORCHSCRIPT);
        Path dst = tmp.resolve("models").resolve(GroundingFixtures.TORCHSCRIPT);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private ModelRegistry registry() {
        return new ModelRegistry(new BuiltInModels(getClass().getClassLoader(), "no/such/models/", tmp.resolve("cache")),
                tmp.resolve("models"));
    }

    private static ObjectNode manifestJson(Path folder) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    }

    private static void write(Path folder, ObjectNode json) throws Exception {
        Files.writeString(folder.resolve("manifest.json"), json.toPrettyString());
    }

    @Test
    void aRegisteredGroundingModelIsVerifiedAndGrounds() throws Exception {
        userModel();
        try (ModelRegistry reg = registry();
             PhraseGroundingModel m = PhraseGroundingModel.open(reg, GroundingFixtures.TORCHSCRIPT, DeviceChoice.CPU)) {
            assertEquals(ModelStatus.VERIFIED, reg.status(reg.entry(GroundingFixtures.TORCHSCRIPT)));
            var ref = GroundingFixtures.reference();
            GroundingOutput out = m.ground(GroundingFixtures.slice(ref), ref.get("phrases").get(1).get("phrase").asText());
            assertEquals(2, out.boxes().size());
            assertNull(out.heatMap().region());
        }
    }

    @Test
    void anImportedGroundingFolderKeepsItsContractAndTokenizer() throws Exception {
        try (ModelRegistry reg = registry()) {
            ImportResult r = reg.importModel(ModelImporter.standard(), GroundingFixtures.path(GroundingFixtures.ONNX),
                    ModelImporter.Options.defaults());
            assertEquals(ManifestJson.read(GroundingFixtures.path(GroundingFixtures.ONNX + "/manifest.json")), r.manifest());
            assertTrue(Files.isRegularFile(r.folder().resolve("tokenizer.json")));
            try (PhraseGroundingModel m = PhraseGroundingModel.open(reg, GroundingFixtures.ONNX, DeviceChoice.CPU)) {
                assertEquals("OnnxRuntime", m.engineInfo().engine());
                var ref = GroundingFixtures.reference();
                GroundingOutput out = m.ground(GroundingFixtures.slice(ref), ref.get("phrases").get(3).get("phrase").asText());
                assertEquals(List.of(0, 2), out.boxes().stream().map(GroundedBox::index).toList());
            }
        }
    }

    @Test
    void aChangedTokenizerIsAShaMismatchNamingIt() throws Exception {
        Path folder = userModel();
        Files.writeString(folder.resolve("tokenizer.json"), " ", StandardOpenOption.APPEND);
        try (ModelRegistry reg = registry()) {
            WeightMismatchException e = assertThrows(WeightMismatchException.class,
                    () -> PhraseGroundingModel.open(reg, GroundingFixtures.TORCHSCRIPT, DeviceChoice.CPU));
            assertEquals(folder.resolve("tokenizer.json"), e.file());
            assertEquals("ef24e17abfa98d3487dd59ba7d57dd491c6a53dc5444e4609e6c6a58041ca568", e.expected());
            assertEquals(ModelStatus.MISMATCH, reg.status(reg.entry(GroundingFixtures.TORCHSCRIPT)));
        }
        WeightMismatchException e = assertThrows(WeightMismatchException.class,
                () -> PhraseGroundingModel.open(folder.resolve("manifest.json")));
        assertEquals(folder.resolve("tokenizer.json"), e.file());
    }

    @Test
    void aMissingTokenizerFileIsReportedAsMissing() throws Exception {
        Path folder = userModel();
        Files.delete(folder.resolve("tokenizer.json"));
        WeightMismatchException e = assertThrows(WeightMismatchException.class,
                () -> PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU));
        assertEquals(folder.resolve("tokenizer.json"), e.file());
        assertNull(e.actual());
        assertTrue(e.getMessage().endsWith("tokenizer.json is missing (manifest sha256 "
                + "ef24e17abfa98d3487dd59ba7d57dd491c6a53dc5444e4609e6c6a58041ca568)"), e.getMessage());
    }

    @Test
    void aTokenizerOutsideFilesMakesTheManifestBroken() throws Exception {
        Path folder = userModel();
        ObjectNode json = manifestJson(folder);
        json.remove("files");
        write(folder, json);
        GroundingManifestException e = assertThrows(GroundingManifestException.class,
                () -> PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU));
        assertEquals(folder.resolve("manifest.json"), e.file());
        assertEquals(folder.resolve("manifest.json") + ": tokenizer tokenizer.json is not listed in files, so its sha256 "
                + "cannot be checked", e.getMessage());
        try (ModelRegistry reg = registry()) {
            assertEquals(ModelStatus.BROKEN, reg.status(reg.list().get(0)));
            UnknownModelException u = assertThrows(UnknownModelException.class,
                    () -> PhraseGroundingModel.open(reg, GroundingFixtures.TORCHSCRIPT, DeviceChoice.CPU));
            assertTrue(u.getMessage().contains("tokenizer tokenizer.json is not listed in files"), u.getMessage());
        }
    }

    @Test
    void anOutputOfTheWrongKindIsRefusedBeforeLoading() throws Exception {
        Path folder = userModel();
        ObjectNode json = manifestJson(folder);
        ((ObjectNode) json.withArray("outputs").get(0)).put("type", "probabilities");
        write(folder, json);
        GroundingManifestException e = assertThrows(GroundingManifestException.class,
                () -> PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU));
        assertEquals(folder.resolve("manifest.json") + ": output heatmap has type 'probabilities'; a grounding model's "
                + "outputs are heatmap, boxes and scores", e.getMessage());
    }

    @Test
    void aSegmentationModelIsNotAGroundingModel() throws Exception {
        Path folder = userModel();
        ObjectNode json = manifestJson(folder);
        json.put("task", "SEGMENTATION");
        json.remove("grounding");
        write(folder, json);
        GroundingManifestException e = assertThrows(GroundingManifestException.class,
                () -> PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU));
        assertEquals(folder.resolve("manifest.json") + ": model tiny-grounding-ts is a SEGMENTATION model, not a grounding model",
                e.getMessage());
    }

    @Test
    void outputsThatDoNotMatchTheManifestFailTheRunInWords() throws Exception {
        Path folder = userModel();
        var ref = GroundingFixtures.reference();
        ObjectNode json = manifestJson(folder);
        ArrayNode outputs = json.withArray("outputs");
        outputs.remove(2);
        outputs.remove(1);
        write(folder, json);
        try (PhraseGroundingModel m = PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU)) {
            InferenceException e = assertThrows(InferenceException.class, () -> m.ground(GroundingFixtures.slice(ref), "left lung"));
            assertEquals("model tiny-grounding-ts returned 3 outputs but its manifest lists 1", e.getMessage());
        }

        // Listed in the wrong order: the network's first output ([1, 1, 12, 16]) is taken for the boxes.
        json = manifestJson(GroundingFixtures.path(GroundingFixtures.TORCHSCRIPT));
        outputs = json.withArray("outputs");
        ObjectNode heat = (ObjectNode) outputs.remove(0);
        outputs.insert(1, heat);
        write(folder, json);
        try (PhraseGroundingModel m = PhraseGroundingModel.open(folder.resolve("manifest.json"), DeviceChoice.CPU)) {
            InferenceException e = assertThrows(InferenceException.class, () -> m.ground(GroundingFixtures.slice(ref), "left lung"));
            assertEquals("model tiny-grounding-ts: boxes output must be [1, N, 4], got [1, 1, 12, 16]", e.getMessage());
        }
    }
}
