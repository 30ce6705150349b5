package dev.attest.app.cli;

import dev.attest.app.ModelFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static dev.attest.app.cli.CliTest.attest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code attest models} in-process on a config folder of its own: import the tiny MONAI bundle
 * (tools/fixtures/make_monai_bundle.py), list it, verify it, change one byte and verify again.
 */
class ModelsCommandTest {
    /** The inference module's fixture, read in place (Surefire runs in the module folder). */
    static final Path BUNDLE = Path.of("../inference/src/test/resources/fixtures/monai/spleen_ct_tiny").toAbsolutePath().normalize();
    /** sha256sum of the committed fixture's models/model.ts. */
    static final String MODEL_TS_SHA256 = "fbc0bc5178abbdb060c40d1e0fc722591cbaf6294b7f93185848191a546c63e7";

    @TempDir
    Path tmp;
    private ModelFolders folders;

    @BeforeEach
    void ownConfigFolder() {
        folders = ModelFolders.under(tmp);
    }

    @AfterEach
    void restore() {
        folders.close();
    }


    /** The cells of the table row for an id (cells are separated by two or more spaces). */
    private static List<String> row(String table, String id) {
        return table.lines().filter(l -> l.startsWith(id + " ")).map(l -> Arrays.asList(l.split(" {2,}"))).findFirst().orElseThrow();
    }

    @Test
    void importListVerifyThenACorruptedByteFailsVerification() throws Exception {
        Path user = tmp.resolve("config/models");
        Path model = user.resolve("spleen_ct_tiny");

        CliTest.Run imported = attest("models", "import", BUNDLE.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("Imported spleen_ct_tiny (MONAI bundle) into " + model + "\n", imported.out());

        CliTest.Run list = attest("models", "list");
        assertEquals(0, list.exit(), list.err());
        assertEquals(List.of("ID", "NAME", "VERSION", "TASK", "ENGINE", "ORIGIN", "STATUS"),
                Arrays.asList(list.out().lines().findFirst().orElseThrow().split(" {2,}")));
        assertEquals(List.of("spleen_ct_tiny", "Spleen CT segmentation (tiny test model)", "0.1.0", "segmentation", "pytorch",
                "user", "available"), row(list.out(), "spleen_ct_tiny"));

        CliTest.Run json = attest("models", "list", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode entry = null;
        for (JsonNode n : new ObjectMapper().readTree(json.out())) {
            if (n.get("id").asText().equals("spleen_ct_tiny")) {
                entry = n;
            }
        }
        assertEquals("{\"id\":\"spleen_ct_tiny\",\"name\":\"Spleen CT segmentation (tiny test model)\",\"version\":\"0.1.0\","
                + "\"task\":\"segmentation\",\"engine\":\"pytorch\",\"format\":\"torchscript\",\"sha256\":\"" + MODEL_TS_SHA256
                + "\",\"origin\":\"user\",\"status\":\"available\",\"folder\":" + new ObjectMapper().writeValueAsString(model.toString())
                + "}", String.valueOf(entry));

        CliTest.Run ok = attest("models", "verify", "spleen_ct_tiny");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("spleen_ct_tiny: ok (1 file(s))\n", ok.out());

        Path weights = model.resolve("models/model.ts");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[2000] ^= 0x10;
        Files.write(weights, bytes);
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        CliTest.Run bad = attest("models", "verify", "spleen_ct_tiny");
        assertEquals(1, bad.exit());
        assertEquals("", bad.out());
        assertEquals("attest: model spleen_ct_tiny: " + weights + " has sha256 " + actual + " but the manifest says "
                + MODEL_TS_SHA256 + "\n", bad.err());

        CliTest.Run again = attest("models", "import", BUNDLE.toString());
        assertEquals(1, again.exit());
        assertEquals("attest: " + BUNDLE + ": a model with id 'spleen_ct_tiny' already exists in " + model
                + "; ask to replace it or choose another id\n", again.err());
        CliTest.Run replaced = attest("models", "import", BUNDLE.toString(), "--replace");
        assertEquals(0, replaced.exit(), replaced.err());
        assertEquals(0, attest("models", "verify", "spleen_ct_tiny").exit());
    }

    @Test
    void aBrokenManifestIsListedWithItsReasonAndFailsVerification() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("config/models/half"));
        Files.writeString(broken.resolve("manifest.json"), "{\"id\": \"half\", \"format\": \"onnx\"}");
        CliTest.Run list = attest("models", "list");
        assertEquals(0, list.exit(), list.err());
        assertEquals(List.of("half", "-", "-", "-", "-", "user", "broken"), row(list.out(), "half"));
        assertEquals(true, list.out().endsWith("half: " + broken.resolve("manifest.json") + ": no weights file\n"), list.out());
        CliTest.Run verify = attest("models", "verify");
        assertEquals(1, verify.exit());
        assertEquals("attest: model half is broken: " + broken.resolve("manifest.json") + ": no weights file\n", verify.err());
    }
}
