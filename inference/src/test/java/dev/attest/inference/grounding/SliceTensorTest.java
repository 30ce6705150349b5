package dev.attest.inference.grounding;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pre-processing of a slice into the network image, against torch, and the resize it rests on. */
class SliceTensorTest {

    @Test
    void windowResizeChannelsAndStandardisationMatchTorch() throws Exception {
        ModelManifest m = ManifestJson.read(GroundingFixtures.path(GroundingFixtures.TORCHSCRIPT + "/manifest.json"));
        SliceImage slice = GroundingFixtures.slice(GroundingFixtures.reference());
        FloatTensor t = SliceTensor.of(slice, m.input(), m.grounding().image());
        assertArrayEquals(new long[] {1, 3, 24, 32}, t.shape());
        assertArrayEquals(GroundingFixtures.floats("input_1x3x24x32.f32"), t.data(), 1e-5f);
    }

    @Test
    void bilinearResizeAlignsPixelCentresAndClampsAtTheEdges() {
        // torch: F.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, BilinearResize.resize(new float[] {0, 1}, 2, 1, 4, 1));
        // Halving a 4 x 2 ramp samples between pixel pairs: source x = 0.5 and 2.5.
        assertArrayEquals(new float[] {1.5f, 3.5f}, BilinearResize.resize(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, 4, 2, 2, 1));
        float[] same = {1, 5, -2, 7, 3, 0};
        assertArrayEquals(same, BilinearResize.resize(same, 3, 2, 3, 2));
    }

    @Test
    void aVolumeSliceKeepsPhysicalValuesAndMovesTheOriginToThatSlice() {
        Affine a = Affine.fromColumns(new Vec3(0.5, 0, 0), new Vec3(0, 0.75, 0), new Vec3(0, 0, 2), new Vec3(10, 20, 30));
        ImageGrid grid = new ImageGrid(2, 2, 3, a);
        float[][] planes = {{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}};
        Volume v = Volume.wrap(grid, VoxelType.FLOAT32, planes);
        SliceImage s = SliceImage.of(v, 2);
        assertArrayEquals(new float[] {20, 21, 22, 23}, s.values());
        assertEquals(new Vec3(10, 20, 34), s.grid().origin());
        assertEquals(new Vec3(10.5, 20.75, 34), s.grid().indexToLps().apply(1, 1, 0));
    }
}
