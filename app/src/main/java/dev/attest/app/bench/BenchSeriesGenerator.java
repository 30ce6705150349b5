package dev.attest.app.bench;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Uids;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.write.SeriesWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Makes the load benchmark's input from real data: the slices of a real 512×512 CT series,
 * repeated back and forth to the requested count at 0.625 mm (a thin-slice CT), written as a new
 * series by our own DICOM writer.
 */
public final class BenchSeriesGenerator {
    /** What was written. */
    public record Generated(int files, long voxelBytes, long bytesOnDisk) {
    }

    private BenchSeriesGenerator() {
    }

    public static Generated generate(Path source, Path target, int slices) throws IOException {
        Volume real = SeriesSelector.open(source, null, 1).volume();
        ImageGrid g = real.grid();
        if (g.sizeX() != 512 || g.sizeY() != 512 || real.type() != VoxelType.INT16) {
            throw new IOException(source + ": the benchmark needs a 512x512 16-bit CT series, got " + g);
        }
        Vec3 sx = g.indexToLps().column(0);
        Vec3 sy = g.indexToLps().column(1);
        Vec3 normal = sx.cross(sy).normalized();
        ImageGrid grid = new ImageGrid(512, 512, slices, Affine.fromColumns(sx, sy, normal.scale(0.625), g.origin()));
        Volume out = Volume.allocate(grid, VoxelType.INT16);
        out.setRescale(new Rescale(real.slope(0), real.intercept(0)));
        int n = g.sizeZ();
        for (int z = 0; z < slices; z++) {
            int period = 2 * n - 2;
            int k = z % period;
            int src = k < n ? k : period - k; // back and forth, so neighbouring slices stay similar
            System.arraycopy((short[]) real.sliceArray(src), 0, (short[]) out.sliceArray(z), 0, 512 * 512);
        }
        SeriesWriter.SeriesInfo info = new SeriesWriter.SeriesInfo("CT", "1.2.840.10008.5.1.4.1.1.2", "Bench^Load",
                "BENCH-1", Uids.create(), Uids.create(), Uids.create(), 1, "Attest load benchmark", "benchmark", "20260101");
        SeriesWriter.write(out, target, info, TransferSyntax.EXPLICIT_VR_LE);
        long bytes;
        try (Stream<Path> files = Files.list(target)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        return new Generated(slices, grid.voxelCount() * 2, bytes);
    }
}
