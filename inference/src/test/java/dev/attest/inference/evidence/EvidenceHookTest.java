package dev.attest.inference.evidence;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.InferenceRunner;
import dev.attest.inference.run.RunOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evidence maps made during a run land on the source grid with their method recorded. With the whole
 * image in one window (Gaussian weights divide out), the run's maps must equal the network-space
 * methods applied directly to the same pre-processed input, voxel for voxel.
 */
class EvidenceHookTest {

    @Test
    void saliencyAndOcclusionFromARunEqualTheMethodsAppliedDirectly() {
        // The fixture's 6 x 7 x 8 input, channel 0, as a one-channel image; the runner repeats it into both channels.
        float[] all = EvidenceFixtures.floats("input_1x2x6x7x8.f32");
        int nz = 6, ny = 7, nx = 8, n = nz * ny * nx;
        Object[] slices = new Object[nz];
        for (int z = 0; z < nz; z++) {
            slices[z] = java.util.Arrays.copyOfRange(all, z * ny * nx, (z + 1) * ny * nx);
        }
        Volume image = Volume.wrap(new ImageGrid(nx, ny, nz, Affine.identity()), VoxelType.FLOAT32, slices);
        InputContract contract = new InputContract("CT", 2, null, null, "zyx", Normalisation.none(), null, 0, 1);
        ModelManifest manifest = new ModelManifest("tiny-seg", "tiny", "1", ModelTask.SEGMENTATION, "pytorch",
                WeightFormat.TORCHSCRIPT, "tiny_seg.pt", null, contract,
                List.of(new OutputSpec("logits", "logits", "softmax", List.of(new OutputLabel(0, "bg", 0, null),
                        new OutputLabel(1, "a", 0xFF0000, null), new OutputLabel(2, "b", 0x00FF00, null)), true)),
                "test", null);
        OcclusionSettings occlusion = new OcclusionSettings(new int[] {2, 3, 3}, new int[] {2, 2, 2}, 0f, 4);
        float[] channelData = new float[2 * n];
        System.arraycopy(all, 0, channelData, 0, n);
        System.arraycopy(all, 0, channelData, n, n);
        FloatTensor twoChannels = new FloatTensor(channelData, new long[] {1, 2, nz, ny, nx});

        try (DjlModelPredictor run = DjlModelPredictor.load(EvidenceFixtures.file("tiny_seg.pt"), EngineKind.PYTORCH, DeviceChoice.CPU);
             DjlModelPredictor grads = DjlModelPredictor.loadForGradients(EvidenceFixtures.file("tiny_seg.pt"), DeviceChoice.CPU)) {
            EvidenceHook hook = new EvidenceHook(1, grads, false, occlusion);
            InferenceResult r = InferenceRunner.run(manifest, run, image, RunOptions.defaults().withHook(hook),
                    ProgressListener.NONE, new Cancellation());
            float[] saliency = new GradientSaliency(grads).compute(twoChannels, TargetRegion.argmax(1), false).values().data();
            float[] occluded = new OcclusionSensitivity(run, occlusion).compute(twoChannels, TargetRegion.argmax(1),
                    ProgressListener.NONE, new Cancellation()).values().data();
            assertEquals(List.of("saliency-1", "occlusion-1"), hook.mapNames());
            Volume s = r.maps().get("saliency-1");
            Volume o = r.maps().get("occlusion-1");
            double maxSaliency = 0;
            for (int i = 0; i < n; i++) {
                int x = i % nx, y = i / nx % ny, z = i / (nx * ny);
                assertEquals(saliency[i], s.getPhysical(x, y, z), 1e-5 * Math.max(1, Math.abs(saliency[i])), "saliency at " + i);
                assertEquals(occluded[i], o.getPhysical(x, y, z), 1e-5, "occlusion at " + i);
                maxSaliency = Math.max(maxSaliency, saliency[i]);
            }
            assertEquals(true, maxSaliency > 0, "the class-1 region is not empty, so the gradient is not zero");
            @SuppressWarnings("unchecked")
            Map<String, Object> evidence = (Map<String, Object>) r.provenance().parameters().get("evidence");
            assertEquals(hook.parameters(), evidence);
            assertEquals(EvidenceMethod.occlusion(TargetRegion.argmax(1), occlusion).parameters(), evidence.get("occlusion-1"));
        }
    }
}
