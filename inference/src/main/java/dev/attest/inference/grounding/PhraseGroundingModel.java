package dev.attest.inference.grounding;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.HostTensor;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.engine.LongTensor;
import dev.attest.inference.manifest.GroundingContract;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import dev.attest.inference.registry.ManifestChecks;
import dev.attest.inference.registry.ModelFileCheck;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.InferenceRunner;
import dev.attest.inference.run.Provenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A phrase-grounding model (TorchScript or ONNX) with its tokenizer, as its manifest's grounding contract
 * describes (docs/grounding-model.md): {@link #ground} tokenises a phrase, turns a slice into the network
 * image, runs the network and returns its boxes and heat map on the slice, in patient coordinates.
 * Every file is checked against its manifest sha256 before anything loads. {@link #ground} holds a lock,
 * so one instance may be shared between threads (calls run one at a time). Close it to free the engine.
 */
public final class PhraseGroundingModel implements AutoCloseable {

    private final ModelManifest manifest;
    private final GroundingContract contract;
    private final PhraseTokenizer tokenizer;
    private final DjlModelPredictor predictor;
    private final String tokenizerSha256;

    private PhraseGroundingModel(ModelManifest manifest, PhraseTokenizer tokenizer, DjlModelPredictor predictor,
                                 String tokenizerSha256) {
        this.manifest = manifest;
        this.contract = manifest.grounding();
        this.tokenizer = tokenizer;
        this.predictor = predictor;
        this.tokenizerSha256 = tokenizerSha256;
    }

    /** A grounding model from its {@code manifest.json} (files beside it), on the GPU when there is one. */
    public static PhraseGroundingModel open(Path manifestFile) {
        return open(manifestFile, DeviceChoice.AUTO);
    }

    /**
     * A grounding model from its {@code manifest.json}, outside the registry (e.g. a folder the user points at).
     *
     * @throws dev.attest.inference.manifest.ManifestFormatException when the manifest cannot be read
     * @throws GroundingManifestException when it does not describe a usable grounding model
     * @throws dev.attest.inference.registry.WeightMismatchException when a file is missing or its sha256 differs
     */
    public static PhraseGroundingModel open(Path manifestFile, DeviceChoice device) {
        ModelManifest m = ManifestJson.read(manifestFile);
        Path folder = manifestFile.toAbsolutePath().getParent();
        String problem = ManifestChecks.problem(m);
        if (problem != null) {
            throw new GroundingManifestException(manifestFile, problem);
        }
        ModelFileCheck.verify(m, folder);
        return load(m, folder, device);
    }

    /**
     * A registered grounding model (built-in or in the user's folder), verified by the registry. The caller
     * owns the result and closes it; the registry keeps no copy. A registered manifest with a bad grounding
     * contract is listed as broken, so asking for it fails in {@link ModelRegistry#entry} with the reason.
     *
     * @throws GroundingManifestException when the model is not a grounding model
     */
    public static PhraseGroundingModel open(ModelRegistry registry, String id, DeviceChoice device) {
        ModelManifest m = registry.entry(id).manifest();
        return load(m, registry.verify(id), device);
    }

    private static PhraseGroundingModel load(ModelManifest m, Path folder, DeviceChoice device) {
        if (m.task() != ModelTask.GROUNDING) {
            throw new GroundingManifestException(folder.resolve(ManifestJson.FILE_NAME),
                    "model " + m.id() + " is a " + m.task() + " model, not a grounding model");
        }
        Path tokenizerFile = folder.resolve(m.grounding().text().tokenizer());
        String tokenizerSha = m.allFiles().stream().filter(f -> f.path().equals(m.grounding().text().tokenizer()))
                .findFirst().orElseThrow().sha256();
        PhraseTokenizer tokenizer = PhraseTokenizer.open(tokenizerFile, m.grounding().text());
        try {
            EngineKind kind = m.engine() == null || m.engine().isBlank()
                    ? (m.format() == WeightFormat.ONNX ? EngineKind.ONNXRUNTIME : EngineKind.PYTORCH)
                    : EngineKind.parse(m.engine());
            DjlModelPredictor predictor = DjlModelPredictor.load(folder.resolve(m.weights()), kind, device);
            return new PhraseGroundingModel(m, tokenizer, predictor, tokenizerSha);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public EngineInfo engineInfo() {
        return predictor.engineInfo();
    }

    /** The phrase as this model's tokenizer turns it into ids (what {@link #ground} sends). */
    public TokenizedPhrase tokenize(String phrase) {
        return tokenizer.tokenize(phrase);
    }

    /**
     * Grounds a phrase on a slice: the boxes the model keeps (threshold and top-k from the manifest) and its
     * heat map, both on the slice grid and so in patient coordinates.
     *
     * @throws InferenceException when the network fails or returns outputs that do not match the manifest
     */
    public synchronized GroundingOutput ground(SliceImage slice, String phrase) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        TokenizedPhrase tokens = tokenizer.tokenize(phrase);
        List<HostTensor> inputs = new ArrayList<>(3);
        inputs.add(SliceTensor.of(slice, manifest.input(), contract.image()));
        long[] shape = {1, tokens.length()};
        inputs.add(new LongTensor(tokens.ids(), shape));
        if (contract.text().attentionMask()) {
            inputs.add(new LongTensor(tokens.attentionMask(), shape));
        }
        long t1 = System.nanoTime();
        List<FloatTensor> outputs = predictor.predictAll(inputs);
        long t2 = System.nanoTime();
        if (outputs.size() != manifest.outputs().size()) {
            throw new InferenceException("model " + manifest.id() + " returned " + outputs.size()
                    + " outputs but its manifest lists " + manifest.outputs().size());
        }
        List<GroundedBox> boxes = List.of();
        GroundingHeatMap heatMap = null;
        try {
            OutputSpec boxSpec = GroundingContract.output(manifest, GroundingContract.BOXES);
            if (boxSpec != null) {
                OutputSpec scoreSpec = GroundingContract.output(manifest, GroundingContract.SCORES);
                boxes = BoxDecoder.decode(outputs.get(manifest.outputs().indexOf(boxSpec)),
                        outputs.get(manifest.outputs().indexOf(scoreSpec)), isSigmoid(scoreSpec), contract.boxes(),
                        contract.image(), slice.grid());
            }
            OutputSpec heatSpec = GroundingContract.output(manifest, GroundingContract.HEATMAP);
            if (heatSpec != null) {
                heatMap = HeatMapDecoder.decode(outputs.get(manifest.outputs().indexOf(heatSpec)), isSigmoid(heatSpec),
                        heatThreshold(), slice.grid());
            }
        } catch (IllegalArgumentException e) {
            throw new InferenceException("model " + manifest.id() + ": " + e.getMessage(), e);
        }
        long t3 = System.nanoTime();
        return new GroundingOutput(phrase, tokens, boxes, heatMap, provenance(phrase, started, t0, t1, t2, t3));
    }

    private double heatThreshold() {
        // 0.5 is the natural cut for a sigmoid map when the manifest names none.
        return contract.heatmap() == null ? 0.5 : contract.heatmap().threshold();
    }

    private static boolean isSigmoid(OutputSpec spec) {
        return "sigmoid".equals(spec.activation().toLowerCase(Locale.ROOT));
    }

    private Provenance provenance(String phrase, Instant started, long t0, long t1, long t2, long t3) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("phrase", phrase);
        parameters.put("tokenizerSha256", tokenizerSha256);
        parameters.put("maxLength", contract.text().maxLength());
        parameters.put("networkImage", new int[] {contract.image().width(), contract.image().height()});
        parameters.put("normalisation", manifest.input().normalisation());
        if (contract.boxes() != null) {
            parameters.put("scoreThreshold", contract.boxes().scoreThreshold());
            parameters.put("topK", contract.boxes().topK());
        }
        if (GroundingContract.output(manifest, GroundingContract.HEATMAP) != null) {
            parameters.put("heatmapThreshold", heatThreshold());
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("preprocess", (t1 - t0) / 1_000_000);
        timings.put("inference", (t2 - t1) / 1_000_000);
        timings.put("postprocess", (t3 - t2) / 1_000_000);
        timings.put("total", (t3 - t0) / 1_000_000);
        EngineInfo engine = predictor.engineInfo();
        return new Provenance(manifest.id(), manifest.version(), manifest.sha256(), parameters, engine, engine.device(),
                started, timings, InferenceRunner.attestVersion());
    }

    @Override
    public synchronized void close() {
        try {
            predictor.close();
        } finally {
            tokenizer.close();
        }
    }
}
