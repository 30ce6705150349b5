package dev.attest.inference.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same tiny Conv3d as TorchScript and ONNX gives Python torch's output (tools/fixtures/make_tiny_conv.py). */
class DjlModelPredictorTest {

    static Path fixture(String name) throws URISyntaxException {
        return Paths.get(DjlModelPredictorTest.class.getResource("/fixtures/tiny-conv/" + name).toURI());
    }

    static float[] floats(String name) throws IOException {
        try (InputStream in = DjlModelPredictorTest.class.getResourceAsStream("/fixtures/tiny-conv/" + name)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[b.remaining() / 4];
            b.asFloatBuffer().get(f);
            return f;
        }
    }

    @Test
    void torchScriptMatchesPythonTorch() throws Exception {
        check("tiny_conv.pt", EngineKind.PYTORCH, "PyTorch");
    }

    @Test
    void onnxMatchesPythonTorch() throws Exception {
        check("tiny_conv.onnx", EngineKind.ONNXRUNTIME, "OnnxRuntime");
    }

    private void check(String file, EngineKind kind, String engineName) throws Exception {
        FloatTensor in = new FloatTensor(floats("input_1x1x4x5x6.f32"), new long[]{1, 1, 4, 5, 6});
        float[] expected = floats("output_1x2x4x5x6.f32");
        try (DjlModelPredictor p = DjlModelPredictor.load(fixture(file), kind, DeviceChoice.AUTO)) {
            FloatTensor out = p.predict(in);
            assertArrayEquals(new long[]{1, 2, 4, 5, 6}, out.shape());
            assertArrayEquals(expected, out.data(), 1e-5f);
            EngineInfo info = p.engineInfo();
            assertEquals(engineName, info.engine());
            assertTrue(info.threads() >= 1);
        }
    }

    @Test
    void missingFileIsATypedErrorNamingTheFile() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> DjlModelPredictor.load(Path.of("/nonexistent/model.pt"), EngineKind.PYTORCH, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("/nonexistent/model.pt"), e.getMessage());
    }

    @Test
    void gpuWithoutCudaIsRefusedInWords() {
        if (Engines.engine(EngineKind.PYTORCH).getGpuCount() > 0) {
            return;
        }
        assertThrows(EngineUnavailableException.class, () -> Engines.device(DeviceChoice.GPU, EngineKind.PYTORCH));
    }
}
