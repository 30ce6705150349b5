package dev.attest.annotation.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Label volumes on axis-aligned grids for metric tests, and the shared real data beside the repository. */
public final class TestVolumes {
    private TestVolumes() {
    }

    /** An empty UINT8 label map of nx × ny × nz voxels with the given spacing. */
    public static Volume labels(int nx, int ny, int nz, double sx, double sy, double sz) {
        ImageGrid grid = new ImageGrid(nx, ny, nz, Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0),
                new Vec3(0, 0, sz), new Vec3(-20, 10, 5)));
        return Volume.allocate(grid, VoxelType.UINT8);
    }

    /** A FLOAT32 map on the same grid as like. */
    public static Volume floats(Volume like) {
        return Volume.allocate(like.grid(), VoxelType.FLOAT32);
    }

    /** A file of the shared test data (system property attest.data), failing at once if it is missing. */
    public static Path data(String relative) {
        Path root = Path.of(System.getProperty("attest.data", "../../shared/data")).toAbsolutePath().normalize();
        Path file = root.resolve(relative);
        assertTrue(Files.isRegularFile(file), "shared test data is missing: " + file);
        return file;
    }

    /** A test resource of this module. */
    public static Path resource(String relative) {
        Path file = Path.of("src/test/resources").resolve(relative).toAbsolutePath();
        assertTrue(Files.isRegularFile(file), "test resource is missing: " + file);
        return file;
    }
}
