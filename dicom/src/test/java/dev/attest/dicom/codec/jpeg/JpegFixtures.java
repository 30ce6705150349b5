package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.EncodedFrame;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.StoredPixels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The small files of {@code src/test/resources/jpeg} (see the README there) and ways to take them apart. */
final class JpegFixtures {
    private JpegFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(JpegFixtures.class.getResource("/jpeg/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture /jpeg/" + name, e);
        }
    }

    static DicomFile read(String name) {
        try {
            return DicomReader.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredPixels decode(String name) throws DicomException {
        return PixelDecoder.open(read(name)).decodeAll();
    }

    /** The JPEG codestream of the first frame. */
    static byte[] codestream(String name) throws DicomException {
        ByteBuffer b = PixelDecoder.open(read(name)).frameIndex().orElseThrow().frame(0).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    static PixelDescription description(String name) throws DicomException {
        return PixelDescription.of(read(name));
    }

    /** Decodes {@code codestream} with the codec alone, as frame 0 of a file named {@code name}. */
    static Object decodeWith(String name, PixelDescription d, byte[] codestream) throws DicomException {
        Object dest = d.dtype().allocate(d.samplesPerFrame());
        new JpegFrameCodec().decode(new EncodedFrame(name, 0, ByteBuffer.wrap(codestream), 0), d, dest, 0);
        return dest;
    }

    /** The offset of the first marker {@code FF code} after the SOI, or -1. */
    static int find(byte[] jpeg, int code) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return -1;
            }
            if (marker == code) {
                return at;
            }
            if (marker == JpegMarkers.SOS || marker == JpegMarkers.EOI) {
                return -1; // entropy-coded data follows; the segments before it are all this walks
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return -1;
    }
}
