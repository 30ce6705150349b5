package dev.attest.inference.run;

import dev.attest.core.volume.Volume;
import java.util.List;
import java.util.Map;

/**
 * A model's outputs on the input Volume's own grid: the label map, named float maps (class
 * probabilities as "prob-VALUE", evidence maps under their hook names), per-label volumes and the
 * provenance record.
 */
public record InferenceResult(Volume labels, Map<String, Volume> maps, List<LabelVolume> volumes,
                              Provenance provenance) {

    public InferenceResult {
        maps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(maps));
        volumes = List.copyOf(volumes);
    }
}
