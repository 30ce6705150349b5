package dev.attest.inference.run;

import java.util.List;

/**
 * Per-run choices that override or complete the manifest: overlap and batch size (null = the
 * manifest's), blending, largest-component filtering, which classes get probability maps (null =
 * every foreground class when the output has at most {@value #AUTO_PROBABILITY_CLASSES} classes,
 * empty = none) and an optional evidence hook.
 */
public record RunOptions(Double overlap, Integer batchSize, BlendMode blend, double sigmaScale,
                         boolean largestComponent, Connectivity connectivity, List<Integer> probabilityClasses,
                         WindowHook hook) {

    /** Above this many classes, probability maps are kept only for classes asked for (each costs a float per voxel). */
    public static final int AUTO_PROBABILITY_CLASSES = 4;

    public RunOptions {
        blend = blend == null ? BlendMode.GAUSSIAN : blend;
        connectivity = connectivity == null ? Connectivity.FULL_26 : connectivity;
        probabilityClasses = probabilityClasses == null ? null : List.copyOf(probabilityClasses);
        if (overlap != null && (overlap < 0 || overlap >= 1)) {
            throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        }
        if (!(sigmaScale > 0)) {
            throw new IllegalArgumentException("sigmaScale must be positive");
        }
    }

    /** Manifest settings, Gaussian blending with sigma 0.125 × roi, no component filter, automatic maps. */
    public static RunOptions defaults() {
        return new RunOptions(null, null, BlendMode.GAUSSIAN, 0.125, false, Connectivity.FULL_26, null, null);
    }

    public RunOptions withOverlap(Double o) {
        return new RunOptions(o, batchSize, blend, sigmaScale, largestComponent, connectivity, probabilityClasses, hook);
    }

    public RunOptions withBatchSize(Integer b) {
        return new RunOptions(overlap, b, blend, sigmaScale, largestComponent, connectivity, probabilityClasses, hook);
    }

    public RunOptions withBlend(BlendMode m) {
        return new RunOptions(overlap, batchSize, m, sigmaScale, largestComponent, connectivity, probabilityClasses, hook);
    }

    public RunOptions withLargestComponent(boolean on, Connectivity c) {
        return new RunOptions(overlap, batchSize, blend, sigmaScale, on, c, probabilityClasses, hook);
    }

    public RunOptions withProbabilityClasses(List<Integer> classes) {
        return new RunOptions(overlap, batchSize, blend, sigmaScale, largestComponent, connectivity, classes, hook);
    }

    public RunOptions withHook(WindowHook h) {
        return new RunOptions(overlap, batchSize, blend, sigmaScale, largestComponent, connectivity, probabilityClasses, h);
    }
}
