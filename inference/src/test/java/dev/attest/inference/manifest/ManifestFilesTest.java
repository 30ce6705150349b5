package dev.attest.inference.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The optional {@code files} list: old single-file manifests read and write as before, multi-file ones round-trip. */
class ManifestFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aManifestWithoutFilesReadsWithAnEmptyListAndWritesWithoutTheKey() throws Exception {
        Path f = tmp.resolve("manifest.json");
        Files.writeString(f, "{\"id\": \"old\", \"format\": \"ONNX\", \"weights\": \"m.onnx\", \"sha256\": \"ab\"}");
        ModelManifest m = ManifestJson.read(f);
        assertEquals(List.of(), m.files());
        assertEquals(List.of(new ModelFile("m.onnx", "ab")), m.allFiles());
        assertEquals("{\n  \"id\" : \"old\",\n  \"format\" : \"ONNX\",\n  \"weights\" : \"m.onnx\",\n  \"sha256\" : \"ab\",\n"
                + "  \"outputs\" : [ ]\n}", ManifestJson.toJson(m));
    }

    @Test
    void furtherFilesRoundTripAfterTheWeights() throws Exception {
        ModelManifest m = new ModelManifest("tfjs", null, null, null, null, WeightFormat.TFJS_MESHNET, "model.json", "aa",
                null, null, null, null, List.of(new ModelFile("group1-shard1of1.bin", "bb")));
        Path f = tmp.resolve("manifest.json");
        ManifestJson.write(m, f);
        assertEquals(m, ManifestJson.read(f));
        assertEquals(List.of(new ModelFile("model.json", "aa"), new ModelFile("group1-shard1of1.bin", "bb")), m.allFiles());
        assertEquals(true, Files.readString(f).contains("\"files\" : [ {\n    \"path\" : \"group1-shard1of1.bin\",\n"
                + "    \"sha256\" : \"bb\"\n  } ]"));
    }
}
