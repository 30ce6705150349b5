package dev.attest.inference.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.manifest.ModelManifest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole runner (pre-processing, sliding window, post-processing, back to the source grid) on a
 * tiny TorchScript net gives the labels (exactly) and class probabilities (to 1e-5) of the Python
 * reference tools/reference/sliding_window_ref.py, case by case (tools/fixtures/make_sliding_window_refs.py).
 */
class InferenceRunnerReferenceTest {

    private static DjlModelPredictor predictor;

    @BeforeAll
    static void load() throws Exception {
        predictor = DjlModelPredictor.load(Fixtures.path("tiny_seg.pt"), EngineKind.PYTORCH, DeviceChoice.CPU);
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    static Stream<String> cases() throws Exception {
        JsonNode root = Fixtures.cases();
        return Stream.iterate(0, i -> i < root.get("cases").size(), i -> i + 1)
                .map(i -> root.get("cases").get(i).get("name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPythonReference(String name) throws Exception {
        JsonNode root = Fixtures.cases();
        JsonNode c = null;
        for (JsonNode n : root.get("cases")) {
            if (n.get("name").asText().equals(name)) {
                c = n;
            }
        }
        ImageGrid grid = Fixtures.sourceGrid(root);
        Volume input = Fixtures.volume(grid, Fixtures.floats("input.f32"));
        ModelManifest manifest = Fixtures.manifest(c);
        RunOptions options = RunOptions.defaults().withBlend(BlendMode.parse(c.get("mode").asText()))
                .withProbabilityClasses(List.of(0, 1, 2));
        if (c.hasNonNull("lcc")) {
            options = options.withLargestComponent(true,
                    c.get("lcc").asInt() == 6 ? Connectivity.FACES_6 : Connectivity.FULL_26);
        }
        InferenceResult r = InferenceRunner.run(manifest, predictor, input, options, ProgressListener.NONE,
                new Cancellation());

        assertEquals(grid, r.labels().grid());
        short[] expected = Fixtures.shorts(name + ".labels.i16");
        int plane = grid.sizeX() * grid.sizeY();
        int wrong = 0;
        String first = null;
        for (int i = 0; i < expected.length; i++) {
            int got = (int) r.labels().getStored(i % grid.sizeX(), (i / grid.sizeX()) % grid.sizeY(), i / plane);
            if (got != expected[i]) {
                wrong++;
                first = first == null ? "voxel " + i + ": " + got + " != " + expected[i] : first;
            }
        }
        if (wrong > 0) {
            fail(wrong + " labels differ from the reference; first at " + first);
        }
        for (int k = 0; k < 3; k++) {
            float[] p = Fixtures.floats(name + ".prob" + k + ".f32");
            Volume map = r.maps().get("prob-" + k);
            assertEquals(grid, map.grid());
            double worst = 0;
            for (int i = 0; i < p.length; i++) {
                double got = map.getStored(i % grid.sizeX(), (i / grid.sizeX()) % grid.sizeY(), i / plane);
                worst = Math.max(worst, Math.abs(got - p[i]));
            }
            if (worst > 1e-5) {
                fail("probability of class " + k + " differs by " + worst);
            }
        }
        JsonNode counts = c.get("labelCounts");
        for (LabelVolume v : r.volumes()) {
            assertEquals(counts.get(v.value()).asLong(), v.voxels(), "voxels of label " + v.value());
            assertEquals(counts.get(v.value()).asLong() * 2.0 / 1000, v.millilitres(), 1e-12);
        }
        JsonNode ns = c.get("networkShape");
        int[] netGrid = (int[]) r.provenance().parameters().get("networkGrid");
        assertEquals(List.of(ns.get(0).asInt(), ns.get(1).asInt(), ns.get(2).asInt()),
                List.of(netGrid[0], netGrid[1], netGrid[2]));
    }
}
