package dev.attest.inference.evidence;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;

import java.util.Arrays;

/**
 * Input-gradient evidence for a TorchScript segmentation network: the score is the target class's logit
 * summed over the region, and the map is |d score / d input| (or gradient × input) summed over channels.
 * The predictor must come from {@link DjlModelPredictor#loadForGradients}.
 */
public final class GradientSaliency {

    // DJL's PyTorch gradient collector is process-wide (only one may be open at a time), so every
    // backward pass in this JVM takes this lock.
    private static final Object COLLECTOR_LOCK = new Object();

    private final DjlModelPredictor predictor;

    public GradientSaliency(DjlModelPredictor predictor) {
        if (!predictor.supportsGradients()) {
            throw new InferenceException(predictor.file() + " was loaded for inference only; load it with "
                    + "DjlModelPredictor.loadForGradients to compute input gradients");
        }
        this.predictor = predictor;
    }

    /**
     * Computes the map for input [1, C, z, y, x]; with {@code timesInput} the signed gradient × input
     * summed over channels, otherwise the summed absolute gradient. Returns a [z, y, x] map.
     */
    public EvidenceMap compute(FloatTensor input, TargetRegion region, boolean timesInput) {
        long[] shape = input.shape();
        if (shape.length != 5 || shape[0] != 1) {
            throw new IllegalArgumentException("input must be [1, C, z, y, x], got " + Arrays.toString(shape));
        }
        int channels = (int) shape[1];
        int voxels = Math.toIntExact(shape[2] * shape[3] * shape[4]);
        if (!region.usesArgmax() && region.maskLength() != voxels) {
            throw new IllegalArgumentException("mask has " + region.maskLength() + " voxels, input has " + voxels);
        }
        PtSymbolBlock block = (PtSymbolBlock) predictor.djlModel().getBlock();
        float[] grad;
        int regionVoxels;
        synchronized (COLLECTOR_LOCK) {
            // Eval mode explicitly: the forward below asks libtorch to record the graph, which must not also
            // switch BatchNorm to batch statistics or turn Dropout on.
            JniUtils.enableInferenceMode(block);
            try (NDManager scope = predictor.djlModel().getNDManager().newSubManager(predictor.device());
                 GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray x = scope.create(input.data(), new Shape(shape));
                x.setRequiresGradient(true);
                // IValueUtils.forward with isTrain=true runs the graph with autograd on; Block.forward(training=true)
                // would do the same but also call module.train().
                NDList out = IValueUtils.forward(block, new NDList(x), true);
                NDArray logits = out.get(0);
                checkOutput(logits.getShape(), shape, region.targetClass());
                NDArray classLogit = logits.get(0).get(region.targetClass());
                NDArray weights;
                if (region.usesArgmax()) {
                    weights = logits.get(0).argMax(0).eq(region.targetClass()).toType(DataType.FLOAT32, false);
                } else {
                    float[] m = new float[voxels];
                    for (int i = 0; i < voxels; i++) {
                        m[i] = region.maskAt(i) ? 1 : 0;
                    }
                    weights = scope.create(m, classLogit.getShape());
                }
                regionVoxels = (int) weights.sum().getFloat();
                NDArray score = classLogit.mul(weights).sum();
                collector.backward(score);
                grad = x.getGradient().toType(DataType.FLOAT32, false).toFloatArray();
            }
        }
        float[] in = input.data();
        float[] map = new float[voxels];
        for (int c = 0; c < channels; c++) {
            int off = c * voxels;
            for (int i = 0; i < voxels; i++) {
                map[i] += timesInput ? grad[off + i] * in[off + i] : Math.abs(grad[off + i]);
            }
        }
        return new EvidenceMap(new FloatTensor(map, new long[]{shape[2], shape[3], shape[4]}),
                EvidenceMethod.gradient(timesInput, region), regionVoxels);
    }

    static void checkOutput(Shape out, long[] in, int target) {
        long[] o = out.getShape();
        if (o.length != 5 || o[2] != in[2] || o[3] != in[3] || o[4] != in[4]) {
            throw new InferenceException("network output " + out + " is not a dense map over input "
                    + Arrays.toString(in));
        }
        if (target >= o[1]) {
            throw new IllegalArgumentException("target class " + target + " but the network has " + o[1] + " classes");
        }
    }
}
