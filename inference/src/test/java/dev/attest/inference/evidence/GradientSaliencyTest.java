package dev.attest.inference.evidence;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input gradients through a TorchScript net with BatchNorm match torch.autograd's
 * (tools/fixtures/make_evidence_fixtures.py); a forward in training mode would not.
 */
class GradientSaliencyTest {

    private static DjlModelPredictor predictor;

    @BeforeAll
    static void load() {
        predictor = DjlModelPredictor.loadForGradients(EvidenceFixtures.file("tiny_seg.pt"), DeviceChoice.CPU);
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @Test
    void absoluteGradientOverArgmaxRegionMatchesAutograd() {
        EvidenceMap map = new GradientSaliency(predictor).compute(EvidenceFixtures.input(), TargetRegion.argmax(1), false);
        assertArrayEquals(new long[]{6, 7, 8}, map.values().shape());
        assertArrayEquals(EvidenceFixtures.floats("grad_class1_argmax.f32"), map.values().data(), 1e-5f);
        assertEquals(22, map.regionVoxels());
        assertEquals(EvidenceKind.INPUT_GRADIENT, map.method().kind());
        assertEquals("argmax", map.method().region());
    }

    @Test
    void gradientTimesInputOverMaskMatchesAutograd() {
        EvidenceMap map = new GradientSaliency(predictor).compute(EvidenceFixtures.input(),
                TargetRegion.mask(2, EvidenceFixtures.mask()), true);
        assertArrayEquals(EvidenceFixtures.floats("gradxinput_class2_mask.f32"), map.values().data(), 1e-5f);
        assertEquals(48, map.regionVoxels());
        assertEquals(EvidenceKind.GRADIENT_TIMES_INPUT, map.method().kind());
        assertEquals("mask", map.method().region());
    }

    @Test
    void repeatedCallsGiveTheSameMapAndLeaveInferenceUnchanged() {
        GradientSaliency saliency = new GradientSaliency(predictor);
        FloatTensor in = EvidenceFixtures.input();
        saliency.compute(in, TargetRegion.mask(2, EvidenceFixtures.mask()), false);
        EvidenceMap again = saliency.compute(in, TargetRegion.mask(2, EvidenceFixtures.mask()), false);
        assertArrayEquals(EvidenceFixtures.floats("grad_class2_mask.f32"), again.values().data(), 1e-5f);
        EvidenceMap x1 = saliency.compute(in, TargetRegion.argmax(1), true);
        assertArrayEquals(EvidenceFixtures.floats("gradxinput_class1_argmax.f32"), x1.values().data(), 1e-5f);
        // Plain inference on the same predictor after the backward passes still uses BatchNorm's running statistics.
        try (DjlModelPredictor plain = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"),
                EngineKind.PYTORCH, DeviceChoice.CPU)) {
            assertArrayEquals(plain.predict(in).data(), predictor.predict(in).data(), 1e-6f);
        }
    }

    @Test
    void inferenceOnlyPredictorIsRefusedInWords() {
        try (DjlModelPredictor plain = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"),
                EngineKind.PYTORCH, DeviceChoice.CPU)) {
            InferenceException e = assertThrows(InferenceException.class, () -> new GradientSaliency(plain));
            assertTrue(e.getMessage().contains("tiny_seg.pt") && e.getMessage().contains("loadForGradients"), e.getMessage());
        }
    }

    @Test
    void targetClassBeyondTheOutputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientSaliency(predictor).compute(EvidenceFixtures.input(), TargetRegion.argmax(3), false));
        assertTrue(e.getMessage().contains("3 classes"), e.getMessage());
    }
}
