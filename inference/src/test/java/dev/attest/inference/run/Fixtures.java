package dev.attest.inference.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Reads the sliding-window fixtures written by tools/fixtures/make_sliding_window_refs.py. */
final class Fixtures {

    static final String DIR = "/fixtures/sliding-window/";

    private Fixtures() {
    }

    static Path path(String name) throws URISyntaxException {
        return Paths.get(Fixtures.class.getResource(DIR + name).toURI());
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    static float[] floats(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    static short[] shorts(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }

    static JsonNode cases() throws IOException {
        return new ObjectMapper().readTree(bytes("cases.json"));
    }

    static ImageGrid sourceGrid(JsonNode root) {
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = root.get("sourceAffineLps").get(r).get(c).asDouble();
            }
        }
        JsonNode s = root.get("sourceShape");
        return new ImageGrid(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), Affine.of(rows));
    }

    /** A FLOAT32 volume over flat data (x fastest). */
    static Volume volume(ImageGrid grid, float[] flat) {
        int plane = grid.sizeX() * grid.sizeY();
        Object[] slices = new Object[grid.sizeZ()];
        for (int z = 0; z < slices.length; z++) {
            float[] s = new float[plane];
            System.arraycopy(flat, z * plane, s, 0, plane);
            slices[z] = s;
        }
        return Volume.wrap(grid, VoxelType.FLOAT32, slices);
    }

    static Normalisation normalisation(JsonNode n) {
        return new Normalisation(Normalisation.Kind.valueOf(n.get(0).asText()), n.get(1).asDouble(),
                n.get(2).asDouble(), n.get(3).asBoolean(), n.get(4).asBoolean());
    }

    static ModelManifest manifest(JsonNode c) {
        int[] roi = null;
        if (c.hasNonNull("roi")) {
            roi = new int[] {c.get("roi").get(0).asInt(), c.get("roi").get(1).asInt(), c.get("roi").get(2).asInt()};
        }
        double[] spacing = null;
        if (c.hasNonNull("spacing")) {
            spacing = new double[] {c.get("spacing").get(0).asDouble(), c.get("spacing").get(1).asDouble(),
                    c.get("spacing").get(2).asDouble()};
        }
        String orientation = c.hasNonNull("orientation") ? c.get("orientation").asText() : null;
        String axisOrder = c.hasNonNull("axisOrder") ? c.get("axisOrder").asText() : "zyx";
        InputContract contract = new InputContract("CT", 1, spacing, orientation, axisOrder,
                normalisation(c.get("norm")), roi, c.get("overlap").asDouble(), c.get("batch").asInt());
        OutputSpec out = new OutputSpec("segmentation", "logits", "softmax",
                List.of(new OutputLabel(1, "organ", 0xff0000, null), new OutputLabel(2, "lesion", 0x00ff00, null)),
                true);
        return new ModelManifest("tiny-seg", "Tiny segmenter", "1.0", ModelTask.SEGMENTATION, "pytorch",
                WeightFormat.TORCHSCRIPT, "tiny_seg.pt", "0".repeat(64), contract, List.of(out), "MIT", "test fixture");
    }
}
