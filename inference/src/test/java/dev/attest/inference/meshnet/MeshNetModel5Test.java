package dev.attest.inference.meshnet;

import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.inference.conform.BrainConform;
import dev.attest.inference.conform.ConformedVolume;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.LabelVolume;
import dev.attest.inference.run.RunOptions;
import dev.attest.inference.run.SegmentationRun;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * brainchop's model5_gw_ae rebuilt from its TF.js weights gives the ONNX Runtime reference segmentation of
 * the sample T1 (models/reference-outputs, made from the niivue ONNX twin), and the same argmax as that
 * ONNX file run here through DJL's ONNX Runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshNetModel5Test {

    static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));
    static final Path T1 = DATA.resolve("nifti/brainchop_t1_crop.nii.gz");
    static final Path MODEL = DATA.resolve("models/brainchop/model5_gw_ae");

    private FloatTensor input;
    private MeshNetSegmentation ours;

    @BeforeAll
    void segmentOnce() throws Exception {
        Volume t1 = NiftiReader.read(T1).volume();
        ConformedVolume conformed = BrainConform.conform(t1);
        // The sample is already conformed: brainchop uses it as is, so must we.
        assertSame(t1, conformed.volume());
        assertFalse(conformed.resampled());
        input = BrainchopScaling.tensor(conformed.volume(), Normalisation.minMax());
        // Through the same entry point as `attest infer` and the GUI: the registry's manifest and SegmentationRun.
        ModelManifest manifest = MeshNetImporter.manifest(MODEL);
        try (MeshNet net = MeshNet.load(manifest, MODEL, DeviceChoice.CPU)) {
            long t1ns = System.nanoTime();
            InferenceResult r = SegmentationRun.run(manifest, net, t1, RunOptions.defaults(),
                    dev.attest.core.progress.ProgressListener.NONE, new dev.attest.core.progress.Cancellation());
            long t2 = System.nanoTime();
            // Conformed input: the label map lands on the T1's own grid.
            assertSame(t1.grid(), r.labels().grid());
            byte[] labels = new byte[256 * 256 * 256];
            for (int z = 0; z < 256; z++) {
                System.arraycopy((byte[]) r.labels().sliceArray(z), 0, labels, z * 65536, 65536);
            }
            ours = new MeshNetSegmentation(256, 256, 256, labels, -1, null);
            long[] counts = ours.counts(3);
            assertEquals(List.of(counts[1], counts[2]), r.volumes().stream().map(LabelVolume::voxels).toList());
            assertEquals(List.of("White Matter", "Grey Matter"), r.volumes().stream().map(LabelVolume::name).toList());
            assertEquals("brainchop-model5_gw_ae", r.provenance().modelId());
            // Three classes: the white-matter probability comes back as evidence, a softmax value per voxel.
            Volume wm = r.maps().get("prob-1");
            assertSame(t1.grid(), wm.grid());
            // A softmax over three classes: above 1/2 the class must win, and a winning class has at least 1/3.
            long inconsistent = 0;
            for (int z = 0; z < 256; z++) {
                float[] prob = (float[]) wm.sliceArray(z);
                for (int i = 0; i < prob.length; i++) {
                    boolean wins = labels[z * 65536 + i] == 1;
                    if (prob[i] < 0 || prob[i] > 1 || (prob[i] > 0.5f && !wins) || (wins && prob[i] < 1 / 3f - 1e-6f)) {
                        inconsistent++;
                    }
                }
            }
            assertEquals(0, inconsistent);
            System.out.printf("model5_gw_ae: inference 256^3 %.1f s on %s; %s%n",
                    (t2 - t1ns) / 1e9, net.engineInfo(), RunFigures.memory());
        }
    }

    @Test
    void agreesWithTheOnnxRuntimeReferenceSegmentation() throws Exception {
        Volume ref = NiftiReader.read(DATA.resolve("models/reference-outputs/t1_crop_model5_gw_ae_onnxruntime_seg.nii.gz"))
                .volume();
        long n = ref.grid().voxelCount();
        long same = 0;
        long[] refCounts = new long[3];
        for (int z = 0; z < 256; z++) {
            byte[] r = (byte[]) ref.sliceArray(z);
            for (int i = 0; i < r.length; i++) {
                refCounts[r[i]]++;
                if (r[i] == ours.labels()[z * r.length + i]) {
                    same++;
                }
            }
        }
        double agreement = same / (double) n;
        long[] counts = ours.counts(3);
        System.out.printf("model5 vs ORT reference: %d of %d voxels agree (%.6f); counts ours %s ref %s%n", same, n,
                agreement, java.util.Arrays.toString(counts), java.util.Arrays.toString(refCounts));
        // The reference's own counts (SOURCES.md), so a changed reference file cannot pass silently.
        assertArrayEquals(new long[] {15_523_464, 518_540, 735_212}, refCounts);
        assertTrue(agreement >= 0.999, "agreement " + agreement);
        long bound = n - same;
        for (int k = 0; k < 3; k++) {
            assertTrue(Math.abs(counts[k] - refCounts[k]) <= bound, "class " + k + " count " + counts[k]);
        }
    }

    @Test
    void givesTheSameArgmaxAsTheOnnxTwinThroughOnnxRuntime() {
        float[] logits;
        long t0 = System.nanoTime();
        try (DjlModelPredictor onnx = DjlModelPredictor.load(DATA.resolve("models/niivue-onnx/model.onnx"),
                EngineKind.ONNXRUNTIME, DeviceChoice.CPU)) {
            FloatTensor out = onnx.predict(input);
            assertArrayEquals(new long[] {1, 3, 256, 256, 256}, out.shape());
            logits = out.data();
        }
        System.out.printf("ONNX Runtime model5 256^3: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        int n = 256 * 256 * 256;
        long same = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (logits[k * n + i] > logits[best * n + i]) {
                    best = k;
                }
            }
            if (best == ours.labels()[i]) {
                same++;
            }
        }
        System.out.printf("model5 MeshNet vs ONNX Runtime argmax: %d of %d identical (%.7f)%n", same, n, same / (double) n);
        assertEquals(1.0, same / (double) n, 1e-5);
    }
}
