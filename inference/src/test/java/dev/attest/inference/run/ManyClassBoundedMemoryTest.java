package dev.attest.inference.run;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 120-class output runs with an accumulator of roi_z planes, not the whole depth, and still gives
 * the exact argmax. The synthetic predictor scores class k at a voxel of value v as −|k − v|, so
 * every window agrees and the label must equal the voxel value.
 */
class ManyClassBoundedMemoryTest {

    static final int CLASSES = 120;

    /** A real predictor (a known function of its input), counting its calls. */
    static final class DistancePredictor implements PatchPredictor {
        int calls;
        final List<Long> batchSizes = new ArrayList<>();

        @Override
        public FloatTensor predict(FloatTensor input) {
            calls++;
            long[] s = input.shape();
            batchSizes.add(s[0]);
            int voxels = (int) (s[2] * s[3] * s[4]);
            float[] out = new float[(int) s[0] * CLASSES * voxels];
            for (int n = 0; n < s[0]; n++) {
                for (int k = 0; k < CLASSES; k++) {
                    for (int i = 0; i < voxels; i++) {
                        out[(n * CLASSES + k) * voxels + i] = -Math.abs(k - input.data()[(int) (n * s[1]) * voxels + i]);
                    }
                }
            }
            return new FloatTensor(out, new long[] {s[0], CLASSES, s[2], s[3], s[4]});
        }

        @Override
        public EngineInfo engineInfo() {
            return new EngineInfo("synthetic", "1", "cpu", 1);
        }

        @Override
        public void close() {
        }
    }

    static ModelManifest manifest(int[] roiXyz, int batch) {
        InputContract c = new InputContract("CT", 1, null, null, "zyx", Normalisation.none(), roiXyz, 0.5, batch);
        return new ModelManifest("many", "Many classes", "1", ModelTask.SEGMENTATION, "pytorch", WeightFormat.TORCHSCRIPT,
                "x.pt", "ab", c, List.of(new OutputSpec("seg", "logits", "softmax", List.of(), false)), "MIT", "");
    }

    static Volume labelledPhantom(int nx, int ny, int nz) {
        Volume v = Volume.allocate(new ImageGrid(nx, ny, nz, Affine.diagonal(0.8, 0.8, 2.5)), VoxelType.FLOAT32);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v.setStored(x, y, z, (x + 3 * y + 7 * z) % CLASSES);
                }
            }
        }
        return v;
    }

    @Test
    void hundredTwentyClassesKeepOnlyARingOfRoiPlanes() {
        int nx = 24;
        int ny = 20;
        int nz = 60;
        Volume in = labelledPhantom(nx, ny, nz);
        DistancePredictor p = new DistancePredictor();
        List<long[]> reports = new ArrayList<>();
        InferenceResult r = InferenceRunner.run(manifest(new int[] {16, 12, 8}, 4), p, in,
                RunOptions.defaults().withProbabilityClasses(List.of(5)),
                (done, total, msg) -> reports.add(new long[] {done, total}), new Cancellation());
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    assertEquals((x + 3 * y + 7 * z) % CLASSES, (int) r.labels().getStored(x, y, z));
                }
            }
        }
        assertEquals(VoxelType.UINT8, r.labels().type());
        // Windows: x 0,8 (2), y 0,6,8 (3), z 0,4,...,52 (14) = 84, in batches of 4 = 21 calls.
        assertEquals(21, p.calls);
        assertEquals(List.of(4L), p.batchSizes.stream().distinct().toList());
        assertTrue(reports.stream().anyMatch(e -> e[0] == 84 && e[1] == 84), "progress reaches 84 of 84 windows");
        assertEquals(List.of("prob-5"), List.copyOf(r.maps().keySet()));
        // Softmax of -|k - v| at v = 5: e^0 / sum_k e^-|k-5|.
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            sum += Math.exp(-Math.abs(k - 5));
        }
        // (5, 0, 0) has value 5.
        assertEquals(1 / sum, r.maps().get("prob-5").getStored(5, 0, 0), 1e-6);
    }

    @Test
    void accumulatorHoldsRoiDepthPlanesWhateverTheDepth() {
        int nx = 24;
        int ny = 20;
        int nz = 60;
        Volume in = labelledPhantom(nx, ny, nz);
        float[] flat = InferenceRunner.flatten(in);
        SlidingWindowInferer inferer = new SlidingWindowInferer(new int[] {8, 12, 16}, 0.5, 4, BlendMode.GAUSSIAN,
                0.125, false);
        int[] planesSeen = new int[1];
        int k = inferer.run(new float[][] {flat}, nz, ny, nx, new DistancePredictor(), null,
                (z, values) -> {
                    assertEquals(planesSeen[0], z, "planes arrive in order, once each");
                    planesSeen[0]++;
                }, ProgressListener.NONE, new Cancellation());
        assertEquals(CLASSES, k);
        assertEquals(nz, planesSeen[0]);
        // (K + 1 weight) x roi_z planes x padded y x padded x: 121 * 8 * 20 * 24, a seventh of K x depth.
        assertEquals(121L * 8 * 20 * 24, inferer.accumulatorFloats());
        assertTrue(inferer.accumulatorFloats() < (long) CLASSES * nz * ny * nx / 7);
    }

    @Test
    void cancelStopsBetweenBatches() {
        Cancellation cancel = new Cancellation();
        DistancePredictor p = new DistancePredictor();
        ProgressListener cancelAfterFirst = (done, total, msg) -> {
            if (done == 4 && total == 84) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> InferenceRunner.run(manifest(new int[] {16, 12, 8}, 4), p,
                labelledPhantom(24, 20, 60), RunOptions.defaults(), cancelAfterFirst, cancel));
        assertEquals(1, p.calls);
    }
}
