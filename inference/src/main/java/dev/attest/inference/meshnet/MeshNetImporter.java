package dev.attest.inference.meshnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;

import dev.attest.inference.manifest.ModelFile;
import dev.attest.core.io.Sha256;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Describes a brainchop model folder (model.json, shards, colormap*.json) as a {@link ModelManifest}, so
 * that the registry can import it: TFJS_MESHNET weights run on the PyTorch engine, input a conformed
 * 256^3 1 mm LIA T1, brainchop's scaling for that model, labels and colours from the colormap whose label
 * count equals the model's class count.
 */
public final class MeshNetImporter {

    public static final String LICENCE = "MIT (neuroneural/brainchop, https://github.com/neuroneural/brainchop)";

    private MeshNetImporter() {
    }

    public static ModelManifest manifest(Path modelDir) {
        Path json = modelDir.resolve("model.json");
        TfjsLayersModel model = TfjsLayersModel.read(json);
        String folder = modelDir.toAbsolutePath().normalize().getFileName().toString();
        String sha = shardSha256(model);
        List<OutputLabel> labels = labels(modelDir, model.classes());
        InputContract input = new InputContract("MR", 1, new double[] {1, 1, 1}, "LIA", "zyx",
                BrainchopScaling.forModel(folder), new int[] {256, 256, 256}, 0, 1);
        OutputSpec out = new OutputSpec("labels", "labels", "softmax", labels, false);
        StringBuilder dilations = new StringBuilder();
        for (TfjsConv3d c : model.layers()) {
            dilations.append(dilations.isEmpty() ? "" : ",").append(c.dilation()[0]);
        }
        String description = "brainchop MeshNet " + folder + ": " + model.layers().size() + " Conv3D layers (dilations "
                + dilations + ", " + model.layers().get(0).activation().name().toLowerCase(java.util.Locale.ROOT)
                + "), " + model.classes() + " classes, " + model.parameterCount() + " parameters; TF.js layers-model "
                + "from neuroneural/brainchop, run as a MeshNet on the PyTorch engine. Input: a T1 conformed to "
                + "256^3 1 mm LIA uint8.";
        // model.json is the manifest's weight file (it holds the topology); each shard is listed with its own
        // digest, so the registry verifies every file it loads. The version names the weights' content.
        List<ModelFile> shards = new java.util.ArrayList<>();
        for (Path shard : model.shards()) {
            shards.add(new ModelFile(modelDir.relativize(shard).toString().replace('\\', '/'), fileSha256(shard)));
        }
        return new ModelManifest("brainchop-" + folder, folder, sha.substring(0, 12), ModelTask.SEGMENTATION,
                "pytorch", WeightFormat.TFJS_MESHNET, "model.json", fileSha256(json), input, List.of(out), LICENCE,
                description, shards);
    }

    private static String fileSha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new TfjsModelException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** sha256 of the weight shards, concatenated in manifest order (for one shard, that file's sha256). */
    public static String shardSha256(TfjsLayersModel model) {
        try {
            return Sha256.ofConcatenated(model.shards());
        } catch (IOException e) {
            throw new TfjsModelException(model.modelJson(), "cannot hash the weight shards: " + e.getMessage(), e);
        }
    }

    /**
     * Labels from the first colormap*.json (colormap.json first) whose "labels" count equals the class count:
     * {"R": [...], "G": [...], "B": [...], "labels": [...]}; without one, classes are named "class k" in grey.
     */
    static List<OutputLabel> labels(Path dir, int classes) {
        TreeSet<Path> candidates = new TreeSet<>((a, b) -> {
            boolean ap = a.getFileName().toString().equals("colormap.json");
            boolean bp = b.getFileName().toString().equals("colormap.json");
            return ap != bp ? (ap ? -1 : 1) : a.compareTo(b);
        });
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "colormap*.json")) {
            ds.forEach(candidates::add);
        } catch (IOException e) {
            throw new TfjsModelException(dir, "cannot list the folder: " + e.getMessage(), e);
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path p : candidates) {
            JsonNode n;
            try {
                n = mapper.readTree(p.toFile());
            } catch (IOException e) {
                throw new TfjsModelException(p, "not readable JSON: " + e.getMessage(), e);
            }
            JsonNode names = n.path("labels");
            if (!names.isArray() || names.size() != classes) {
                continue;
            }
            for (String channel : new String[] {"R", "G", "B"}) {
                if (!n.path(channel).isArray() || n.path(channel).size() != classes) {
                    throw new TfjsModelException(p, "'" + channel + "' must list " + classes + " values like 'labels'");
                }
            }
            List<OutputLabel> out = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int rgb = (channel(p, n, "R", k) << 16) | (channel(p, n, "G", k) << 8) | channel(p, n, "B", k);
                out.add(new OutputLabel(k, names.get(k).asText(), rgb, null));
            }
            return out;
        }
        List<OutputLabel> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            out.add(new OutputLabel(k, k == 0 ? "background" : "class " + k, k == 0 ? 0 : 0x808080, null));
        }
        return out;
    }

    private static int channel(Path p, JsonNode n, String c, int k) {
        int v = n.path(c).get(k).asInt(-1);
        if (v < 0 || v > 255) {
            throw new TfjsModelException(p, "'" + c + "'[" + k + "] is not a colour value 0..255");
        }
        return v;
    }
}
