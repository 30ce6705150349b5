package dev.attest.inference.evidence;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.run.WindowHook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence maps computed window by window during a sliding-window run, so the runner blends them and
 * maps them back to the source grid like the network's own outputs. Each window's region is the
 * voxels the network assigns to the target class in that window. Saliency needs the same TorchScript
 * loaded for gradients ({@link DjlModelPredictor#loadForGradients}); occlusion works with any engine
 * and reuses the run's own predictor.
 */
public final class EvidenceHook implements WindowHook {

    private final int targetClass;
    private final GradientSaliency saliency;
    private final boolean timesInput;
    private final OcclusionSettings occlusion;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param gradients a gradient-enabled copy of the model, or null for no saliency map
     * @param occlusion occlusion settings, or null for no occlusion map
     */
    public EvidenceHook(int targetClass, DjlModelPredictor gradients, boolean timesInput, OcclusionSettings occlusion) {
        if (gradients == null && occlusion == null) {
            throw new IllegalArgumentException("ask for at least one evidence method");
        }
        this.targetClass = targetClass;
        this.saliency = gradients == null ? null : new GradientSaliency(gradients);
        this.timesInput = timesInput;
        this.occlusion = occlusion;
        TargetRegion region = TargetRegion.argmax(targetClass);
        if (saliency != null) {
            EvidenceMethod m = EvidenceMethod.gradient(timesInput, region);
            String name = (timesInput ? "gradxinput-" : "saliency-") + targetClass;
            names.add(name);
            parameters.put(name, m.parameters());
        }
        if (occlusion != null) {
            String name = "occlusion-" + targetClass;
            names.add(name);
            parameters.put(name, EvidenceMethod.occlusion(region, occlusion).parameters());
        }
    }

    @Override
    public Scope scope() {
        return Scope.WINDOW;
    }

    @Override
    public List<String> mapNames() {
        return List.copyOf(names);
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public FloatTensor compute(FloatTensor input, PatchPredictor predictor) {
        long[] shape = input.shape();
        int n = (int) shape[0];
        int one = Math.toIntExact(input.data().length / n);
        int voxels = Math.toIntExact(shape[2] * shape[3] * shape[4]);
        int maps = names.size();
        float[] out = new float[n * maps * voxels];
        long[] single = shape.clone();
        single[0] = 1;
        for (int w = 0; w < n; w++) {
            FloatTensor window = new FloatTensor(Arrays.copyOfRange(input.data(), w * one, (w + 1) * one), single);
            int m = 0;
            TargetRegion region = TargetRegion.argmax(targetClass);
            if (saliency != null) {
                float[] map = saliency.compute(window, region, timesInput).values().data();
                System.arraycopy(map, 0, out, (w * maps + m++) * voxels, voxels);
            }
            if (occlusion != null) {
                float[] map = new OcclusionSensitivity(predictor, occlusion)
                        .compute(window, region, ProgressListener.NONE, new Cancellation()).values().data();
                System.arraycopy(map, 0, out, (w * maps + m) * voxels, voxels);
            }
        }
        return new FloatTensor(out, new long[] {n, maps, shape[2], shape[3], shape[4]});
    }
}
