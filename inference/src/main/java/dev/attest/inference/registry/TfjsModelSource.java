package dev.attest.inference.registry;

import dev.attest.inference.meshnet.MeshNetImporter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.inference.manifest.ModelManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A brainchop TF.js layers model: {@code model.json} with {@code modelTopology} and
 * {@code weightsManifest}, its weight shards and usually {@code colormap.json}. Detection lives here;
 * the manifest comes from the MeshNet importer, passed in as {@code meshNetManifest}
 * (e.g. {@code MeshNetImporter::manifest}). Without it, such a folder is recognised and refused with
 * a clear message.
 */
public final class TfjsModelSource implements ManifestSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String kind() {
        return "brainchop TF.js model";
    }

    /** True for a folder whose model.json is a TF.js layers model (topology plus weight manifest). */
    public static boolean isTfjsLayersModel(Path dir) {
        Path file = dir.resolve("model.json");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root != null && root.has("modelTopology") && root.has("weightsManifest");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean accepts(Path dir) {
        return isTfjsLayersModel(dir);
    }

    @Override
    public ImportPlan plan(Path dir) {
        ModelManifest m = MeshNetImporter.manifest(dir);
        List<String> extras = new ArrayList<>();
        for (String name : List.of("colormap.json", "labels.json", "LICENSE")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                extras.add(name);
            }
        }
        return new ImportPlan(m, extras, List.of());
    }
}
