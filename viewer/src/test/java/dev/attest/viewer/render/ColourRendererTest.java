package dev.attest.viewer.render;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Colour volumes resliced channel by channel and packed as ARGB, on volumes small enough to check by hand. */
class ColourRendererTest {

    /** 3 x 2 x 2 voxels of 1 mm at the origin, axes along LPS; channel c of voxel (x, y, z) from the given table. */
    private static ColourVolume volume(VoxelType type, long max, int[][][] rgbByZ) {
        ImageGrid grid = new ImageGrid(3, 2, 2, Affine.identity());
        Volume[] channels = new Volume[3];
        for (int c = 0; c < 3; c++) {
            channels[c] = Volume.allocate(grid, type);
            for (int z = 0; z < 2; z++) {
                for (int i = 0; i < 6; i++) {
                    channels[c].setStored(i % 3, i / 3, z, rgbByZ[z][i][c]);
                }
            }
        }
        return new ColourVolume(channels[0], channels[1], channels[2], max, null, "RGB");
    }

    @Test
    void eightBitAxialSliceIsPackedSampleForSample() {
        int[][][] rgb = {
                {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}, {13, 14, 15}, {16, 17, 18}},
                {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}, {0, 0, 0}, {128, 64, 32}}};
        ColourVolume v = volume(VoxelType.UINT8, 255, rgb);
        ColourRenderer.ColourSlice slice = ColourRenderer.reslice(v, ViewPlane.axial(new Vec3(1, 0.5, 1)), Interpolation.NEAREST);
        assertEquals(3, slice.width());
        assertEquals(2, slice.height());
        assertArrayEquals(new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF000000, 0xFF804020},
                ColourRenderer.render(slice));
    }

    @Test
    void sixteenBitChannelsAreScaledToEightBitsRoundingToNearest() {
        // 257 = 65535 / 255 is one 8-bit step; 128 steps and a half step round up, just below rounds down.
        int[][][] rgb = {
                {{0, 65535, 32896}, {257, 128, 129}, {65535, 65534, 65408}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}};
        ColourVolume v = volume(VoxelType.UINT16, 65535, rgb);
        ColourRenderer.ColourSlice slice = ColourRenderer.reslice(v, ViewPlane.axial(new Vec3(1, 0.5, 0)), Interpolation.NEAREST);
        int[] argb = ColourRenderer.render(slice);
        // 32896 * 255 / 65535 = 128.0; 128 → 0.498 → 0; 129 → 0.502 → 1; 65534 → 254.996 → 255; 65408 → 254.5 → 255 (round half up).
        assertEquals(0xFF00FF80, argb[0]);
        assertEquals(0xFF010001, argb[1]);
        assertEquals(0xFFFFFFFF, argb[2]);
    }

    @Test
    void linearSamplesRoundPerChannelAndPixelsOutsideTheVolumeAreOpaqueBlack() {
        int[][][] rgb = {
                {{0, 0, 0}, {100, 101, 1}, {200, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}};
        ColourVolume v = volume(VoxelType.UINT8, 255, rgb);
        // One row of six 0.5 mm pixels along y = 0, z = 0 at x = 0.25, 0.75, ..., 2.75; the volume ends at x = 2.5.
        SliceImage like = PlaneResampler.resample(v.red(), ViewPlane.axial(new Vec3(1.5, 0, 0)), 6, 1, 0.5, Interpolation.LINEAR);
        int[] argb = ColourRenderer.render(ColourRenderer.resliceLike(v, like, Interpolation.LINEAR));
        // x = 0.25: (25, 25.25, 0.25); 0.75: (75, 75.75, 0.75); 1.25: (125, 75.75, 0.75); 1.75: (175, 25.25, 0.25);
        // 2.25: past the last centre, the edge value (200, 0, 0) is held; 2.75: outside.
        assertArrayEquals(new int[] {0xFF191900, 0xFF4B4C01, 0xFF7D4C01, 0xFFAF1900, 0xFFC80000, 0xFF000000}, argb);
    }
}
