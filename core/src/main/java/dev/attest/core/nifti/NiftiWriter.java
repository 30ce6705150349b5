package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a single-file, little-endian NIfTI image, gzipped when the file name
 * ends in ".gz".
 *
 * <p>Both transforms are written with code 1 (scanner): the sform holds the grid's voxel-to-RAS
 * affine, and the qform the nearest rigid placement (voxel sizes from the column lengths, qfac −1
 * for a left-handed grid). For an orthogonal grid the two agree; for a sheared grid, such as a
 * gantry-tilted CT, only the sform is exact and readers that honour sform first (nibabel, ITK,
 * FSL, this reader) see the true geometry. A per-slice rescale cannot be recorded, so such a
 * volume is written as float32 physical values. NIfTI-1 stores floats in 32 bits, so the affine
 * and rescale are rounded to float; NIfTI-2 keeps them in 64 bits.
 */
public final class NiftiWriter {

    private static final int CHUNK_VOXELS = 1 << 20;

    private NiftiWriter() {
    }

    public static void write(Volume volume, Path file) throws IOException {
        write(volume, file, NiftiWriteOptions.DEFAULTS);
    }

    public static void write(Volume volume, Path file, NiftiWriteOptions options) throws IOException {
        write(volume, file, options, ProgressListener.NONE, new Cancellation());
    }

    /**
     * Writes volume to file through a temporary file in the same folder that replaces file only once
     * complete, so a crash or cancel never leaves a half-written image under the final name.
     */
    public static void write(Volume volume, Path file, NiftiWriteOptions options, ProgressListener progress,
            Cancellation cancellation) throws IOException {
        Volume source = volume.hasUniformRescale() ? volume : volume.toFloat32Physical();
        NiftiHeader header = header(source, options);
        // A sibling name, so the final move stays on one file system and can be atomic; created
        // like any other file (not with createTempFile's owner-only permissions).
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = open(temp, isGzipName(file))) {
                out.write(NiftiHeaderCodec.encode(header));
                writeExtensions(out, options.extensions());
                writeSlices(out, source, progress, cancellation);
            }
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Builds the header describing source, switching to NIfTI-2 where NIfTI-1 cannot record it. */
    private static NiftiHeader header(Volume source, NiftiWriteOptions options) {
        ImageGrid grid = source.grid();
        int largest = Math.max(grid.sizeX(), Math.max(grid.sizeY(), grid.sizeZ()));
        long extensionBytes = options.extensions().stream().mapToLong(NiftiExtension::blockSize).sum();
        NiftiVersion version = options.version();
        long voxOffset = version.extensionsStart() + extensionBytes;
        // NIfTI-1 keeps dims in 16 bits and vox_offset in a float, exact only up to 2^24.
        if (largest > NiftiVersion.NIFTI_1_MAX_DIM || (long) (float) voxOffset != voxOffset) {
            version = NiftiVersion.NIFTI_2;
            voxOffset = version.extensionsStart() + extensionBytes;
        }
        Affine ras = grid.toRas();
        Qform qform = Qform.fromAffine(ras);
        NiftiDatatype datatype = NiftiDatatype.of(source.type());
        Rescale rescale = source.rescale();
        return new NiftiHeader(
                version, ByteOrder.LITTLE_ENDIAN,
                List.of(3L, (long) grid.sizeX(), (long) grid.sizeY(), (long) grid.sizeZ(), 1L, 1L, 1L, 1L),
                datatype.code(), datatype.bitpix(),
                List.of(qform.qfac(), qform.voxelSize().x(), qform.voxelSize().y(), qform.voxelSize().z(), 1.0, 1.0, 1.0, 1.0),
                voxOffset, rescale.slope(), rescale.intercept(), 0, 0,
                NiftiHeader.UNITS_MM, 0, "", source.name(),
                1, 1, qform.quaternB(), qform.quaternC(), qform.quaternD(), qform.offset(), ras);
    }

    private static OutputStream open(Path temp, boolean gzip) throws IOException {
        OutputStream raw = new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
        return gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }

    private static void writeExtensions(OutputStream out, List<NiftiExtension> extensions) throws IOException {
        out.write(new byte[] {(byte) (extensions.isEmpty() ? 0 : 1), 0, 0, 0});
        for (NiftiExtension extension : extensions) {
            ByteBuffer block = ByteBuffer.allocate(extension.blockSize()).order(ByteOrder.LITTLE_ENDIAN);
            block.putInt(extension.blockSize()).putInt(extension.code()).put(extension.content());
            out.write(block.array());
        }
    }

    private static void writeSlices(OutputStream out, Volume source, ProgressListener progress,
            Cancellation cancellation) throws IOException {
        ImageGrid grid = source.grid();
        int sliceLength = grid.sizeX() * grid.sizeY();
        int bytes = source.type().bytes();
        // Encoding in bounded chunks keeps the buffer small and its size in int range for any slice.
        int chunk = Math.min(sliceLength, CHUNK_VOXELS);
        ByteBuffer buffer = ByteBuffer.allocate(chunk * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < grid.sizeZ(); z++) {
            cancellation.throwIfCancelled();
            Object slice = source.sliceArray(z);
            for (int from = 0; from < sliceLength; from += chunk) {
                int count = Math.min(chunk, sliceLength - from);
                VoxelBytes.encode(slice, from, count, buffer.position(0));
                out.write(buffer.array(), 0, count * bytes);
            }
            progress.progress(z + 1, grid.sizeZ(), "writing " + source.name());
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isGzipName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
