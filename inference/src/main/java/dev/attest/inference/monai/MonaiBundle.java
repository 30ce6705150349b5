package dev.attest.inference.monai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ManifestFormatException;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a MONAI bundle folder ({@code configs/metadata.json} + {@code models/model.ts}, optionally
 * {@code configs/inference.json}) into an Attest manifest. The network's data format comes from
 * metadata.json's {@code network_data_format}; resampling, orientation, intensity normalisation, the
 * sliding window and the output activation come from inference.json's transforms and inferer. Only
 * literal values and {@code @name} references are followed: a {@code $} expression cannot be evaluated
 * without Python, so it is left out and said so in the notes. Tensor axes are MONAI's (x, y, z).
 */
public final class MonaiBundle {
    /** The weights file of a TorchScript-exported bundle. */
    public static final String WEIGHTS = "models/model.ts";
    public static final String METADATA = "configs/metadata.json";
    public static final String INFERENCE = "configs/inference.json";

    /** A bundle made into a manifest (sha256 left for the importer), the files worth keeping, and notes. */
    public record Result(ModelManifest manifest, List<String> extraFiles, List<String> notes) {
    }

    /** Colours for the output classes, in channel order after background (tab10, readable on grey). */
    private static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2,
            0x7F7F7F, 0xBCBD22, 0x17BECF};

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonaiBundle() {
    }

    public static boolean isBundle(Path dir) {
        return Files.isRegularFile(dir.resolve(METADATA)) && Files.isRegularFile(dir.resolve(WEIGHTS));
    }

    public static Result read(Path dir) throws IOException {
        Path metaFile = dir.resolve(METADATA);
        JsonNode meta = readJson(metaFile);
        List<String> notes = new ArrayList<>();
        JsonNode format = meta.path("network_data_format");
        JsonNode image = first(format.path("inputs"), "image");
        JsonNode pred = first(format.path("outputs"), "pred");
        if (image == null || pred == null) {
            throw new ManifestFormatException(metaFile, "network_data_format needs an input (image) and an output (pred)", null);
        }
        int channels = intField(image, "num_channels", metaFile);
        int classes = intField(pred, "num_channels", metaFile);
        ModelTask task = switch (pred.path("format").asText("").toLowerCase(Locale.ROOT)) {
            case "segmentation" -> ModelTask.SEGMENTATION;
            case "classification" -> ModelTask.CLASSIFICATION;
            default -> throw new ManifestFormatException(metaFile, "output format '" + pred.path("format").asText()
                    + "' is not supported (segmentation or classification)", null);
        };
        Path inferenceFile = dir.resolve(INFERENCE);
        Transforms t = Files.isRegularFile(inferenceFile) ? Transforms.read(readJson(inferenceFile), inferenceFile, notes)
                : Transforms.none(notes, dir);
        int[] patch = t.patchSize;
        if (patch == null && !t.wholeVolume && image.path("is_patch_data").asBoolean(false)) {
            patch = intTriple(image.get("spatial_shape"), metaFile, "spatial_shape", notes);
        }
        String inputFormat = image.path("format").asText("");
        JsonNode range = image.path("value_range");
        if (t.normalisation == null && range.isArray() && range.size() == 2) {
            notes.add(METADATA + ": input " + inputFormat + " value_range " + range + " but no intensity transform"
                    + " was found in " + INFERENCE + "; the input is passed unscaled");
        }
        InputContract input = new InputContract(modality(image.path("modality").asText(null)), channels, t.spacing,
                t.orientation, "xyz", t.normalisation, patch, t.overlap, t.batchSize);
        OutputSpec out = new OutputSpec(format.path("outputs").has("pred") ? "pred" : format.path("outputs").fieldNames().next(),
                "logits", t.activation, labels(pred.path("channel_def"), classes), true);
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        String id = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        String name = meta.path("name").asText(folder);
        ModelManifest m = new ModelManifest(id, name, meta.path("version").asText(null), task, "pytorch",
                WeightFormat.TORCHSCRIPT, WEIGHTS, null, input, List.of(out), licence(meta, dir),
                meta.path("description").asText(null));
        List<String> extras = new ArrayList<>();
        for (String f : List.of("LICENSE", METADATA, INFERENCE, "docs/README.md")) {
            if (Files.isRegularFile(dir.resolve(f))) {
                extras.add(f);
            }
        }
        return new Result(m, extras, notes);
    }

    /** The entry under the usual key, else the first one. */
    private static JsonNode first(JsonNode map, String key) {
        if (map.has(key)) {
            return map.get(key);
        }
        var it = map.elements();
        return it.hasNext() ? it.next() : null;
    }

    private static String modality(String m) {
        if (m == null) {
            return null;
        }
        String u = m.toUpperCase(Locale.ROOT);
        return u.equals("MRI") ? "MR" : u;
    }

    /** channel_def "0": "background", "1": "spleen" -> labels for every class but background. */
    private static List<OutputLabel> labels(JsonNode channelDef, int classes) {
        Map<Integer, String> names = new TreeMap<>();
        channelDef.properties().forEach(e -> {
            try {
                names.put(Integer.parseInt(e.getKey().trim()), e.getValue().asText());
            } catch (NumberFormatException ignored) {
                // a non-numeric channel key names no output channel
            }
        });
        for (int c = 0; c < classes; c++) {
            names.putIfAbsent(c, "class " + c);
        }
        List<OutputLabel> labels = new ArrayList<>();
        int colour = 0;
        for (var e : names.entrySet()) {
            if (e.getKey() == 0 && e.getValue().equalsIgnoreCase("background")) {
                continue;
            }
            labels.add(new OutputLabel(e.getKey(), e.getValue(), PALETTE[colour++ % PALETTE.length], null));
        }
        return labels;
    }

    /** metadata "license" if the bundle has one, else the first line of its LICENSE file, else its copyright. */
    private static String licence(JsonNode meta, Path dir) throws IOException {
        if (meta.hasNonNull("license")) {
            return meta.get("license").asText();
        }
        Path file = dir.resolve("LICENSE");
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return meta.path("copyright").asText(null);
    }

    static JsonNode readJson(Path file) throws IOException {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new ManifestFormatException(file, "expected a JSON object", null);
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ManifestFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static int intField(JsonNode node, String key, Path file) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ManifestFormatException(file, key + " must be an integer, not " + v, null);
        }
        return v.intValue();
    }

    /** Three integers, or one repeated; null (with a note) for anything else, such as "16*n". */
    static int[] intTriple(JsonNode v, Path file, String key, List<String> notes) {
        if (v != null && v.isIntegralNumber()) {
            return new int[] {v.intValue(), v.intValue(), v.intValue()};
        }
        if (v != null && v.isArray() && v.size() == 3 && v.get(0).isIntegralNumber() && v.get(1).isIntegralNumber()
                && v.get(2).isIntegralNumber()) {
            return new int[] {v.get(0).intValue(), v.get(1).intValue(), v.get(2).intValue()};
        }
        notes.add(file.getFileName() + ": " + key + " " + v + " is not three integers; left out");
        return null;
    }

    /** What inference.json says about preprocessing, the inferer and the activation. */
    private static final class Transforms {
        double[] spacing;
        String orientation;
        Normalisation normalisation;
        int[] patchSize;
        boolean wholeVolume;
        double overlap;
        int batchSize = 1;
        String activation = "none";

        static Transforms none(List<String> notes, Path dir) {
            notes.add(dir.getFileName() + ": no " + INFERENCE + "; spacing, orientation and normalisation unknown");
            return new Transforms();
        }

        static Transforms read(JsonNode config, Path file, List<String> notes) {
            BundleConfig c = new BundleConfig(config, file, notes);
            Transforms t = new Transforms();
            for (JsonNode tr : c.transforms("preprocessing")) {
                String target = BundleConfig.target(tr);
                switch (target) {
                    case "Orientationd", "Orientation" -> t.orientation = c.text(tr, "axcodes");
                    case "Spacingd", "Spacing" -> t.spacing = c.spacing(tr);
                    case "ScaleIntensityRanged", "ScaleIntensityRange" -> t.setNormalisation(c.window(tr), target, notes, file);
                    case "NormalizeIntensityd", "NormalizeIntensity" -> t.setNormalisation(c.zscore(tr), target, notes, file);
                    case "ScaleIntensityd", "ScaleIntensity" -> t.setNormalisation(c.minMax(tr), target, notes, file);
                    case "ScaleIntensityRangePercentilesd", "ScaleIntensityRangePercentiles" ->
                            t.setNormalisation(c.percentile(tr), target, notes, file);
                    case "LoadImaged", "LoadImage", "EnsureChannelFirstd", "EnsureChannelFirst", "EnsureTyped", "EnsureType",
                         "CastToTyped", "CastToType", "ToTensord", "ToTensor", "AddChanneld", "AddChannel",
                         "DivisiblePadd", "SpatialPadd" -> {
                        // reading, channel and type handling, and padding that the sliding window covers
                    }
                    default -> notes.add(file.getFileName() + ": preprocessing transform " + target + " is not carried over");
                }
            }
            JsonNode inferer = c.resolve(config.get("inferer"));
            if (inferer != null && inferer.isObject()) {
                String target = BundleConfig.target(inferer);
                if (target.equals("SlidingWindowInferer")) {
                    t.patchSize = intTriple(c.resolve(inferer.get("roi_size")), file, "inferer roi_size", notes);
                    t.overlap = c.number(inferer, "overlap", 0.25);
                    t.batchSize = (int) c.number(inferer, "sw_batch_size", 1);
                } else if (target.equals("SimpleInferer")) {
                    t.wholeVolume = true;
                } else {
                    notes.add(file.getFileName() + ": inferer " + target + " is not carried over");
                }
            }
            for (JsonNode tr : c.transforms("postprocessing")) {
                if (BundleConfig.target(tr).startsWith("Activations")) {
                    if (c.bool(tr, "softmax", false)) {
                        t.activation = "softmax";
                    } else if (c.bool(tr, "sigmoid", false)) {
                        t.activation = "sigmoid";
                    }
                }
            }
            return t;
        }

        private void setNormalisation(Normalisation n, String target, List<String> notes, Path file) {
            if (normalisation != null) {
                notes.add(file.getFileName() + ": " + target + " replaces an earlier intensity transform; only the last is used");
            }
            normalisation = n;
        }
    }
}
