package dev.attest.dicom.codec.jpegls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A codestream decoded into plain ints, samples interleaved, for tests that look inside the decoder. */
final class DecodedImage implements LineSink {
    final int rows;
    final int columns;
    final int components;
    final int[] samples;
    /** Lines delivered per component, to check each line arrives exactly once. */
    final int[] lines;

    DecodedImage(int rows, int columns, int components) {
        this.rows = rows;
        this.columns = columns;
        this.components = components;
        this.samples = new int[rows * columns * components];
        this.lines = new int[components];
    }

    /** Decodes {@code stream}, expecting this image's size and 16-bit room per sample. */
    static DecodedImage decode(byte[] stream, int rows, int columns, int components) throws JpegLsException {
        DecodedImage image = new DecodedImage(rows, columns, components);
        JpegLsDecoder.decode(stream, 0, stream.length, new JpegLsDecoder.Expected(rows, columns, components, 16), image);
        return image;
    }

    @Override
    public void line(int row, int component, int[] src, int from, int stride) {
        for (int x = 0; x < columns; x++) {
            samples[(row * columns + x) * components + component] = src[from + x * stride];
        }
        lines[component]++;
    }

    int at(int row, int column, int component) {
        return samples[(row * columns + column) * components + component];
    }

    /** sha256 of the samples as little-endian uint8 or uint16, the layout the reference script hashes. */
    String sha256(int bytesPerSample) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : samples) {
            if (bytesPerSample == 1) {
                b.put((byte) v);
            } else {
                b.putShort((short) v);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
