package dev.attest.inference.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blur, downsampling and rotation of a 9 × 7 × 6 image on an oblique, anisotropic grid against scipy.ndimage
 * (tools/reference/make_probe_refs.py): Gaussian filter with nearest-edge extension, block means brought back
 * with map_coordinates, and affine_transform about the volume centre in patient space.
 */
class PerturbationReferenceTest {
    private static final String DIR = "/fixtures/probe/";
    private static ImageGrid grid;
    private static float[] input;
    private static JsonNode cases;

    @BeforeAll
    static void load() throws IOException {
        JsonNode meta;
        try (InputStream in = PerturbationReferenceTest.class.getResourceAsStream(DIR + "cases.json")) {
            meta = new ObjectMapper().readTree(in);
        }
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = meta.get("indexToLps").get(r).get(c).asDouble();
            }
        }
        JsonNode size = meta.get("size");
        grid = new ImageGrid(size.get(0).asInt(), size.get(1).asInt(), size.get(2).asInt(), Affine.of(rows));
        input = floats(meta.get("input").asText());
        cases = meta.get("cases");
        assertEquals(8, cases.size());
    }

    @Test
    void blurMatchesScipyGaussianFilter() throws IOException {
        assertMatches("blur", 1.5, new GaussianBlur(1.5));
        assertMatches("blur", 3.0, new GaussianBlur(3.0));
    }

    @Test
    void downsamplingAndReturnMatchBlockMeansAndScipyMapCoordinates() throws IOException {
        assertMatches("downsample", 2, new Downsample(2, "xyz"));
        assertMatches("downsample", 3, new Downsample(3, "z"));
        assertMatches("downsample", 4, new Downsample(4, "xy"));
    }

    @Test
    void rotationAboutThePatientAxesThroughTheCentreMatchesScipyAffineTransform() throws IOException {
        assertMatches("rotate", 7, new Rotation(7, Rotation.PatientAxis.S));
        assertMatches("rotate", -12, new Rotation(-12, Rotation.PatientAxis.L));
        assertMatches("rotate", 30, new Rotation(30, Rotation.PatientAxis.P));
    }

    private static void assertMatches(String kind, double level, Perturbation p) throws IOException {
        float[] expected = null;
        for (JsonNode c : cases) {
            if (c.get("kind").asText().equals(kind) && c.get("level").asDouble() == level
                    && p.options().equals(options(c.get("options")))) {
                expected = floats(c.get("file").asText());
            }
        }
        assertTrue(expected != null, "no reference for " + p);
        float[] before = input.clone();
        float[] actual = p.apply(input, grid);
        assertEquals(expected.length, actual.length);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        // Values reach about 1000, where a float's step is 6.1e-5: at most two steps apart, since the two sides
        // round their passes in a different order (scipy blurs z first, Attest x first).
        assertTrue(worst <= 1.25e-4, p.label() + ": worst difference " + worst);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(input), "the input is left alone");
        boolean changed = false;
        for (int i = 0; i < actual.length; i++) {
            changed |= Math.abs(actual[i] - input[i]) > 1;
        }
        assertTrue(changed, p.label() + " changed the image");
    }

    private static java.util.Map<String, String> options(JsonNode o) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static float[] floats(String name) throws IOException {
        try (InputStream in = PerturbationReferenceTest.class.getResourceAsStream(DIR + name)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }
}
