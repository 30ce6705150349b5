package dev.attest.inference.meshnet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv3d;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.Engines;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.WeightFormat;

import dev.attest.inference.manifest.ModelFile;
import dev.attest.core.io.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A brainchop MeshNet (a chain of dilated 3D convolutions) rebuilt with DJL's Conv3d on the PyTorch engine
 * from TF.js weights. Input tensors are [N, 1, z, y, x] in the Volume's memory order (x fastest); as
 * models/SOURCES.md ("Input axis order") establishes, the TF.js kernels [kd, kh, kw, in, out] then apply
 * with their spatial axes reversed, so they are stored here as [out, in, kw, kh, kd].
 *
 * <p>Layers run slab by slab along z (each slab with its dilation halo), so besides the input and output
 * activations of the current layer only one slab is alive; {@link #segment} also applies the last
 * convolution, softmax and argmax per slab and never holds all class channels of the full volume.
 * Not thread-safe.
 */
public final class MeshNet implements PatchPredictor {

    /** Output slices computed per step; small enough to bound the slab, large enough to keep the engine busy. */
    private static final int SLAB = 32;

    private final String name;
    private final Device device;
    private final NDManager manager;
    private final List<Layer> layers;
    private final int classes;

    private record Layer(String name, NDArray weight, NDArray bias, int[] kernelZyx, int[] dilationZyx,
                         MeshNetActivation activation) {
        int haloZ() {
            return dilationZyx[0] * (kernelZyx[0] / 2);
        }
    }

    private MeshNet(String name, Device device, NDManager manager, List<Layer> layers, int classes) {
        this.name = name;
        this.device = device;
        this.manager = manager;
        this.layers = layers;
        this.classes = classes;
    }

    /** Builds the network from parsed TF.js weights on the chosen device. */
    public static MeshNet load(TfjsLayersModel model, DeviceChoice choice) {
        Device device = Engines.device(choice, EngineKind.PYTORCH);
        NDManager manager = Engines.engine(EngineKind.PYTORCH).newBaseManager(device);
        try {
            List<Layer> layers = new ArrayList<>();
            for (TfjsConv3d c : model.layers()) {
                int[] k = c.kernelSize();
                int[] d = c.dilation();
                NDArray w = manager.create(reverseSpatialAxes(c), new Shape(c.filters(), c.inChannels(), k[2], k[1], k[0]));
                NDArray b = manager.create(c.hasBias() ? c.bias() : new float[c.filters()]);
                layers.add(new Layer(c.name(), w, b, new int[] {k[2], k[1], k[0]}, new int[] {d[2], d[1], d[0]},
                        c.activation()));
            }
            Path dir = model.modelJson().toAbsolutePath().getParent();
            return new MeshNet(dir.getFileName().toString(), device, manager, List.copyOf(layers), model.classes());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads the model a TFJS_MESHNET manifest describes; {@code dir} holds the manifest and model.json. */
    public static MeshNet load(ModelManifest manifest, Path dir, DeviceChoice choice) {
        if (manifest.format() != WeightFormat.TFJS_MESHNET) {
            throw new IllegalArgumentException("model " + manifest.id() + " is " + manifest.format()
                    + ", not " + WeightFormat.TFJS_MESHNET);
        }
        Path json = dir.resolve(manifest.weights() == null ? "model.json" : manifest.weights());
        TfjsLayersModel model = TfjsLayersModel.read(json);
        for (ModelFile f : manifest.allFiles()) {
            if (f.sha256() == null || f.sha256().isBlank()) {
                continue;
            }
            Path file = dir.resolve(f.path());
            String actual;
            try {
                actual = Sha256.of(file);
            } catch (IOException e) {
                throw new TfjsModelException(file, "cannot read: " + e.getMessage(), e);
            }
            if (!actual.equalsIgnoreCase(f.sha256())) {
                throw new TfjsModelException(file, "sha256 " + actual + " differs from the manifest's " + f.sha256());
            }
        }
        return load(model, choice);
    }

    /**
     * TF.js [kd, kh, kw, in, out] to [out, in, kw, kh, kd]: channels first for PyTorch, and the spatial
     * axes reversed because the network sees (x, y, z) where our tensor holds (z, y, x).
     */
    static float[] reverseSpatialAxes(TfjsConv3d c) {
        int[] k = c.kernelSize();
        int kd = k[0];
        int kh = k[1];
        int kw = k[2];
        int in = c.inChannels();
        int out = c.filters();
        float[] src = c.kernel();
        float[] dst = new float[src.length];
        int i = 0;
        for (int o = 0; o < out; o++) {
            for (int ci = 0; ci < in; ci++) {
                for (int w = 0; w < kw; w++) {
                    for (int h = 0; h < kh; h++) {
                        for (int d = 0; d < kd; d++) {
                            dst[i++] = src[(((d * kh + h) * kw + w) * in + ci) * out + o];
                        }
                    }
                }
            }
        }
        return dst;
    }

    public String name() {
        return name;
    }

    public int classes() {
        return classes;
    }

    public Device device() {
        return device;
    }

    /** All class logits [N, K, z, y, x] of an input [N, 1, z, y, x]; for patches, not whole 256^3 volumes. */
    @Override
    public FloatTensor predict(FloatTensor input) {
        checkInput(input);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(input.data(), new Shape(input.shape()));
            for (Layer layer : layers) {
                NDArray next = applyLayer(scope, x, layer, ProgressListener.NONE, null, 0, 1);
                x.close();
                x = next;
            }
            return DjlModelPredictor.toTensor(x);
        } catch (RuntimeException e) {
            throw wrap(e);
        }
    }

    /** Argmax labels of an input [1, 1, z, y, x], without evidence. */
    public MeshNetSegmentation segment(FloatTensor input) {
        return segment(input, -1, ProgressListener.NONE, new Cancellation());
    }

    /**
     * Argmax labels of an input [1, 1, z, y, x]; with {@code evidenceClass} >= 0 also that class's softmax
     * probability. Progress runs over all slabs of all layers; cancelling stops between slabs.
     */
    public MeshNetSegmentation segment(FloatTensor input, int evidenceClass, ProgressListener progress,
                                       Cancellation cancellation) {
        checkInput(input);
        long[] s = input.shape();
        if (s[0] != 1) {
            throw new IllegalArgumentException("segment takes one volume, [1, 1, z, y, x], got batch " + s[0]);
        }
        if (evidenceClass >= classes) {
            throw new IllegalArgumentException("evidence class " + evidenceClass + " >= " + classes + " classes");
        }
        int sz = (int) s[2];
        int sy = (int) s[3];
        int sx = (int) s[4];
        int slabs = (sz + SLAB - 1) / SLAB;
        int totalSteps = slabs * layers.size();
        byte[] labels = new byte[sx * sy * sz];
        float[] evidence = evidenceClass >= 0 ? new float[labels.length] : null;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(input.data(), new Shape(s));
            for (int l = 0; l < layers.size() - 1; l++) {
                NDArray next = applyLayer(scope, x, layers.get(l), progress, cancellation, l * slabs, totalSteps);
                x.close();
                x = next;
            }
            Layer last = layers.get(layers.size() - 1);
            int h = last.haloZ();
            int base = (layers.size() - 1) * slabs;
            for (int z0 = 0, step = 0; z0 < sz; z0 += SLAB, step++) {
                cancellation.throwIfCancelled();
                int z1 = Math.min(sz, z0 + SLAB);
                try (NDManager slab = scope.newSubManager()) {
                    NDArray logits = convSlab(slab, x, last, z0, z1, h);
                    NDArray arg = logits.argMax(1).toType(DataType.UINT8, false);
                    arg.toByteBuffer().get(labels, z0 * sx * sy, (z1 - z0) * sx * sy);
                    if (evidence != null) {
                        float[] p = logits.softmax(1).get(new NDIndex(":, {}", evidenceClass)).toFloatArray();
                        System.arraycopy(p, 0, evidence, z0 * sx * sy, p.length);
                    }
                }
                progress.progress(base + step + 1, totalSteps, name + ": classes");
            }
        } catch (RuntimeException e) {
            throw wrap(e);
        }
        return new MeshNetSegmentation(sx, sy, sz, labels, evidenceClass, evidence);
    }

    /** One convolution + activation over the whole input, computed slab by slab along z. */
    private NDArray applyLayer(NDManager scope, NDArray x, Layer layer, ProgressListener progress,
                               Cancellation cancellation, int doneBefore, int totalSteps) {
        Shape s = x.getShape();
        int sz = (int) s.get(2);
        NDArray out = scope.zeros(new Shape(s.get(0), layer.weight.getShape().get(0), sz, s.get(3), s.get(4)));
        int h = layer.haloZ();
        for (int z0 = 0, step = 0; z0 < sz; z0 += SLAB, step++) {
            if (cancellation != null) {
                cancellation.throwIfCancelled();
            }
            int z1 = Math.min(sz, z0 + SLAB);
            try (NDManager slab = scope.newSubManager()) {
                NDArray y = activate(convSlab(slab, x, layer, z0, z1, h), layer.activation);
                out.set(new NDIndex(":, :, {}:{}", z0, z1), y);
            }
            if (totalSteps > 1) {
                progress.progress(doneBefore + step + 1, totalSteps, name + ": layer " + layer.name);
            }
        }
        return out;
    }

    /**
     * The convolution's output for slices [z0, z1): the input slab with its z halo, zero-filled beyond the
     * volume (what "same" padding would see), and ordinary padding in y and x.
     */
    private static NDArray convSlab(NDManager slab, NDArray x, Layer layer, int z0, int z1, int halo) {
        Shape s = x.getShape();
        int sz = (int) s.get(2);
        int lo = Math.max(0, z0 - halo);
        int hi = Math.min(sz, z1 + halo);
        NDArray in = x.get(new NDIndex(":, :, {}:{}", lo, hi));
        in.attach(slab);
        int before = halo - (z0 - lo);
        int after = halo - (hi - z1);
        if (before > 0 || after > 0) {
            List<NDArray> parts = new ArrayList<>(3);
            if (before > 0) {
                parts.add(slab.zeros(new Shape(s.get(0), s.get(1), before, s.get(3), s.get(4))));
            }
            parts.add(in);
            if (after > 0) {
                parts.add(slab.zeros(new Shape(s.get(0), s.get(1), after, s.get(3), s.get(4))));
            }
            in = NDArrays.concatZ(parts);
        }
        int[] k = layer.kernelZyx;
        int[] d = layer.dilationZyx;
        Shape padding = new Shape(0, (long) d[1] * (k[1] / 2), (long) d[2] * (k[2] / 2));
        return Conv3d.conv3d(in, layer.weight, layer.bias, new Shape(1, 1, 1), padding,
                new Shape(d[0], d[1], d[2]), 1).singletonOrThrow();
    }

    private static NDArray activate(NDArray y, MeshNetActivation a) {
        return switch (a) {
            case LINEAR -> y;
            case RELU -> Activation.relu(y);
            case ELU -> Activation.elu(y, 1.0f);
            // DJL's PyTorch gelu is torch::gelu with approximate="none": the erf form TF.js uses.
            case GELU -> Activation.gelu(y);
        };
    }

    private void checkInput(FloatTensor input) {
        long[] s = input.shape();
        if (s.length != 5 || s[1] != 1) {
            throw new IllegalArgumentException(name + " takes [N, 1, z, y, x], got " + input);
        }
    }

    private InferenceException wrap(RuntimeException e) {
        if (e instanceof InferenceException ie) {
            return ie;
        }
        if (e instanceof dev.attest.core.progress.CancelledException) {
            throw e;
        }
        return new InferenceException("MeshNet " + name + " failed: " + e.getMessage(), e);
    }

    @Override
    public EngineInfo engineInfo() {
        return Engines.info(EngineKind.PYTORCH, device);
    }

    @Override
    public void close() {
        manager.close();
    }
}
