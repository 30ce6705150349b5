package dev.attest.inference.evidence;

import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.Cancellation;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Occlusion maps match the Python implementation of the same definition (make_evidence_fixtures.py). */
class OcclusionSensitivityTest {

    private static final OcclusionSettings SMALL = new OcclusionSettings(new int[]{2, 3, 3}, new int[]{2, 2, 2}, 0f, 7);
    private static final OcclusionSettings LARGE = new OcclusionSettings(new int[]{3, 4, 5}, new int[]{2, 3, 2}, -1.5f, 4);

    @Test
    void torchScriptArgmaxRegionMatchesPython() {
        try (DjlModelPredictor p = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"), EngineKind.PYTORCH, DeviceChoice.CPU)) {
            EvidenceMap map = new OcclusionSensitivity(p, SMALL).compute(EvidenceFixtures.input(), TargetRegion.argmax(1),
                    (d, t, m) -> { }, new Cancellation());
            assertArrayEquals(EvidenceFixtures.floats("occlusion_class1_argmax_p2x3x3_s2x2x2_f0.f32"), map.values().data(), 1e-5f);
            assertEquals(22, map.regionVoxels());
        }
    }

    @Test
    void onnxMaskRegionMatchesPython() {
        try (DjlModelPredictor p = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.onnx"), EngineKind.ONNXRUNTIME, DeviceChoice.CPU)) {
            EvidenceMap map = new OcclusionSensitivity(p, LARGE).compute(EvidenceFixtures.input(),
                    TargetRegion.mask(2, EvidenceFixtures.mask()), (d, t, m) -> { }, new Cancellation());
            assertArrayEquals(EvidenceFixtures.floats("occlusion_class2_mask_p3x4x5_s2x3x2_fm1.5.f32"), map.values().data(), 1e-5f);
            assertEquals(48, map.regionVoxels());
            assertEquals(Map.of("method", "OCCLUSION", "targetClass", 2, "region", "mask",
                    "patchSizeZyx", List.of(3, 4, 5), "strideZyx", List.of(2, 3, 2), "fillValue", -1.5f, "batchSize", 4),
                    map.method().parameters());
        }
    }

    @Test
    void batchesOccludedCopiesAndReportsProgressPerCall() {
        // Starts per axis for 6x7x8 with patch 2x3x3, stride 2: z {0,2,4}, y {0,2,4}, x {0,2,4,5} -> 36 copies.
        List<long[]> reports = new ArrayList<>();
        List<Long> batchSizes = new ArrayList<>();
        try (DjlModelPredictor p = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"), EngineKind.PYTORCH, DeviceChoice.CPU)) {
            PatchPredictor counting = new Counting(p, batchSizes);
            OcclusionSensitivity occ = new OcclusionSensitivity(counting, SMALL);
            assertEquals(36, occ.occlusionCount(6, 7, 8));
            occ.compute(EvidenceFixtures.input(), TargetRegion.argmax(1), (d, t, m) -> reports.add(new long[]{d, t}),
                    new Cancellation());
        }
        assertEquals(List.of(1L, 7L, 7L, 7L, 7L, 7L, 1L), batchSizes);
        assertEquals(6, reports.size());
        assertArrayEquals(new long[]{7, 36}, reports.get(0));
        assertArrayEquals(new long[]{36, 36}, reports.get(5));
    }

    @Test
    void cancelStopsBetweenBatches() {
        Cancellation cancel = new Cancellation();
        List<Long> batchSizes = new ArrayList<>();
        try (DjlModelPredictor p = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"), EngineKind.PYTORCH, DeviceChoice.CPU)) {
            OcclusionSensitivity occ = new OcclusionSensitivity(new Counting(p, batchSizes), SMALL);
            assertThrows(CancelledException.class, () -> occ.compute(EvidenceFixtures.input(), TargetRegion.argmax(1),
                    (d, t, m) -> cancel.cancel(), cancel));
        }
        assertEquals(List.of(1L, 7L), batchSizes);
    }

    /** Passes through to a real predictor and records each call's batch size. */
    private record Counting(PatchPredictor inner, List<Long> batches) implements PatchPredictor {
        @Override
        public FloatTensor predict(FloatTensor input) {
            batches.add(input.dim(0));
            return inner.predict(input);
        }

        @Override
        public EngineInfo engineInfo() {
            return inner.engineInfo();
        }

        @Override
        public void close() {
        }
    }
}
