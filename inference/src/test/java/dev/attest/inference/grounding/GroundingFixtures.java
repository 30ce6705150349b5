package dev.attest.inference.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the grounding fixture written by tools/fixtures/make_grounding_fixture.py. */
final class GroundingFixtures {

    static final String DIR = "/fixtures/grounding/";
    static final String TORCHSCRIPT = "tiny-grounding-ts";
    static final String ONNX = "tiny-grounding-onnx";

    private GroundingFixtures() {
    }

    static Path path(String name) throws URISyntaxException {
        return Paths.get(GroundingFixtures.class.getResource(DIR + name).toURI());
    }

    static float[] floats(String name) throws IOException {
        try (InputStream in = GroundingFixtures.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }

    static JsonNode reference() throws IOException {
        try (InputStream in = GroundingFixtures.class.getResourceAsStream(DIR + "reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The fixture slice: 40 x 30 HU values on a grid rotated 30 degrees about S with spacing 0.7 x 0.9 mm. */
    static SliceImage slice(JsonNode ref) throws IOException {
        JsonNode s = ref.get("slice");
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = s.get("affineLps").get(r).get(c).asDouble();
            }
        }
        ImageGrid grid = new ImageGrid(s.get("width").asInt(), s.get("height").asInt(), 1, Affine.of(rows));
        return new SliceImage(grid, floats(s.get("file").asText()));
    }

    static long[] longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asLong();
        }
        return v;
    }

    static float[] floatsOf(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
