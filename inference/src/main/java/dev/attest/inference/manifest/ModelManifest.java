package dev.attest.inference.manifest;

import java.util.List;

/**
 * Everything Attest needs to know to run a model and to record what ran: identity, task, engine and
 * weights (with their sha256, checked before use), the input contract, the outputs and the licence.
 * {@code weights} is relative to the folder holding the manifest.
 */
public record ModelManifest(String id, String name, String version, ModelTask task, String engine,
                            WeightFormat format, String weights, String sha256, InputContract input,
                            List<OutputSpec> outputs, String licence, String description) {

    public ModelManifest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a model manifest needs an id");
        }
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
