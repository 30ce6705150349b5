package dev.attest.inference.meshnet;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.ModelManifest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MeshNet.predict logits against Debian torch 1.13 on small patches (tools/reference/make_meshnet_patch_refs.py):
 * mindgrab exercises GELU (exact erf form on both sides) and convolutions without bias, model18cls ELU;
 * both are loaded through the importer's manifest.
 */
class MeshNetPatchTest {

    static final Path BRAINCHOP = MeshNetModel5Test.DATA.resolve("models/brainchop");

    @Test
    void mindgrabGeluLogitsMatchTorch() throws Exception {
        check("mindgrab", 16, 2);
    }

    @Test
    void model18clsEluLogitsMatchTorch() throws Exception {
        check("model18cls", 12, 18);
    }

    @Test
    void manifestWithAnotherSha256IsRefused() {
        Path dir = BRAINCHOP.resolve("model5_gw_ae");
        ModelManifest m = MeshNetImporter.manifest(dir);
        ModelManifest wrong = new ModelManifest(m.id(), m.name(), m.version(), m.task(), m.engine(), m.format(), m.weights(),
                "0".repeat(64), m.input(), m.outputs(), m.licence(), m.description());
        TfjsModelException e = assertThrows(TfjsModelException.class, () -> MeshNet.load(wrong, dir, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("differs from the manifest"), e.getMessage());
    }

    private static void check(String model, int n, int classes) throws Exception {
        Path dir = BRAINCHOP.resolve(model);
        FloatTensor in = new FloatTensor(floats(model + "_" + n + "_input.f32"), new long[] {1, 1, n, n, n});
        float[] expected = floats(model + "_" + n + "_logits.f32");
        try (MeshNet net = MeshNet.load(MeshNetImporter.manifest(dir), dir, DeviceChoice.CPU)) {
            FloatTensor out = net.predict(in);
            assertArrayEquals(new long[] {1, classes, n, n, n}, out.shape());
            float scale = 0;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            float worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(out.data()[i] - expected[i]));
            }
            System.out.printf("%s patch logits: max |difference| %.3g of max |logit| %.3g%n", model, worst, scale);
            // float32 sums in a different order: agreement to a few units in the last place of the largest logit.
            assertTrue(worst <= 1e-5f * scale, model + ": " + worst + " vs scale " + scale);
            MeshNetSegmentation seg = net.segment(in);
            int same = 0;
            int voxels = n * n * n;
            for (int v = 0; v < voxels; v++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (expected[k * voxels + v] > expected[best * voxels + v]) {
                        best = k;
                    }
                }
                same += best == (seg.labels()[v] & 0xFF) ? 1 : 0;
            }
            assertEquals(voxels, same, model + ": segment() argmax against torch's logits");
        }
    }

    static float[] floats(String name) throws IOException {
        try (InputStream in = MeshNetPatchTest.class.getResourceAsStream("/fixtures/meshnet/" + name)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }
}
