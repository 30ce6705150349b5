package dev.attest.inference.registry;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.EngineUnavailableException;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.WeightFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The user's model folder through the registry: import, list, verify, load, and the ways it goes wrong. */
class ModelRegistryTest {
    /** sha256sum of the committed fixture's models/model.ts. */
    static final String MODEL_TS_SHA256 = "fbc0bc5178abbdb060c40d1e0fc722591cbaf6294b7f93185848191a546c63e7";

    @TempDir
    Path tmp;

    /** The MONAI bundle fixture made by tools/fixtures/make_monai_bundle.py. */
    static Path bundle() throws Exception {
        return java.nio.file.Paths.get(ModelRegistryTest.class.getResource("/fixtures/monai/spleen_ct_tiny").toURI());
    }

    private ModelRegistry registry(Path userDir) {
        return new ModelRegistry(new BuiltInModels(getClass().getClassLoader(), "no/such/models/", tmp.resolve("cache")), userDir);
    }

    static float[] floats(String resource) throws IOException {
        try (InputStream in = ModelRegistryTest.class.getResourceAsStream(resource)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void importedMonaiBundleIsListedVerifiedAndRunsLikePythonTorch() throws Exception {
        Path user = tmp.resolve("models");
        try (ModelRegistry reg = registry(user)) {
            ImportResult r = reg.importModel(ModelImporter.standard(), ModelRegistryTest.bundle(), ModelImporter.Options.defaults());
            assertEquals(user.resolve("spleen_ct_tiny"), r.folder());
            assertEquals("MONAI bundle", r.sourceKind());
            assertEquals(MODEL_TS_SHA256, r.manifest().sha256());
            assertEquals(ManifestJson.read(user.resolve("spleen_ct_tiny/manifest.json")), r.manifest());
            assertEquals(MODEL_TS_SHA256, sha256(user.resolve("spleen_ct_tiny/models/model.ts")));
            for (String kept : List.of("LICENSE", "configs/metadata.json", "configs/inference.json", "docs/README.md")) {
                assertEquals(sha256(ModelRegistryTest.bundle().resolve(kept)), sha256(r.folder().resolve(kept)), kept);
            }

            List<RegistryEntry> entries = reg.list();
            assertEquals(1, entries.size());
            RegistryEntry e = entries.get(0);
            assertEquals(RegistryEntry.ok(r.manifest(), ModelOrigin.USER, user.resolve("spleen_ct_tiny")), e);
            assertEquals(ModelStatus.AVAILABLE, reg.status(e));
            assertEquals(user.resolve("spleen_ct_tiny"), reg.verify("spleen_ct_tiny"));
            assertEquals(ModelStatus.VERIFIED, reg.status(e));

            PatchPredictor p = reg.open("spleen_ct_tiny", DeviceChoice.CPU);
            FloatTensor out = p.predict(new FloatTensor(floats("/fixtures/monai/spleen_ct_tiny_input_1x1x6x7x8.f32"),
                    new long[] {1, 1, 6, 7, 8}));
            assertArrayEquals(new long[] {1, 2, 6, 7, 8}, out.shape());
            assertArrayEquals(floats("/fixtures/monai/spleen_ct_tiny_output_1x2x6x7x8.f32"), out.data(), 1e-5f);
            assertSame(p, reg.open("spleen_ct_tiny", DeviceChoice.CPU));
            assertEquals(ModelStatus.LOADED, reg.status(e));
        }
    }

    @Test
    void aChangedByteIsAMismatchNamingFileAndBothDigests() throws Exception {
        Path user = tmp.resolve("models");
        try (ModelRegistry reg = registry(user)) {
            reg.importModel(ModelImporter.standard(), ModelRegistryTest.bundle(), ModelImporter.Options.defaults());
            Path weights = user.resolve("spleen_ct_tiny/models/model.ts");
            byte[] bytes = Files.readAllBytes(weights);
            bytes[100] ^= 1;
            Files.write(weights, bytes);
            String actual = sha256(weights);
            WeightMismatchException ex = assertThrows(WeightMismatchException.class, () -> reg.verify("spleen_ct_tiny"));
            assertEquals("model spleen_ct_tiny: " + weights + " has sha256 " + actual + " but the manifest says "
                    + MODEL_TS_SHA256, ex.getMessage());
            assertEquals(weights, ex.file());
            assertEquals(MODEL_TS_SHA256, ex.expected());
            assertEquals(actual, ex.actual());
            assertEquals(ModelStatus.MISMATCH, reg.status(reg.entry("spleen_ct_tiny")));
            assertThrows(WeightMismatchException.class, () -> reg.open("spleen_ct_tiny", DeviceChoice.CPU));

            Files.delete(weights);
            assertEquals("model spleen_ct_tiny: " + weights + " is missing (manifest sha256 " + MODEL_TS_SHA256 + ")",
                    assertThrows(WeightMismatchException.class, () -> reg.verify("spleen_ct_tiny")).getMessage());
        }
    }

    @Test
    void aBadManifestIsListedAsBrokenWithoutHidingTheOthers() throws Exception {
        Path user = tmp.resolve("models");
        try (ModelRegistry reg = registry(user)) {
            reg.importModel(ModelImporter.standard(), ModelRegistryTest.bundle(), ModelImporter.Options.defaults());
            Path bad = Files.createDirectories(user.resolve("a-bad"));
            Files.writeString(bad.resolve("manifest.json"), "{\"id\": \"a-bad\", \"format\": \"torchscript\", \"weights\": \"x.pt\"");
            Path empty = Files.createDirectories(user.resolve("b-empty"));
            Path escape = Files.createDirectories(user.resolve("c-escape"));
            ModelManifest ok = ManifestJson.read(user.resolve("spleen_ct_tiny/manifest.json"));
            ManifestJson.write(new ModelManifest("c-escape", null, null, null, null, WeightFormat.ONNX, "../spleen_ct_tiny/models/model.ts",
                    MODEL_TS_SHA256, null, null, null, null), escape.resolve("manifest.json"));
            Path twin = Files.createDirectories(user.resolve("z-twin"));
            ManifestJson.write(ok, twin.resolve("manifest.json"));
            Files.createDirectories(user.resolve(".import-half-done"));

            List<RegistryEntry> entries = reg.list();
            assertEquals(List.of("a-bad", "b-empty", "c-escape", "spleen_ct_tiny", "spleen_ct_tiny"),
                    entries.stream().map(RegistryEntry::id).toList());
            assertEquals(bad.resolve("manifest.json") + ": not a valid model manifest: Unexpected end-of-input: expected close"
                    + " marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                    + " disabled); line: 1, column: 1])", entries.get(0).problem());
            assertEquals(empty.resolve("manifest.json") + " is missing", entries.get(1).problem());
            assertEquals(escape.resolve("manifest.json") + ": file path '../spleen_ct_tiny/models/model.ts' must be relative"
                    + " to the model folder, without '..'", entries.get(2).problem());
            assertEquals(null, entries.get(3).problem());
            assertEquals(twin.resolve("manifest.json") + ": id 'spleen_ct_tiny' is already used by another model",
                    entries.get(4).problem());
            assertEquals(ModelStatus.BROKEN, reg.status(entries.get(0)));
            assertEquals(user.resolve("spleen_ct_tiny"), reg.entry("spleen_ct_tiny").folder());
            assertEquals("model a-bad cannot be used: " + entries.get(0).problem(),
                    assertThrows(UnknownModelException.class, () -> reg.verify("a-bad")).getMessage());
            assertEquals("no model with id 'nope' (built-in or in " + user + ")",
                    assertThrows(UnknownModelException.class, () -> reg.open("nope", DeviceChoice.CPU)).getMessage());
        }
    }

