package dev.attest.inference.run;

import dev.attest.inference.engine.EngineInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What produced an inference result: the model (id, version, weights sha256), the parameters used,
 * the engine and device, when it started, how long each phase took (ms, in phase order) and the
 * Attest version. Written beside every output as provenance.json ({@link ProvenanceJson}).
 */
public record Provenance(String modelId, String modelVersion, String sha256, Map<String, Object> parameters,
                         EngineInfo engine, String device, Instant started, Map<String, Long> timingsMillis,
                         String attestVersion) {

    public Provenance {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
    }
}
