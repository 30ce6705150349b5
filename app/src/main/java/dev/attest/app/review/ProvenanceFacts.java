package dev.attest.app.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.inference.run.Provenance;

import java.io.IOException;
import java.time.Instant;

/** Turns an inference run's provenance into the facts a project records (the only review class that sees inference types). */
public final class ProvenanceFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceFacts() {
    }

    /** The end time is the start plus the run's "total" timing when it has one. */
    public static RunFacts of(Provenance p) {
        String parameters;
        try {
            parameters = JSON.writeValueAsString(p.parameters());
        } catch (IOException e) {
            throw new IllegalStateException("run parameters of " + p.modelId() + " could not be written as JSON", e);
        }
        Long total = p.timingsMillis().get("total");
        Instant ended = total == null ? null : p.started().plusMillis(total);
        String sha = p.sha256() != null && p.sha256().matches("[0-9a-f]{64}") ? p.sha256() : null;
        String engine = p.engine() == null ? null : p.engine().engine() + " " + p.engine().version();
        return new RunFacts(p.modelId(), p.modelVersion(), sha, parameters, engine, p.device(), p.started(), ended);
    }
}
