package dev.attest.annotation.metrics.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project metrics report is a plain record tree: the same project gives the same JSON, and the JSON reads
 * back into records that write the same JSON again (what the benchmark export's metrics.json relies on).
 */
class MetricsReportJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theReportWritesTheSameJsonTwiceAndReadsBackIntoEqualRecords(@TempDir Path dir) throws Exception {
        CorrectedProject p = CorrectedProject.create(dir.resolve("project"), dir);
        MetricsOptions options = new MetricsOptions(new BootstrapOptions(300, 0.9, 5), false,
                new GroundTruthOptions(2.0, 90, 3.0));

        String first = JSON.writeValueAsString(ProjectMetrics.compute(p.store(), options));
        String second = JSON.writeValueAsString(ProjectMetrics.compute(p.store(), options));
        assertEquals(first, second);

        ProjectMetricsReport back = JSON.readValue(first, ProjectMetricsReport.class);
        assertEquals(first, JSON.writeValueAsString(back));
        assertEquals(ProjectMetrics.compute(p.store(), options).groundTruth(), back.groundTruth());

        JsonNode tree = JSON.readTree(first);
        assertEquals(3.0, tree.at("/options/groundTruth/pointingToleranceMm").asDouble());
        assertEquals("Infinity", tree.at("/groundTruth/masks/2/metrics/hausdorff95").asText());
        assertEquals("reference", tree.at("/groundTruth/masks/2/metrics/empty").asText());
        assertEquals("grid_mismatch", tree.at("/groundTruth/skipped/0/reason").asText());
        assertEquals(300, tree.at("/groundTruth/overall/masks/dice/ci/resamples").asInt());
    }
}
