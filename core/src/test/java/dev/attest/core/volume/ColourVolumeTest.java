package dev.attest.core.volume;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The colour volume's invariants (one type, one grid) and its cursor readout. */
class ColourVolumeTest {
    private static final ImageGrid GRID = new ImageGrid(2, 2, 1, Affine.identity());

    @Test
    void readoutShowsTheSamplesAndForPaletteColourTheIndex() {
        Volume r = Volume.allocate(GRID, VoxelType.UINT16);
        Volume g = Volume.allocate(GRID, VoxelType.UINT16);
        Volume b = Volume.allocate(GRID, VoxelType.UINT16);
        Volume idx = Volume.allocate(GRID, VoxelType.UINT8);
        r.setStored(1, 0, 0, 65535);
        g.setStored(1, 0, 0, 40000);
        b.setStored(1, 0, 0, 7);
        idx.setStored(1, 0, 0, 200);
        ColourVolume rgb = new ColourVolume(r, g, b, 65535, null, "RGB");
        ColourVolume palette = new ColourVolume(r, g, b, 65535, idx, "PALETTE COLOR");
        assertArrayEquals(new long[] {65535, 40000, 7}, rgb.rgb(1, 0, 0));
        assertEquals("R G B = 65535 40000 7", rgb.readout(1, 0, 0));
        assertEquals("index 200 \u2192 R G B = 65535 40000 7", palette.readout(1, 0, 0));
        assertEquals(idx, palette.paletteIndices().orElseThrow());
    }

    @Test
    void channelsMustShareTypeAndGridAndBeUnsignedIntegers() {
        Volume u8 = Volume.allocate(GRID, VoxelType.UINT8);
        Volume u16 = Volume.allocate(GRID, VoxelType.UINT16);
        Volume otherGrid = Volume.allocate(new ImageGrid(2, 2, 1, Affine.diagonal(2, 2, 2)), VoxelType.UINT8);
        Volume f32 = Volume.allocate(GRID, VoxelType.FLOAT32);
        assertEquals("colour channels mix UINT8 and UINT16",
                assertThrows(IllegalArgumentException.class, () -> new ColourVolume(u8, u16, u8, 255, null, "RGB")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ColourVolume(u8, otherGrid, u8, 255, null, "RGB"));
        assertEquals("colour channels must be UINT8, UINT16 or UINT32, got FLOAT32",
                assertThrows(IllegalArgumentException.class, () -> new ColourVolume(f32, f32, f32, 1, null, "RGB")).getMessage());
        assertEquals("full intensity 256 does not fit UINT8",
                assertThrows(IllegalArgumentException.class, () -> new ColourVolume(u8, u8, u8, 256, null, "RGB")).getMessage());
    }
}
