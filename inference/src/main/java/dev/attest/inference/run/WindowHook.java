package dev.attest.inference.run;

import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import java.util.List;

/**
 * Extra maps computed in network space (evidence methods such as gradient saliency or occlusion),
 * which the runner blends, crops and maps back to the source grid like the network's own outputs.
 * Tensors are in the network's layout ([N, C, spatial...] in the manifest's axis order).
 */
public interface WindowHook {

    /** Whether the hook runs on each batch of windows or once on the whole pre-processed input. */
    enum Scope { WINDOW, WHOLE_INPUT }

    Scope scope();

    /** Names of the maps, one per output channel of {@link #compute}. */
    List<String> mapNames();

    /**
     * Returns [N, M, spatial...] for an input [N, C, spatial...] with the same spatial size, M =
     * mapNames().size(). For WINDOW scope the input is a batch of windows; for WHOLE_INPUT, N = 1
     * and the input is the whole (unpadded) pre-processed image.
     */
    FloatTensor compute(FloatTensor input, PatchPredictor predictor);

    /** How each map was made (method and its parameters, by map name), for the provenance record. */
    default java.util.Map<String, Object> parameters() {
        return java.util.Map.of();
    }
}
