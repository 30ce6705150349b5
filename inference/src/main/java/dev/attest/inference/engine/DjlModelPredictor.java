package dev.attest.inference.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A TorchScript (.pt/.ts) or ONNX file run through DJL. The file is loaded with no translator: the
 * tensor in is the tensor the network sees. On a GPU that runs out of memory, the model is reloaded on
 * the CPU and the run repeated once; {@link #fallbackMessage()} tells the user it happened.
 */
public final class DjlModelPredictor implements PatchPredictor {

    private final Path file;
    private final EngineKind kind;
    private final boolean gradients;
    private ZooModel<NDList, NDList> model;
    private Predictor<NDList, NDList> predictor;
    private Device device;
    private String fallbackMessage;

    private DjlModelPredictor(Path file, EngineKind kind, Device device, boolean gradients) {
        this.file = file;
        this.kind = kind;
        this.gradients = gradients;
        load(device);
    }

    /** Loads a model for inference. */
    public static DjlModelPredictor load(Path file, EngineKind kind, DeviceChoice choice) {
        return new DjlModelPredictor(file, kind, Engines.device(choice, kind), false);
    }

    /**
     * Loads a TorchScript model so input gradients can flow (DJL option trainParam=true); the module
     * stays in eval mode, so BatchNorm and Dropout behave as in inference.
     */
    public static DjlModelPredictor loadForGradients(Path file, DeviceChoice choice) {
        return new DjlModelPredictor(file, EngineKind.PYTORCH, Engines.device(choice, EngineKind.PYTORCH), true);
    }

    private void load(Device target) {
        if (!Files.isRegularFile(file)) {
            throw new EngineUnavailableException("model file not found: " + file);
        }
        Criteria.Builder<NDList, NDList> b = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine(kind.djlName())
                .optDevice(target)
                .optTranslator(new NoopTranslator());
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        b.optModelName(dot > 0 ? name.substring(0, dot) : name);
        if (gradients) {
            b.optOption("trainParam", "true");
        }
        try {
            model = b.build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new EngineUnavailableException("cannot load " + file + " with " + kind.djlName() + ": "
                    + e.getMessage(), e);
        }
        predictor = model.newPredictor();
        device = target;
    }

    @Override
    public FloatTensor predict(FloatTensor input) {
        // Only the first output is copied back: segmentation networks may return deep-supervision extras.
        return withCpuFallback(() -> run(List.of(input), 1).get(0));
    }

    /**
     * Runs a network with several inputs (e.g. an image and token ids), given in the order its forward
     * method (TorchScript) or graph (ONNX) declares them, and returns every output as float32, in order.
     */
    public List<FloatTensor> predictAll(List<HostTensor> inputs) {
        return withCpuFallback(() -> run(inputs, Integer.MAX_VALUE));
    }

    private <T> T withCpuFallback(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (device.isGpu() && Engines.isOutOfMemory(e)) {
                closeModel();
                fallbackMessage = "The GPU ran out of memory; " + file.getFileName() + " now runs on the CPU.";
                load(Device.cpu());
                return call.get();
            }
            throw e;
        }
    }

    private List<FloatTensor> run(List<HostTensor> inputs, int maxOutputs) {
        try (NDManager scope = model.getNDManager().newSubManager(device)) {
            NDList in = new NDList(inputs.size());
            for (HostTensor t : inputs) {
                in.add(switch (t) {
                    case FloatTensor f -> scope.create(f.data(), new Shape(f.shape()));
                    case LongTensor l -> scope.create(l.data(), new Shape(l.shape()));
                });
            }
            NDList out = predictor.predict(in);
            List<FloatTensor> result = new ArrayList<>();
            for (int i = 0; i < Math.min(out.size(), maxOutputs); i++) {
                result.add(toTensor(out.get(i)));
            }
            return result;
        } catch (TranslateException e) {
            throw new InferenceException("inference failed in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Copies an NDArray back to the JVM as float32. */
    public static FloatTensor toTensor(NDArray a) {
        NDArray f = a.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32 ? a
                : a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        return new FloatTensor(f.toFloatArray(), f.getShape().getShape());
    }

    /** The underlying DJL model, for evidence methods that need the graph (gradients). */
    public ZooModel<NDList, NDList> djlModel() {
        return model;
    }

    /** True when loaded with {@link #loadForGradients}, so evidence methods may backpropagate to the input. */
    public boolean supportsGradients() {
        return gradients;
    }

    /** The model file this predictor runs. */
    public Path file() {
        return file;
    }

    public Device device() {
        return device;
    }

    /** Non-null once a GPU out-of-memory sent this model to the CPU. */
    public String fallbackMessage() {
        return fallbackMessage;
    }

    @Override
    public EngineInfo engineInfo() {
        return Engines.info(kind, device);
    }

    private void closeModel() {
        if (predictor != null) {
            predictor.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Override
    public void close() {
        closeModel();
    }
}
