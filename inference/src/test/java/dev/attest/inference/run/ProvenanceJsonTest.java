package dev.attest.inference.run;

import dev.attest.inference.engine.EngineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** provenance.json has every field, in a fixed order, readable without Attest. */
class ProvenanceJsonTest {

    @Test
    void writesEveryFieldInOrder(@TempDir Path dir) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("overlap", 0.5);
        params.put("roiXyz", new int[] {96, 96, 96});
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("preprocess", 12L);
        t.put("inference", 3400L);
        Provenance p = new Provenance("demo-ct", "1.2", "ab12", params, new EngineInfo("PyTorch", "2.7.1", "cpu()", 4),
                "cpu()", Instant.parse("2026-01-02T03:04:05Z"), t, "0.1.0");
        Path f = dir.resolve("provenance.json");
        ProvenanceJson.write(p, f);
        String expected = """
                {
                  "modelId" : "demo-ct",
                  "modelVersion" : "1.2",
                  "sha256" : "ab12",
                  "parameters" : {
                    "overlap" : 0.5,
                    "roiXyz" : [ 96, 96, 96 ]
                  },
                  "engine" : {
                    "name" : "PyTorch",
                    "version" : "2.7.1",
                    "device" : "cpu()",
                    "threads" : 4
                  },
                  "device" : "cpu()",
                  "started" : "2026-01-02T03:04:05Z",
                  "timingsMillis" : {
                    "preprocess" : 12,
                    "inference" : 3400
                  },
                  "attestVersion" : "0.1.0"
                }
                """;
        assertEquals(expected, Files.readString(f));
    }
}
