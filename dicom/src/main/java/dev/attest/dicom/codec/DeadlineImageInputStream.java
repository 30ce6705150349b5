package dev.attest.dicom.codec;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;
import java.io.IOException;

/**
 * An in-memory ImageIO stream that fails once a deadline has passed. Third-party decoders can
 * loop for ever on corrupt codestreams (JJ2000 does, in its packet-header reader); since they
 * read through this stream while looping, a read past the deadline ends the decode with an error
 * instead of a hung thread.
 */
final class DeadlineImageInputStream extends ImageInputStreamImpl {
    private final byte[] data;
    private final long deadlineNanos;

    DeadlineImageInputStream(byte[] data, long budgetMillis) {
        this.data = data;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    private void check() throws IIOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new IIOException("decoding took longer than its time limit; the codestream is probably corrupt");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        bitOffset = 0;
        return streamPos < data.length ? data[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        bitOffset = 0;
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    @Override
    public void seek(long pos) throws IOException {
        check();
        super.seek(pos);
    }
}
