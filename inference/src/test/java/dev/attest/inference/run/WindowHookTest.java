package dev.attest.inference.run;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evidence hooks' maps come back on the source grid: a hook that returns its input (×1 per window,
 * ×2 for the whole input) must reproduce the source voxel values, in either axis order.
 */
class WindowHookTest {

    /** Returns factor × the first input channel as its one map, shape kept. */
    record Echo(Scope scope, String name, float factor) implements WindowHook {
        @Override
        public List<String> mapNames() {
            return List.of(name);
        }

        @Override
        public FloatTensor compute(FloatTensor input, PatchPredictor predictor) {
            long[] s = input.shape();
            int voxels = (int) (s[2] * s[3] * s[4]);
            int c = (int) s[1];
            float[] out = new float[(int) s[0] * voxels];
            for (int n = 0; n < s[0]; n++) {
                for (int i = 0; i < voxels; i++) {
                    out[n * voxels + i] = factor * input.data()[n * c * voxels + i];
                }
            }
            return new FloatTensor(out, new long[] {s[0], 1, s[2], s[3], s[4]});
        }
    }

    private static void check(String axisOrder, WindowHook hook, float factor) {
        InputContract c = new InputContract("CT", 2, null, null, axisOrder, Normalisation.none(),
                new int[] {10, 7, 9}, 0.25, 3);
        ModelManifest m = new ModelManifest("m", "m", "1", ModelTask.SEGMENTATION, "pytorch", WeightFormat.TORCHSCRIPT,
                "x.pt", "ab", c, List.of(new OutputSpec("seg", "logits", "softmax", List.of(), false)), "MIT", "");
        Volume in = ManyClassBoundedMemoryTest.labelledPhantom(17, 13, 21);
        InferenceResult r = InferenceRunner.run(m, new ManyClassBoundedMemoryTest.DistancePredictor(), in,
                RunOptions.defaults().withHook(hook).withProbabilityClasses(List.of()), ProgressListener.NONE,
                new Cancellation());
        Volume map = r.maps().get(hook.mapNames().get(0));
        assertEquals(in.grid(), map.grid());
        for (int z = 0; z < 21; z++) {
            for (int y = 0; y < 13; y++) {
                for (int x = 0; x < 17; x++) {
                    assertEquals(factor * in.getStored(x, y, z), map.getStored(x, y, z), 1e-4,
                            "at " + x + "," + y + "," + z);
                    assertEquals((int) in.getStored(x, y, z), (int) r.labels().getStored(x, y, z));
                }
            }
        }
    }

    @Test
    void windowHookMapsAreBlendedAndMappedBack() {
        check("zyx", new Echo(WindowHook.Scope.WINDOW, "echo", 1f), 1f);
        check("xyz", new Echo(WindowHook.Scope.WINDOW, "echo", 1f), 1f);
    }

    @Test
    void wholeInputHookMapsAreTransposedAndMappedBack() {
        check("zyx", new Echo(WindowHook.Scope.WHOLE_INPUT, "twice", 2f), 2f);
        check("xyz", new Echo(WindowHook.Scope.WHOLE_INPUT, "twice", 2f), 2f);
    }
}