    @Test
    void aRegisteredLoaderReplacesTheBuiltInOneForItsFormat() throws Exception {
        Path user = tmp.resolve("models");
        Path folder = Files.createDirectories(user.resolve("brain-tfjs"));
        Files.copy(ModelRegistryTest.bundle().resolve("models/model.ts"), folder.resolve("model.ts"));
        ManifestJson.write(new ModelManifest("brain-tfjs", "MeshNet stand-in", "1", null, null, WeightFormat.TFJS_MESHNET,
                "model.ts", MODEL_TS_SHA256, null, null, null, null), folder.resolve("manifest.json"));
        try (ModelRegistry reg = registry(user)) {
            Path[] seen = new Path[1];
            reg.registerLoader(WeightFormat.TFJS_MESHNET, (m, dir, device) -> {
                seen[0] = dir;
                return DjlModelPredictor.load(dir.resolve(m.weights()), EngineKind.PYTORCH, device);
            });
            PatchPredictor p = reg.open("brain-tfjs", DeviceChoice.CPU);
            assertEquals(folder, seen[0]);
            FloatTensor out = p.predict(new FloatTensor(floats("/fixtures/monai/spleen_ct_tiny_input_1x1x6x7x8.f32"),
                    new long[] {1, 1, 6, 7, 8}));
            assertArrayEquals(floats("/fixtures/monai/spleen_ct_tiny_output_1x2x6x7x8.f32"), out.data(), 1e-5f);
        }
    }
}
