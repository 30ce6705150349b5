package dev.attest.core.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.TestData;
import dev.attest.core.VolumeChecksums;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NiftiRoundTripTest {

    @TempDir
    Path dir;

    /** An oblique, anisotropic grid whose affine entries are not representable in float32. */
    static ImageGrid obliqueGrid(int sx, int sy, int sz) {
        Vec3 axis = new Vec3(0.3, -0.5, 0.8).normalized();
        double angle = 0.4;
        Vec3[] columns = new Vec3[3];
        Vec3[] basis = {new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1)};
        double[] spacing = {0.7, 0.8, 2.5};
        for (int c = 0; c < 3; c++) {
            Vec3 e = basis[c];
            // Rodrigues' rotation of each basis vector.
            Vec3 rotated = e.scale(Math.cos(angle)).add(axis.cross(e).scale(Math.sin(angle)))
                    .add(axis.scale(axis.dot(e) * (1 - Math.cos(angle))));
            columns[c] = rotated.scale(spacing[c]);
        }
        return new ImageGrid(sx, sy, sz,
                Affine.fromColumns(columns[0], columns[1], columns[2], new Vec3(-100.123, 50.456, 7.891)));
    }

    /** The same geometry after each affine entry went through a float32 NIfTI-1 field. */
    static Affine roundedToFloat(Affine a) {
        double[] m = a.toRowMajor();
        double[][] rows = new double[4][4];
        for (int i = 0; i < 16; i++) {
            rows[i / 4][i % 4] = (float) m[i];
        }
        return Affine.of(rows);
    }

    /** Fills a volume with the type's extremes, zero, and a spread of other values. */
    static Volume patterned(ImageGrid grid, VoxelType type) {
        Volume v = Volume.allocate(grid, type);
        long n = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++, n++) {
                    double value = switch ((int) (n % 5)) {
                        case 0 -> type.minValue();
                        case 1 -> type.maxValue();
                        case 2 -> 0;
                        case 3 -> type.isInteger() ? (n * 7919) % 127 : -0.1 * n;
                        default -> type.isInteger() ? type.maxValue() - n : 1e-3 * n * n;
                    };
                    v.setStored(x, y, z, value);
                }
            }
        }
        return v;
    }

    static Stream<Arguments> everyTypeFormatAndCompression() {
        List<Arguments> cases = new ArrayList<>();
        for (VoxelType type : VoxelType.values()) {
            for (String suffix : new String[] {".nii", ".nii.gz"}) {
                for (NiftiVersion version : NiftiVersion.values()) {
                    cases.add(Arguments.of(type, suffix, version));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("everyTypeFormatAndCompression")
    void roundTripsEveryVoxelTypeExactly(VoxelType type, String suffix, NiftiVersion version) throws IOException {
        ImageGrid grid = obliqueGrid(7, 5, 3);
        Volume written = patterned(grid, type);
        written.setName("pattern " + type);
        Path file = dir.resolve("pattern" + suffix);
        NiftiWriter.write(written, file, NiftiWriteOptions.DEFAULTS.withVersion(version));

        NiftiImage image = NiftiReader.read(file);
        Volume read = image.volume();
        assertEquals(type, read.type());
        for (int z = 0; z < grid.sizeZ(); z++) {
            assertSliceEquals(written.sliceArray(z), read.sliceArray(z));
        }
        assertEquals(VolumeChecksums.sha256(written), VolumeChecksums.sha256(read));
        Affine expected = version == NiftiVersion.NIFTI_2 ? grid.indexToLps() : roundedToFloat(grid.indexToLps());
        assertEquals(expected, read.grid().indexToLps());

        NiftiHeader h = image.header();
        assertEquals(version, h.version());
        assertEquals(NiftiDatatype.of(type).code(), h.datatype());
        assertEquals(version.extensionsStart(), h.voxOffset());
        assertEquals(1, h.sformCode());
        assertEquals(1, h.qformCode());
        assertEquals(NiftiHeader.UNITS_MM, h.xyztUnits());
        assertEquals("pattern " + type, h.description());
        // An orthogonal grid: the rigid qform describes the same placement as the sform.
        assertTrue(h.qform().toAffine().maxAbsDifference(h.sform()) < 1e-5);
        assertEquals(List.of(), image.warnings());

        byte[] bytes = Files.readAllBytes(file);
        if (suffix.endsWith(".gz")) {
            assertEquals(0x1F, bytes[0] & 0xFF);
            assertEquals(0x8B, bytes[1] & 0xFF);
        } else {
            assertEquals(version.extensionsStart() + written.voxelBytes(), bytes.length);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void shearedGantryTiltAffineSurvivesInTheSformWhileQformIsRigid(NiftiVersion version) throws IOException {
        double shift = 2.5 * Math.tan(Math.toRadians(-18.5));
        Affine tilted = Affine.fromColumns(
                new Vec3(0.48828125, 0, 0), new Vec3(0, 0.48828125, 0), new Vec3(0, shift, 2.5),
                new Vec3(-125.1, -140.7, 30.3));
        ImageGrid grid = new ImageGrid(8, 8, 6, tilted);
        Volume v = patterned(grid, VoxelType.INT16);
        Path file = dir.resolve("tilted.nii.gz");
        NiftiWriter.write(v, file, NiftiWriteOptions.DEFAULTS.withVersion(version));

        NiftiImage image = NiftiReader.read(file);
        Affine expected = version == NiftiVersion.NIFTI_2 ? tilted : roundedToFloat(tilted);
        assertEquals(expected, image.volume().grid().indexToLps());
        assertFalse(image.volume().grid().isOrthogonal(1e-3));

        ImageGrid rigid = ImageGrid.fromRas(8, 8, 6, image.header().qform().toAffine());
        assertTrue(rigid.isOrthogonal(1e-6));
        assertNotEquals(image.volume().grid(), rigid);
        assertEquals(grid.spacing().z(), rigid.spacing().z(), 1e-5);
    }

    static Stream<NiftiVersion> versions() {
        return Stream.of(NiftiVersion.values());
    }

    @Test
    void leftHandedGridIsWrittenWithNegativeQfac() throws IOException {
        // LPS identity is left-handed in RAS (x and y flipped), so qfac must be -1 for the qform to hold it.
        ImageGrid grid = new ImageGrid(4, 4, 4, Affine.diagonal(1, 1, -2));
        Path file = dir.resolve("lefthanded.nii");
        NiftiWriter.write(Volume.allocate(grid, VoxelType.UINT8), file);
        NiftiHeader h = NiftiReader.readHeader(file);
        assertEquals(-1.0, h.pixdim(0));
        assertEquals(grid, ImageGrid.fromRas(4, 4, 4, h.qform().toAffine()));
        assertEquals(grid, NiftiReader.read(file).volume().grid());
    }

    @Test
    void uniformRescaleIsWrittenAsSclSlopeAndIntercept() throws IOException {
        ImageGrid grid = obliqueGrid(4, 3, 2);
        Volume ct = patterned(grid, VoxelType.INT16);
        ct.setRescale(new Rescale(0.5, -1024));
        Path file = dir.resolve("ct.nii.gz");
        NiftiWriter.write(ct, file);

        NiftiImage image = NiftiReader.read(file);
        assertEquals(0.5, image.header().sclSlope());
        assertEquals(-1024.0, image.header().sclInter());
        Volume read = image.volume();
        assertEquals(new Rescale(0.5, -1024), read.rescale());
        assertEquals(ct.getPhysical(3, 2, 1), read.getPhysical(3, 2, 1));
        assertEquals(-1024 + 0.5 * Short.MIN_VALUE, read.getPhysical(0, 0, 0));
    }

    @Test
    void perSliceRescaleIsWrittenAsFloat32PhysicalValues() throws IOException {
        ImageGrid grid = new ImageGrid(3, 2, 3, Affine.diagonal(0.5, 0.5, 1));
        Volume pet = Volume.allocate(grid, VoxelType.UINT16);
        for (int z = 0; z < 3; z++) {
            pet.setStored(2, 1, z, 1000);
        }
        pet.setSliceRescale(new double[] {0.001, 0.002, 0.004}, new double[] {0, 0, 1});
        Path file = dir.resolve("pet.nii");
        NiftiWriter.write(pet, file);

        Volume read = NiftiReader.read(file).volume();
        assertEquals(VoxelType.FLOAT32, read.type());
        assertEquals(Rescale.IDENTITY, read.rescale());
        assertEquals((float) 1.0, (float) read.getPhysical(2, 1, 0));
        assertEquals((float) 2.0, (float) read.getPhysical(2, 1, 1));
        assertEquals((float) 5.0, (float) read.getPhysical(2, 1, 2));
        assertEquals(1.0, read.getPhysical(0, 0, 2));
    }

    @Test
    void realCtRoundTripsThroughGzipUnchanged() throws IOException {
        NiftiImage original = NiftiReader.read(TestData.nifti("totalsegmentator_example_ct_sm.nii.gz"));
        Path file = dir.resolve("ct_copy.nii.gz");
        NiftiWriter.write(original.volume(), file);
        Volume copy = NiftiReader.read(file).volume();
        assertEquals("d46fabdda64cab23afd3eee9d16f527d0531ce53b377d7de040603b9e991c77b", VolumeChecksums.sha256(copy));
        assertEquals(original.volume().grid(), copy.grid());
    }

    @Test
    void labelTableExtensionIsCarriedWhenRequested() throws IOException {
        NiftiImage original = NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        Path file = dir.resolve("seg_copy.nii.gz");
        NiftiWriter.write(original.volume(), file, NiftiWriteOptions.DEFAULTS.withExtensions(original.extensions()));
        NiftiImage copy = NiftiReader.read(file);
        assertEquals(original.extensions(), copy.extensions());
        assertEquals(352 + 12816, copy.header().voxOffset());
        assertEquals("f266b56668d97b06817a7ae88814321eb3ce32d0cc50229ad56504f2b2f4fa36",
                VolumeChecksums.sha256(copy.volume()));
    }

    @Test
    void dimensionsBeyondNifti1LimitsSwitchToNifti2() throws IOException {
        ImageGrid wide = new ImageGrid(40000, 1, 2, Affine.identity());
        Volume v = Volume.allocate(wide, VoxelType.UINT8);
        v.setStored(39999, 0, 1, 42);
        Path file = dir.resolve("wide.nii");
        NiftiWriter.write(v, file);
        NiftiImage image = NiftiReader.read(file);
        assertEquals(NiftiVersion.NIFTI_2, image.header().version());
        assertEquals(40000L, image.header().dim(1));
        assertEquals(42.0, image.volume().getStored(39999, 0, 1));
    }

    @Test
    void lazyVolumeIsLoadedWhileWriting() throws IOException {
        ImageGrid grid = new ImageGrid(4, 4, 5, Affine.identity());
        Volume lazy = Volume.lazy(grid, VoxelType.INT32, (z, slice) -> java.util.Arrays.fill((int[]) slice, -z));
        Path file = dir.resolve("lazy.nii");
        NiftiWriter.write(lazy, file);
        assertEquals(-4.0, NiftiReader.read(file).volume().getStored(3, 3, 4));
    }

    @Test
    void cancelledWriteLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("cancelled.nii.gz");
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        Volume v = Volume.allocate(new ImageGrid(4, 4, 4, Affine.identity()), VoxelType.UINT8);
        assertThrows(CancelledException.class,
                () -> NiftiWriter.write(v, file, NiftiWriteOptions.DEFAULTS, ProgressListener.NONE, cancellation));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void writingOverAnExistingFileReplacesIt() throws IOException {
        Path file = dir.resolve("replace.nii");
        Files.writeString(file, "not a nifti");
        Volume v = Volume.allocate(new ImageGrid(2, 2, 2, Affine.identity()), VoxelType.FLOAT64);
        v.setStored(1, 1, 1, Math.PI);
        NiftiWriter.write(v, file);
        assertEquals(Math.PI, NiftiReader.read(file).volume().getStored(1, 1, 1));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    private static void assertSliceEquals(Object expected, Object actual) {
        switch (expected) {
            case byte[] a -> assertArrayEquals(a, (byte[]) actual);
            case short[] a -> assertArrayEquals(a, (short[]) actual);
            case int[] a -> assertArrayEquals(a, (int[]) actual);
            case float[] a -> assertArrayEquals(a, (float[]) actual);
            case double[] a -> assertArrayEquals(a, (double[]) actual);
            default -> throw new AssertionError("not a slice array");
        }
    }
}
