package dev.attest.inference.registry;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.WeightFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static dev.attest.inference.registry.ModelRegistryTest.MODEL_TS_SHA256;
import static dev.attest.inference.registry.ModelRegistryTest.floats;
import static dev.attest.inference.registry.ModelRegistryTest.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Built-in models read from a classpath (here a folder on a class loader of its own, laid out as
 * Attest's jar lays them out), extracted to the cache on first use and re-extracted when changed.
 */
class BuiltInModelsTest {
    @TempDir
    Path tmp;

    private static final ModelManifest DEMO = new ModelManifest("demo-seg", "Demo", "1", ModelTask.SEGMENTATION, "pytorch",
            WeightFormat.TORCHSCRIPT, "weights/model.ts", MODEL_TS_SHA256, null, null, "Apache-2.0", null);

    /** A class-path folder with index.txt, one good model, one whose manifest is bad, and one without a manifest. */
    private ClassLoader classpath() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("cp/dev/attest/models"));
        Files.writeString(root.resolve("index.txt"), "# Attest's own models\ndemo-seg\nbad-one   # not finished\n\nghost\n");
        Path demo = Files.createDirectories(root.resolve("demo-seg/weights"));
        Files.copy(ModelRegistryTest.bundle().resolve("models/model.ts"), demo.resolve("model.ts"));
        ManifestJson.write(DEMO, root.resolve("demo-seg/manifest.json"));
        Files.createDirectories(root.resolve("bad-one"));
        Files.writeString(root.resolve("bad-one/manifest.json"), "{\"id\": \"bad-one\", \"format\": \"torchscript\"}");
        return new URLClassLoader(new URL[] {tmp.resolve("cp").toUri().toURL()}, null);
    }

    @Test
    void listsTheIndexWithoutExtractingAndExtractsOnFirstVerify() throws Exception {
        Path cache = tmp.resolve("cache");
        try (ModelRegistry reg = new ModelRegistry(new BuiltInModels(classpath(), BuiltInModels.DEFAULT_ROOT, cache),
                tmp.resolve("user"))) {
            List<RegistryEntry> entries = reg.list();
            assertEquals(List.of(RegistryEntry.ok(DEMO, ModelOrigin.BUILT_IN, cache.resolve("demo-seg")),
                    RegistryEntry.broken("bad-one", ModelOrigin.BUILT_IN, cache.resolve("bad-one"), "no weights file"),
                    RegistryEntry.broken("ghost", ModelOrigin.BUILT_IN, cache.resolve("ghost"),
                            "dev/attest/models/ghost/manifest.json is not on the classpath")), entries);
            assertEquals(false, Files.exists(cache));

            assertEquals(cache.resolve("demo-seg"), reg.verify("demo-seg"));
            Path weights = cache.resolve("demo-seg/weights/model.ts");
            assertEquals(MODEL_TS_SHA256, sha256(weights));
            assertEquals(DEMO, ManifestJson.read(cache.resolve("demo-seg/manifest.json")));
            assertEquals(List.of("manifest.json", "weights"), Files.list(cache.resolve("demo-seg")).map(p -> p.getFileName().toString())
                    .sorted().toList());

            // An intact cached file is kept as it is; a changed one is extracted again.
            FileTime old = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(weights, old);
            reg.verify("demo-seg");
            assertEquals(old, Files.getLastModifiedTime(weights));
            byte[] bytes = Files.readAllBytes(weights);
            bytes[0] ^= 1;
            Files.write(weights, bytes);
            reg.verify("demo-seg");
            assertEquals(MODEL_TS_SHA256, sha256(weights));

            FloatTensor out = reg.open("demo-seg", DeviceChoice.CPU).predict(new FloatTensor(
                    floats("/fixtures/monai/spleen_ct_tiny_input_1x1x6x7x8.f32"), new long[] {1, 1, 6, 7, 8}));
            assertArrayEquals(floats("/fixtures/monai/spleen_ct_tiny_output_1x2x6x7x8.f32"), out.data(), 1e-5f);
        }
    }

    @Test
    void aShippedFileThatDoesNotMatchItsManifestIsNeverExtracted() throws Exception {
        ClassLoader cp = classpath();
        Path shipped = tmp.resolve("cp/dev/attest/models/demo-seg/weights/model.ts");
        byte[] bytes = Files.readAllBytes(shipped);
        bytes[10] ^= 1;
        Files.write(shipped, bytes);
        Path cache = tmp.resolve("cache");
        try (ModelRegistry reg = new ModelRegistry(new BuiltInModels(cp, BuiltInModels.DEFAULT_ROOT, cache), tmp.resolve("user"))) {
            WeightMismatchException e = assertThrows(WeightMismatchException.class, () -> reg.verify("demo-seg"));
            assertEquals("model demo-seg: dev/attest/models/demo-seg/weights/model.ts has sha256 " + sha256(shipped)
                    + " but the manifest says " + MODEL_TS_SHA256, e.getMessage());
            assertEquals(List.of(), Files.list(cache.resolve("demo-seg/weights")).toList());
        }
    }

    @Test
    void aUserModelCannotTakeABuiltInId() throws Exception {
        Path user = tmp.resolve("user");
        try (ModelRegistry reg = new ModelRegistry(new BuiltInModels(classpath(), BuiltInModels.DEFAULT_ROOT, tmp.resolve("cache")),
                user)) {
            ImportException e = assertThrows(ImportException.class, () -> reg.importModel(ModelImporter.standard(),
                    ModelRegistryTest.bundle(), new ModelImporter.Options("demo-seg", false)));
            assertEquals(ModelRegistryTest.bundle() + ": id 'demo-seg' belongs to a built-in model; choose another id", e.getMessage());
            Path copy = Files.createDirectories(user.resolve("copy"));
            ManifestJson.write(DEMO, copy.resolve("manifest.json"));
            RegistryEntry last = reg.list().get(3);
            assertEquals(RegistryEntry.broken("demo-seg", ModelOrigin.USER, copy,
                    copy.resolve("manifest.json") + ": id 'demo-seg' is already used by another model"), last);
        }
    }
}
