package dev.attest.inference.evidence;

import dev.attest.inference.engine.FloatTensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads the files tools/fixtures/make_evidence_fixtures.py wrote. */
final class EvidenceFixtures {

    static final long[] INPUT_SHAPE = {1, 2, 6, 7, 8};

    private EvidenceFixtures() {
    }

    static Path file(String name) {
        try {
            return Paths.get(EvidenceFixtures.class.getResource("/fixtures/evidence/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = EvidenceFixtures.class.getResourceAsStream("/fixtures/evidence/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    static FloatTensor input() {
        return new FloatTensor(floats("input_1x2x6x7x8.f32"), INPUT_SHAPE);
    }

    static boolean[] mask() {
        byte[] m = bytes("mask_6x7x8.u8");
        boolean[] b = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = m[i] != 0;
        }
        return b;
    }
}
