package dev.attest.inference.probe;

import dev.attest.core.volume.Volume;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.run.Activation;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.InferenceRunner;

import java.util.List;
import java.util.Locale;

/**
 * Which map of a run is its evidence for a probe: the probability of one class (the map the workstation shows
 * behind that class's claims), or the foreground probability, 1 − p(background), for a softmax model: the sum
 * of every foreground class's softmax in one map, which needs no choice of class. For a one-channel sigmoid
 * model the foreground is that channel's probability.
 *
 * @param classValue the class whose probability is the evidence, or null for the foreground
 */
public record EvidenceSource(Integer classValue) {

    public EvidenceSource {
        if (classValue != null && classValue < 0) {
            throw new IllegalArgumentException("evidence class must be >= 0, got " + classValue);
        }
    }

    public static EvidenceSource foreground() {
        return new EvidenceSource(null);
    }

    public static EvidenceSource ofClass(int value) {
        return new EvidenceSource(value);
    }

    /** "foreground" or "prob-K". */
    public String describe() {
        return classValue == null ? "foreground" : "prob-" + classValue;
    }

    /**
     * The one probability class the run must keep for this evidence.
     *
     * @throws IllegalArgumentException when the model's output has no foreground probability to take
     */
    public int probabilityClass(ModelManifest manifest) {
        OutputSpec spec = InferenceRunner.segmentationOutput(manifest);
        if (classValue != null) {
            // A manifest that lists its classes lets a wrong class be refused before any image is read.
            if (!spec.labels().isEmpty() && classValue >= spec.labels().size()) {
                throw new IllegalArgumentException("evidence class " + classValue + " is not an output class of "
                        + manifest.id() + " (0.." + (spec.labels().size() - 1) + ")");
            }
            return classValue;
        }
        Activation activation = Activation.parse(spec.activation());
        int channels = spec.labels().size();
        if (activation == Activation.SOFTMAX && channels >= 2) {
            return 0;
        }
        if (activation == Activation.SIGMOID && channels == 1) {
            return 0;
        }
        throw new IllegalArgumentException(manifest.id() + " has a " + activation.name().toLowerCase(Locale.ROOT) + " output with "
                + channels + " labelled channels, which gives no single foreground probability; choose an evidence class");
    }

    /** The evidence map of a run as a flat array on the run's source grid (x fastest). */
    public float[] extract(ModelManifest manifest, InferenceResult result) {
        int k = probabilityClass(manifest);
        Volume map = result.maps().get("prob-" + k);
        if (map == null) {
            throw new IllegalStateException("the run kept no map prob-" + k + " (it kept " + result.maps().keySet() + ")");
        }
        float[] values = FloatVoxels.physical(map);
        if (classValue == null && isSoftmax(manifest)) {
            for (int i = 0; i < values.length; i++) {
                values[i] = 1f - values[i];
            }
        }
        return values;
    }

    private static boolean isSoftmax(ModelManifest manifest) {
        return Activation.parse(InferenceRunner.segmentationOutput(manifest).activation()) == Activation.SOFTMAX;
    }

    /** The probability classes to ask the run for. */
    List<Integer> runClasses(ModelManifest manifest) {
        return List.of(probabilityClass(manifest));
    }
}
