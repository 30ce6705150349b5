package dev.attest.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeTest {

    private static final ImageGrid SMALL = new ImageGrid(3, 2, 4, Affine.diagonal(0.5, 0.5, 2));

    @Test
    void storesEachTypeInItsPrimitiveSliceArray() {
        Map<VoxelType, Class<?>> expected = Map.of(
                VoxelType.UINT8, byte[].class, VoxelType.INT8, byte[].class,
                VoxelType.UINT16, short[].class, VoxelType.INT16, short[].class,
                VoxelType.INT32, int[].class, VoxelType.UINT32, int[].class,
                VoxelType.FLOAT32, float[].class, VoxelType.FLOAT64, double[].class);
        for (VoxelType type : VoxelType.values()) {
            Volume v = Volume.allocate(SMALL, type);
            for (int z = 0; z < SMALL.sizeZ(); z++) {
                assertInstanceOf(expected.get(type), v.sliceArray(z), type.name());
                assertEquals(6, java.lang.reflect.Array.getLength(v.sliceArray(z)));
            }
            assertEquals(24L * type.bytes(), v.voxelBytes());
        }
    }

    @Test
    void voxelBytesIsTheRawSizeEvenAboveTwoGigavoxels() {
        // A lazy volume allocates nothing up front, so a 2^31+ voxel grid can be described cheaply.
        ImageGrid huge = new ImageGrid(2048, 2048, 600, Affine.identity());
        Volume v = Volume.lazy(huge, VoxelType.INT16, (z, slice) -> { });
        assertEquals(2048L * 2048 * 600, huge.voxelCount());
        assertEquals(2048L * 2048 * 600 * 2, v.voxelBytes());
        assertFalse(v.isLoaded(599));
        assertEquals(2048 * 2048, ((short[]) v.sliceArray(599)).length);
    }

    @Test
    void valueAtXYIsAtIndexYTimesSizeXPlusX() {
        Volume v = Volume.allocate(SMALL, VoxelType.INT16);
        v.setStored(2, 1, 3, -1234);
        assertEquals(-1234, ((short[]) v.sliceArray(3))[1 * 3 + 2]);
        assertEquals(-1234.0, v.getStored(2, 1, 3));
    }

    @Test
    void unsignedTypesReadBackUnsigned() {
        Volume u8 = Volume.allocate(SMALL, VoxelType.UINT8);
        u8.setStored(0, 0, 0, 255);
        assertEquals(-1, ((byte[]) u8.sliceArray(0))[0]);
        assertEquals(255.0, u8.getStored(0, 0, 0));

        Volume u16 = Volume.allocate(SMALL, VoxelType.UINT16);
        u16.setStored(0, 0, 0, 65535);
        assertEquals(65535.0, u16.getStored(0, 0, 0));

        Volume u32 = Volume.allocate(SMALL, VoxelType.UINT32);
        u32.setStored(0, 0, 0, 4294967295.0);
        assertEquals(-1, ((int[]) u32.sliceArray(0))[0]);
        assertEquals(4294967295.0, u32.getStored(0, 0, 0));
    }

    @Test
    void integerTypesRoundToNearestAndSaturate() {
        Volume i8 = Volume.allocate(SMALL, VoxelType.INT8);
        i8.setStored(0, 0, 0, 200);
        i8.setStored(1, 0, 0, -1000);
        i8.setStored(2, 0, 0, 2.5);
        i8.setStored(0, 1, 0, -2.4);
        i8.setStored(1, 1, 0, Double.NaN);
        assertArrayEquals(new byte[] {127, -128, 3, -2, 0, 0}, (byte[]) i8.sliceArray(0));

        Volume u8 = Volume.allocate(SMALL, VoxelType.UINT8);
        u8.setStored(0, 0, 0, -5);
        u8.setStored(1, 0, 0, 1e9);
        assertEquals(0.0, u8.getStored(0, 0, 0));
        assertEquals(255.0, u8.getStored(1, 0, 0));

        Volume i32 = Volume.allocate(SMALL, VoxelType.INT32);
        i32.setStored(0, 0, 0, 1e12);
        assertEquals(Integer.MAX_VALUE, i32.getStored(0, 0, 0));

        Volume f32 = Volume.allocate(SMALL, VoxelType.FLOAT32);
        f32.setStored(0, 0, 0, 0.1);
        assertEquals((double) 0.1f, f32.getStored(0, 0, 0));
    }

    @Test
    void outOfRangeIndicesFailInsteadOfWrappingToTheNextRow() {
        Volume v = Volume.allocate(SMALL, VoxelType.UINT8);
        assertThrows(IndexOutOfBoundsException.class, () -> v.getStored(3, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> v.getStored(0, 2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> v.getStored(0, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> v.getStored(-1, 0, 0));
    }

    @Test
    void wrapSharesTheGivenArraysAndChecksTheirTypeAndLength() {
        Object[] slices = new Object[4];
        for (int z = 0; z < 4; z++) {
            slices[z] = new short[] {1, 2, 3, 4, 5, (short) z};
        }
        Volume v = Volume.wrap(SMALL, VoxelType.UINT16, slices);
        assertSame(slices[2], v.sliceArray(2));
        assertEquals(3.0, v.getStored(2, 1, 3));

        Object[] wrongType = {new byte[6], new byte[6], new byte[6], new byte[6]};
        assertThrows(IllegalArgumentException.class, () -> Volume.wrap(SMALL, VoxelType.INT16, wrongType));
        Object[] wrongLength = {new short[6], new short[5], new short[6], new short[6]};
        assertThrows(IllegalArgumentException.class, () -> Volume.wrap(SMALL, VoxelType.INT16, wrongLength));
        Object[] tooFew = {new short[6]};
        assertThrows(IllegalArgumentException.class, () -> Volume.wrap(SMALL, VoxelType.INT16, tooFew));
    }

    @Test
    void uniformRescaleGivesPhysicalValues() {
        Volume ct = Volume.allocate(SMALL, VoxelType.UINT16);
        ct.setRescale(new Rescale(1, -1024));
        ct.setStored(1, 1, 1, 1000);
        assertEquals(-24.0, ct.getPhysical(1, 1, 1));
        assertEquals(-1024.0, ct.getPhysical(0, 0, 0));
        assertTrue(ct.hasUniformRescale());
        assertEquals(new Rescale(1, -1024), ct.rescale());
    }

    @Test
    void perSliceRescaleAppliesEachSlicesOwnSlopeAndIntercept() {
        Volume pet = Volume.allocate(SMALL, VoxelType.INT16);
        for (int z = 0; z < 4; z++) {
            pet.setStored(1, 0, z, 100);
        }
        pet.setSliceRescale(new double[] {1, 0.5, 2, 0.25}, new double[] {-1024, 0, 10, -1});
        assertFalse(pet.hasUniformRescale());
        assertThrows(IllegalStateException.class, pet::rescale);
        assertEquals(-924.0, pet.getPhysical(1, 0, 0));
        assertEquals(50.0, pet.getPhysical(1, 0, 1));
        assertEquals(210.0, pet.getPhysical(1, 0, 2));
        assertEquals(24.0, pet.getPhysical(1, 0, 3));
        assertEquals(0.5, pet.slope(1));
        assertEquals(10.0, pet.intercept(2));

        Volume physical = pet.toFloat32Physical();
        assertEquals(VoxelType.FLOAT32, physical.type());
        assertTrue(physical.hasUniformRescale());
        assertEquals(Rescale.IDENTITY, physical.rescale());
        assertEquals(SMALL, physical.grid());
        float[] firstVoxelOfEachSlice = new float[4];
        for (int z = 0; z < 4; z++) {
            firstVoxelOfEachSlice[z] = ((float[]) physical.sliceArray(z))[0];
        }
        assertArrayEquals(new float[] {-1024, 0, 10, -1}, firstVoxelOfEachSlice);
        assertEquals(24.0, physical.getStored(1, 0, 3));
    }

    @Test
    void perSliceRescaleThatIsTheSameEverywhereBecomesUniform() {
        Volume v = Volume.allocate(SMALL, VoxelType.INT16);
        v.setSliceRescale(new double[] {2, 2, 2, 2}, new double[] {-3, -3, -3, -3});
        assertTrue(v.hasUniformRescale());
        assertEquals(new Rescale(2, -3), v.rescale());
        assertThrows(IllegalArgumentException.class, () -> v.setSliceRescale(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> v.setSliceRescale(new double[] {1, 1, Double.NaN, 1}, new double[] {0, 0, 0, 0}));
    }

    @Test
    void toFloat32PhysicalKeepsNameAndProperties() {
        Volume v = Volume.allocate(SMALL, VoxelType.UINT8);
        v.setName("liver mask");
        v.properties().put("series", "1.2.3");
        Volume f = v.toFloat32Physical();
        assertEquals("liver mask", f.name());
        assertEquals("1.2.3", f.properties().get("series"));
    }
}
