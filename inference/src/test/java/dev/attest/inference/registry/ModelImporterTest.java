package dev.attest.inference.registry;

import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.WeightFormat;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.meshnet.MeshNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.attest.inference.registry.ModelRegistryTest.MODEL_TS_SHA256;
import static dev.attest.inference.registry.ModelRegistryTest.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing folders of each kind into the user's model folder, and refusing what must not be imported. */
class ModelImporterTest {
    @TempDir
    Path tmp;

    @Test
    void refusesAnExistingIdUnlessReplacingAndThenReplacesWholly() throws Exception {
        Path user = tmp.resolve("models");
        ModelImporter importer = ModelImporter.standard();
        importer.importModel(ModelRegistryTest.bundle(), user);
        Path stray = Files.writeString(user.resolve("spleen_ct_tiny/stray.txt"), "left from before");
        ImportException e = assertThrows(ImportException.class, () -> importer.importModel(ModelRegistryTest.bundle(), user));
        assertEquals(ModelRegistryTest.bundle() + ": a model with id 'spleen_ct_tiny' already exists in "
                + user.resolve("spleen_ct_tiny") + "; ask to replace it or choose another id", e.getMessage());
        importer.importModel(ModelRegistryTest.bundle(), user, new ModelImporter.Options(null, true), java.util.Set.of());
        assertEquals(false, Files.exists(stray));
        assertEquals(List.of("spleen_ct_tiny"), Files.list(user).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void importsAnAttestFolderWithSeveralFilesCheckingTheDeclaredDigests() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/shards"));
        Path folder = tmp.resolve("src");
        Files.writeString(folder.resolve("model.json"), "{\"format\": \"layers-model\"}");
        Files.write(src.resolve("group1-shard1of2.bin"), new byte[] {1, 2, 3});
        Files.write(src.resolve("group1-shard2of2.bin"), new byte[] {4, 5});
        ModelManifest declared = new ModelManifest("mesh-demo", "Mesh demo", "2", ModelTask.SEGMENTATION, "pytorch",
                WeightFormat.TFJS_MESHNET, "model.json", null, null, null, "MIT", null,
                List.of(new ModelFile("shards/group1-shard1of2.bin", sha256(src.resolve("group1-shard1of2.bin"))),
                        new ModelFile("shards/group1-shard2of2.bin", null)));
        ManifestJson.write(declared, folder.resolve("manifest.json"));
        Path user = tmp.resolve("models");
        ImportResult r = ModelImporter.standard().importModel(folder, user);
        assertEquals("Attest model folder", r.sourceKind());
        ModelManifest expected = declared.withDigests(sha256(folder.resolve("model.json")),
                List.of(new ModelFile("shards/group1-shard1of2.bin", sha256(src.resolve("group1-shard1of2.bin"))),
                        new ModelFile("shards/group1-shard2of2.bin", sha256(src.resolve("group1-shard2of2.bin")))));
        assertEquals(expected, r.manifest());
        assertEquals(expected, ManifestJson.read(user.resolve("mesh-demo/manifest.json")));
        assertEquals(sha256(src.resolve("group1-shard2of2.bin")), sha256(user.resolve("mesh-demo/shards/group1-shard2of2.bin")));

        Files.write(src.resolve("group1-shard1of2.bin"), new byte[] {1, 2, 4});
        WeightMismatchException e = assertThrows(WeightMismatchException.class, () -> ModelImporter.standard()
                .importModel(folder, tmp.resolve("other")));
        assertEquals(folder.resolve("shards/group1-shard1of2.bin"), e.file());
        assertEquals(List.of(), Files.list(tmp.resolve("other")).toList());
    }

    @Test
    void importsARealBrainchopFolderThatTheRegistryThenRunsAsAMeshNet() throws Exception {
        Path source = Path.of(System.getProperty("attest.data", "../../shared/data"), "models/brainchop/model5_gw_ae");
        Path user = tmp.resolve("user");
        ImportResult result = ModelImporter.standard().importModel(source, user);
        ModelManifest m = result.manifest();
        assertEquals("brainchop-model5_gw_ae", m.id());
        assertEquals(WeightFormat.TFJS_MESHNET, m.format());
        assertEquals(List.of("background", "White Matter", "Grey Matter"),
                m.outputs().get(0).labels().stream().map(l -> l.name()).toList());
        assertEquals(sha256(source.resolve("model.json")), m.sha256());
        assertEquals(List.of(new ModelFile("group1-shard1of1.bin", sha256(source.resolve("group1-shard1of1.bin")))), m.files());
        try (ModelRegistry reg = new ModelRegistry(new BuiltInModels(getClass().getClassLoader(), "no/such/root",
                tmp.resolve("cache")), user)) {
            reg.verify(m.id());
            PatchPredictor p = reg.open(m.id(), DeviceChoice.CPU);
            assertEquals(MeshNet.class, p.getClass());
            assertEquals(3, ((MeshNet) p).classes());
        }
    }

    @Test
    void aBrokenTfjsFolderIsRefusedNamingTheMissingShard() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("brainchop"));
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"layers-model\", \"modelTopology\": {},"
                + " \"weightsManifest\": [{\"paths\": [\"group1-shard1of1.bin\"], \"weights\": []}]}");
        assertEquals(true, TfjsModelSource.isTfjsLayersModel(dir));
        RuntimeException e = assertThrows(RuntimeException.class, () -> ModelImporter.standard().importModel(dir, tmp.resolve("m")));
        assertTrue(e.getMessage().startsWith(dir.resolve("model.json").toString()), e.getMessage());
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"graph-model\"}");
        assertEquals(dir + ": not a model folder: expected manifest.json, a MONAI bundle (configs/metadata.json and"
                + " models/model.ts) or a TF.js model.json",
                assertThrows(ImportException.class, () -> ModelImporter.standard().importModel(dir, tmp.resolve("m"))).getMessage());
    }
}
