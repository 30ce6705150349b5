package dev.attest.inference.meshnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A brainchop TF.js layers-model (model.json + little-endian float32 shards) read as the plain chain of
 * Conv3D layers and activations that a MeshNet is. Only what MeshNets use is accepted: InputLayer, Conv3D
 * (stride 1, padding "same", channels_last, one group), and Activation/ReLU/ELU layers with relu, elu, gelu
 * or linear; anything else is refused with a {@link TfjsModelException} naming the file.
 */
public final class TfjsLayersModel {

    private final Path modelJson;
    private final String generatedBy;
    private final List<TfjsConv3d> layers;
    private final List<Path> shards;

    private TfjsLayersModel(Path modelJson, String generatedBy, List<TfjsConv3d> layers, List<Path> shards) {
        this.modelJson = modelJson;
        this.generatedBy = generatedBy;
        this.layers = List.copyOf(layers);
        this.shards = List.copyOf(shards);
    }

    /** Reads model.json and every weight shard it names (paths relative to its folder). */
    public static TfjsLayersModel read(Path modelJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(modelJson));
        } catch (NoSuchFileException e) {
            throw new TfjsModelException(modelJson, "file not found", e);
        } catch (IOException e) {
            throw new TfjsModelException(modelJson, "not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TfjsModelException(modelJson, "not a JSON object");
        }
        String format = root.path("format").asText("");
        if (!format.isEmpty() && !format.equals("layers-model")) {
            throw new TfjsModelException(modelJson, "format is '" + format + "', expected layers-model");
        }
        JsonNode config = root.path("modelTopology").path("model_config").path("config");
        if (config.isMissingNode()) {
            config = root.path("modelTopology").path("config");
        }
        JsonNode layerNodes = config.path("layers");
        if (!layerNodes.isArray() || layerNodes.isEmpty()) {
            throw new TfjsModelException(modelJson, "modelTopology has no layers");
        }
        List<Path> shards = new ArrayList<>();
        Map<String, float[]> weights = readWeights(modelJson, root.path("weightsManifest"), shards);
        List<TfjsConv3d> convs = parseLayers(modelJson, layerNodes, weights);
        return new TfjsLayersModel(modelJson, root.path("generatedBy").asText(""), convs, shards);
    }

    private static List<TfjsConv3d> parseLayers(Path file, JsonNode layerNodes, Map<String, float[]> weights) {
        List<Conv> convs = new ArrayList<>();
        int channels = 1;
        String previous = null;
        for (JsonNode layer : layerNodes) {
            String cls = layer.path("class_name").asText("");
            JsonNode c = layer.path("config");
            String name = layer.path("name").asText(c.path("name").asText(""));
            checkChain(file, layer, name, previous);
            previous = name;
            switch (cls) {
                case "InputLayer" -> {
                    JsonNode shape = c.path("batch_input_shape");
                    if (shape.isArray() && shape.size() == 5 && shape.get(4).isInt()) {
                        channels = shape.get(4).asInt();
                    } else {
                        throw new TfjsModelException(file, "input layer '" + name
                                + "' must have a 5-D batch_input_shape [n, d, h, w, channels], got " + shape);
                    }
                }
                case "Conv3D" -> {
                    Conv conv = conv3d(file, name, c, channels, weights);
                    convs.add(conv);
                    channels = conv.filters;
                }
                case "Activation", "ReLU", "ELU" -> {
                    MeshNetActivation a = switch (cls) {
                        case "ReLU" -> {
                            if (c.hasNonNull("max_value") || c.path("negative_slope").asDouble(0) != 0
                                    || c.path("threshold").asDouble(0) != 0) {
                                throw new TfjsModelException(file, "ReLU layer '" + name
                                        + "' has max_value/negative_slope/threshold, which MeshNet does not use");
                            }
                            yield MeshNetActivation.RELU;
                        }
                        case "ELU" -> {
                            if (c.path("alpha").asDouble(1.0) != 1.0) {
                                throw new TfjsModelException(file, "ELU layer '" + name + "' has alpha "
                                        + c.path("alpha").asDouble() + ", only 1.0 is supported");
                            }
                            yield MeshNetActivation.ELU;
                        }
                        default -> activation(file, name, c.path("activation").asText(null));
                    };
                    if (convs.isEmpty()) {
                        throw new TfjsModelException(file, "activation '" + name + "' comes before any Conv3D");
                    }
                    Conv last = convs.get(convs.size() - 1);
                    if (a != MeshNetActivation.LINEAR) {
                        if (last.activation != MeshNetActivation.LINEAR) {
                            throw new TfjsModelException(file, "two activations in a row after '" + last.name + "'");
                        }
                        last.activation = a;
                    }
                }
                default -> throw new TfjsModelException(file, "unsupported layer '" + name + "' of class " + cls
                        + " (a MeshNet has only InputLayer, Conv3D and Activation/ReLU/ELU)");
            }
        }
        if (convs.isEmpty()) {
            throw new TfjsModelException(file, "no Conv3D layer");
        }
        List<TfjsConv3d> out = new ArrayList<>();
        for (Conv c : convs) {
            out.add(new TfjsConv3d(c.name, c.inChannels, c.filters, c.kernelSize, c.dilation, c.activation,
                    c.kernel, c.bias));
        }
        return out;
    }

    /** MeshNet is a chain: every layer after the first must take the previous one as its only input. */
    private static void checkChain(Path file, JsonNode layer, String name, String previous) {
        JsonNode inbound = layer.path("inbound_nodes");
        if (previous == null || inbound.isMissingNode()) {
            return;
        }
        String from = inbound.path(0).path(0).path(0).asText(null);
        if (inbound.size() != 1 || inbound.path(0).size() != 1 || !previous.equals(from)) {
            throw new TfjsModelException(file, "layer '" + name + "' does not take layer '" + previous
                    + "' as its only input; only a plain chain of layers is supported");
        }
    }

    private static Conv conv3d(Path file, String name, JsonNode c, int inChannels, Map<String, float[]> weights) {
        int filters = c.path("filters").asInt(-1);
        int[] kernel = triple(file, name, c.path("kernel_size"), "kernel_size");
        int[] dilation = c.has("dilation_rate") ? triple(file, name, c.path("dilation_rate"), "dilation_rate")
                : new int[] {1, 1, 1};
        int[] strides = c.has("strides") ? triple(file, name, c.path("strides"), "strides") : new int[] {1, 1, 1};
        String padding = c.path("padding").asText("valid");
        String dataFormat = c.path("data_format").asText("channels_last");
        int groups = c.path("groups").asInt(1);
        if (filters < 1) {
            throw new TfjsModelException(file, "Conv3D '" + name + "' has no filters");
        }
        for (int a = 0; a < 3; a++) {
            if (strides[a] != 1) {
                throw new TfjsModelException(file, "Conv3D '" + name + "' has strides other than 1");
            }
            if (kernel[a] % 2 == 0 || kernel[a] < 1 || dilation[a] < 1) {
                throw new TfjsModelException(file, "Conv3D '" + name
                        + "' needs odd kernel sizes and positive dilations for 'same' padding");
            }
        }
        if (!padding.equals("same")) {
            throw new TfjsModelException(file, "Conv3D '" + name + "' has padding '" + padding + "', expected same");
        }
        if (!dataFormat.equals("channels_last") || groups != 1) {
            throw new TfjsModelException(file, "Conv3D '" + name + "' must be channels_last with one group");
        }
        Conv conv = new Conv();
        conv.name = name;
        conv.inChannels = inChannels;
        conv.filters = filters;
        conv.kernelSize = kernel;
        conv.dilation = dilation;
        conv.activation = activation(file, name, c.path("activation").asText("linear"));
        conv.kernel = weights.get(name + "/kernel");
        long expected = (long) kernel[0] * kernel[1] * kernel[2] * inChannels * filters;
        if (conv.kernel == null) {
            throw new TfjsModelException(file, "weightsManifest has no '" + name + "/kernel'");
        }
        if (conv.kernel.length != expected) {
            throw new TfjsModelException(file, "'" + name + "/kernel' has " + conv.kernel.length
                    + " values, the layer needs " + expected);
        }
        boolean useBias = c.path("use_bias").asBoolean(true);
        if (useBias) {
            conv.bias = weights.get(name + "/bias");
            if (conv.bias == null || conv.bias.length != filters) {
                throw new TfjsModelException(file, "'" + name + "/bias' is missing or not " + filters + " values");
            }
        }
        return conv;
    }

    private static MeshNetActivation activation(Path file, String layer, String name) {
        MeshNetActivation a = MeshNetActivation.parse(name);
        if (a == null) {
            throw new TfjsModelException(file, "layer '" + layer + "' has activation '" + name
                    + "'; supported: linear, relu, elu, gelu");
        }
        return a;
    }

    private static int[] triple(Path file, String layer, JsonNode n, String field) {
        if (n.isInt()) {
            return new int[] {n.asInt(), n.asInt(), n.asInt()};
        }
        if (!n.isArray() || n.size() != 3) {
            throw new TfjsModelException(file, "Conv3D '" + layer + "' " + field + " must be 3 integers, got " + n);
        }
        return new int[] {n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt()};
    }

    /** Reads each manifest group's shards, concatenated in order, and cuts them into the named weights. */
    private static Map<String, float[]> readWeights(Path file, JsonNode manifest, List<Path> shardsOut) {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new TfjsModelException(file, "no weightsManifest");
        }
        Map<String, float[]> out = new HashMap<>();
        Path dir = file.toAbsolutePath().getParent();
        for (JsonNode group : manifest) {
            List<byte[]> parts = new ArrayList<>();
            long total = 0;
            for (JsonNode p : group.path("paths")) {
                Path shard = dir.resolve(p.asText());
                try {
                    byte[] b = Files.readAllBytes(shard);
                    parts.add(b);
                    total += b.length;
                    shardsOut.add(shard);
                } catch (NoSuchFileException e) {
                    throw new TfjsModelException(file, "weight shard " + shard + " is missing", e);
                } catch (IOException e) {
                    throw new TfjsModelException(file, "weight shard " + shard + " cannot be read: " + e.getMessage(), e);
                }
            }
            if (parts.isEmpty()) {
                throw new TfjsModelException(file, "a weightsManifest group names no shard");
            }
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
            parts.forEach(all::put);
            all.flip();
            Map<String, float[]> group1 = new LinkedHashMap<>();
            for (JsonNode w : group.path("weights")) {
                String name = w.path("name").asText("");
                String dtype = w.path("dtype").asText("float32");
                if (!dtype.equals("float32") || w.has("quantization")) {
                    throw new TfjsModelException(file, "weight '" + name + "' is " + dtype
                            + (w.has("quantization") ? " (quantised)" : "") + "; only float32 is supported");
                }
                long n = 1;
                for (JsonNode s : w.path("shape")) {
                    n *= s.asLong();
                }
                if (all.remaining() < 4 * n) {
                    throw new TfjsModelException(file, "weight shards hold " + total + " bytes, fewer than the "
                            + "manifest needs (ran out at '" + name + "')");
                }
                float[] v = new float[(int) n];
                all.asFloatBuffer().get(v);
                all.position(all.position() + (int) (4 * n));
                group1.put(name, v);
            }
            if (all.hasRemaining()) {
                throw new TfjsModelException(file, "weight shards hold " + total + " bytes, " + all.remaining()
                        + " more than the manifest describes");
            }
            out.putAll(group1);
        }
        return out;
    }

    public Path modelJson() {
        return modelJson;
    }

    public String generatedBy() {
        return generatedBy;
    }

    /** The convolutions in order, each with the activation that follows it. */
    public List<TfjsConv3d> layers() {
        return layers;
    }

    /** The weight shard files, in manifest order. */
    public List<Path> shards() {
        return shards;
    }

    /** Channels of the last layer: the number of classes. */
    public int classes() {
        return layers.get(layers.size() - 1).filters();
    }

    public long parameterCount() {
        return layers.stream().mapToLong(TfjsConv3d::parameterCount).sum();
    }

    /** Mutable while parsing, because the activation arrives as the next layer. */
    private static final class Conv {
        String name;
        int inChannels;
        int filters;
        int[] kernelSize;
        int[] dilation;
        MeshNetActivation activation;
        float[] kernel;
        float[] bias;
    }
}
