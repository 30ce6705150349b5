package dev.attest.core.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The decompressed byte stream of a NIfTI file, with its position and an upper bound on how many
 * bytes it can hold, so the reader can refuse a header that claims more data than the file allows.
 */
final class NiftiInput implements AutoCloseable {

    /**
     * Deflate cannot expand data by more than about 1032:1, so a gzip file of n bytes never
     * decompresses to more than this many times n; used to reject impossible sizes before allocating.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final Path file;
    private final InputStream in;
    private final boolean gzip;
    private final long fileSize;
    private long position;

    private NiftiInput(Path file, InputStream in, boolean gzip, long fileSize) {
        this.file = file;
        this.in = in;
        this.gzip = gzip;
        this.fileSize = fileSize;
    }

    /** Opens file, detecting gzip by its magic bytes 1f 8b rather than by the file name. */
    static NiftiInput open(Path file) throws IOException {
        long size = Files.size(file);
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new NiftiInput(file, in, gzip, size);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new NiftiFormatException(file, "corrupt gzip header: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    boolean isGzip() {
        return gzip;
    }

    long fileSize() {
        return fileSize;
    }

    /** Most bytes the decompressed stream can hold: exact for a plain file, an upper bound for gzip. */
    long maxAvailable() {
        if (!gzip) {
            return fileSize;
        }
        return fileSize > Long.MAX_VALUE / MAX_DEFLATE_RATIO ? Long.MAX_VALUE : fileSize * MAX_DEFLATE_RATIO;
    }

    long position() {
        return position;
    }

    /** Reads up to len bytes, fewer only at end of data; returns how many were read. */
    int read(byte[] buffer, int offset, int len) throws IOException {
        try {
            int n = in.readNBytes(buffer, offset, len);
            position += n;
            return n;
        } catch (ZipException | EOFException e) {
            // GZIPInputStream reports a cut-off or damaged stream this way; say where it happened.
            throw new NiftiFormatException(file, "compressed data is damaged or cut off after "
                    + position + " decompressed bytes: " + e.getMessage(), e);
        }
    }

    /** Skips forward to offset, which must not lie behind the current position. */
    void skipTo(long offset) throws IOException {
        byte[] scratch = new byte[8192];
        while (position < offset) {
            int n = read(scratch, 0, (int) Math.min(scratch.length, offset - position));
            if (n == 0) {
                throw new NiftiFormatException(file, "file ends at byte " + position + ", before vox_offset " + offset);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
