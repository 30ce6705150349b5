package dev.attest.inference.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Provenance} as JSON readable without Attest (times as ISO-8601 text). */
public final class ProvenanceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProvenanceJson() {
    }

    /** The JSON object, fields in a fixed order. */
    public static Map<String, Object> toMap(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelId", p.modelId());
        m.put("modelVersion", p.modelVersion());
        m.put("sha256", p.sha256());
        m.put("parameters", p.parameters());
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("name", p.engine().engine());
        engine.put("version", p.engine().version());
        engine.put("device", p.engine().device());
        engine.put("threads", p.engine().threads());
        m.put("engine", engine);
        m.put("device", p.device());
        m.put("started", p.started().toString());
        m.put("timingsMillis", p.timingsMillis());
        m.put("attestVersion", p.attestVersion());
        return m;
    }

    public static String toJson(Provenance p) {
        try {
            return MAPPER.writeValueAsString(toMap(p));
        } catch (IOException e) {
            throw new IllegalStateException("provenance could not be written as JSON", e);
        }
    }

    /** Writes atomically, so a reader never sees half a file. */
    public static void write(Provenance p, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(p) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
