package dev.attest.dicom.deid;

import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.pixel.FrameCache;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.StoredPixels;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Blanks rectangles of pixels (sets every bit to zero) in every frame, to remove burned-in text.
 * Native pixel data of any bits allocated (1 to 64), any samples per pixel and either planar
 * configuration is blanked in place in a copy; compressed pixel data is decoded through the pixel
 * layer and written back uncompressed, since re-encoding would need an encoder per syntax.
 */
final class PixelCleaner {
    /** Photometric interpretations whose native layout is one value per sample with no subsampling. */
    private static final Set<String> PLAIN_LAYOUTS = Set.of("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB", "YBR_FULL");

    /**
     * The blanked pixels and what changed about their encoding.
     *
     * @param pixelData      the new Pixel Data element (a value in memory)
     * @param transferSyntax the syntax to write with: the input's, or Explicit VR Little Endian after decoding
     * @param photometric    the Photometric Interpretation of the new values, or null when unchanged
     * @param decompressed   whether the input was compressed and is now native
     */
    record Cleaned(DicomElement pixelData, TransferSyntax transferSyntax, String photometric, boolean decompressed) {
    }

    private PixelCleaner() {
    }

    static Cleaned clean(DicomFile file, List<PixelRect> rects) throws DicomException {
        String src = file.source();
        PixelDescription d = PixelDescription.of(file);
        for (PixelRect r : rects) {
            if ((long) r.x() + r.width() > d.columns() || (long) r.y() + r.height() > d.rows()) {
                throw new PixelCleaningException(src, "rectangle " + r + " reaches outside the " + d.columns() + " × "
                        + d.rows() + " image");
            }
        }
        DicomElement pixels = file.pixelData().orElseThrow();
        return switch (pixels) {
            case DicomElement.Encapsulated enc -> decodeAndBlank(file, d, rects);
            case DicomElement.Bulk bulk -> blankNative(file, d, rects, pixels.tag(), bulk.vr(), copy(bulk.data()));
            case DicomElement.Value v -> blankNative(file, d, rects, pixels.tag(), v.vr(), v.bytes().clone());
            case DicomElement.Sequence s -> throw new PixelCleaningException(src, "Pixel Data " + Tag.toString(s.tag())
                    + " was read as a sequence; there are no pixels to clean");
        };
    }

    private static byte[] copy(ByteBuffer data) {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    private static Cleaned blankNative(DicomFile file, PixelDescription d, List<PixelRect> rects, int tag, Vr vr,
                                       byte[] bytes) throws DicomException {
        String src = file.source();
        if (file.dataset().bigEndian() && d.bitsAllocated() <= 8) {
            // In big endian, 8- and 1-bit samples sit in byte-swapped 16-bit words; blanking them needs the swap undone.
            throw new PixelCleaningException(src, "cleaning " + d.bitsAllocated() + "-bit pixels of the retired big-endian"
                    + " transfer syntax is not supported; convert the file to little endian first");
        }
        int nativeSamples = d.horizontallySubsampled() ? 2 : d.samplesPerPixel();
        long needed = ((long) d.rows() * d.columns() * nativeSamples * d.bitsAllocated() * d.numberOfFrames() + 7) / 8;
        if (bytes.length < needed) {
            throw new PixelCleaningException(src, "Pixel Data holds " + bytes.length + " bytes but the image needs " + needed);
        }
        blank(bytes, new Layout(d.rows(), d.columns(), nativeSamples, d.samplesPerPixel(), d.bitsAllocated(),
                d.planarConfiguration(), d.numberOfFrames(), d.horizontallySubsampled()), rects);
        return new Cleaned(new DicomElement.Value(tag, vr, bytes), file.transferSyntax(), null, false);
    }

    private static Cleaned decodeAndBlank(DicomFile file, PixelDescription d, List<PixelRect> rects) throws DicomException {
        String src = file.source();
        StoredPixels p;
        try {
            p = PixelDecoder.open(file, FrameCache.disabled()).decodeAll();
        } catch (DicomException e) {
            throw new PixelCleaningException(src, "the compressed pixels (" + file.transferSyntax().name()
                    + ") could not be decoded for cleaning: " + e.getMessage(), e);
        }
        String photometric = p.photometric();
        if (!PLAIN_LAYOUTS.contains(photometric)) {
            throw new PixelCleaningException(src, "decoded pixels are " + photometric + ", which Attest cannot write back"
                    + " uncompressed; clean this file with another tool or exclude it");
        }
        byte[] bytes = d.bitsAllocated() == 1 ? packBits(p.bytes()) : p.toLittleEndianBytes();
        blank(bytes, new Layout(p.rows(), p.columns(), p.samplesPerPixel(), p.samplesPerPixel(), d.bitsAllocated(), 0,
                p.frames(), false), rects);
        Vr vr = d.bitsAllocated() <= 8 ? Vr.OB : Vr.OW;
        return new Cleaned(new DicomElement.Value(Tag.PixelData, vr, bytes), TransferSyntax.EXPLICIT_VR_LE,
                photometric.equals(d.photometric()) ? null : photometric, true);
    }

    /** 1-bit samples decoded one per byte (0 or 1), packed eight to a byte, first sample in the lowest bit (PS3.5 8.1.1). */
    static byte[] packBits(byte[] samples) {
        byte[] packed = new byte[(samples.length + 7) / 8];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] != 0) {
                packed[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        return packed;
    }

    /** How native samples lie in the bytes: frames one after another, with no padding between them. */
    record Layout(int rows, int columns, int nativeSamples, int samplesPerPixel, int bitsAllocated, int planar,
                  int frames, boolean subsampled) {
    }

    static void blank(byte[] data, Layout l, List<PixelRect> rects) {
        for (PixelRect r : rects) {
            int x0 = r.x();
            int x1 = r.x() + r.width();
            if (l.subsampled()) {
                // Y1 Y2 Cb Cr cover two pixels: blank whole pairs.
                x0 &= ~1;
                x1 = Math.min(l.columns(), (x1 + 1) & ~1);
            }
            for (int f = 0; f < l.frames(); f++) {
                for (int y = r.y(); y < r.y() + r.height(); y++) {
                    if (l.bitsAllocated() == 1) {
                        long first = (long) f * l.rows() * l.columns() + (long) y * l.columns();
                        for (int x = x0; x < x1; x++) {
                            long bit = first + x;
                            data[(int) (bit >>> 3)] &= (byte) ~(1 << (bit & 7));
                        }
                    } else {
                        blankRow(data, l, f, y, x0, x1);
                    }
                }
            }
        }
    }

    private static void blankRow(byte[] data, Layout l, int frame, int y, int x0, int x1) {
        int bytesPerSample = l.bitsAllocated() / 8;
        long pixelsPerFrame = (long) l.rows() * l.columns();
        long frameBytes = pixelsPerFrame * l.nativeSamples() * bytesPerSample;
        long frameStart = frame * frameBytes;
        if (l.planar() == 0) {
            long from = frameStart + ((long) y * l.columns() + x0) * l.nativeSamples() * bytesPerSample;
            long to = frameStart + ((long) y * l.columns() + x1) * l.nativeSamples() * bytesPerSample;
            Arrays.fill(data, (int) from, (int) to, (byte) 0);
        } else {
            for (int s = 0; s < l.samplesPerPixel(); s++) {
                long plane = frameStart + s * pixelsPerFrame * bytesPerSample;
                long from = plane + ((long) y * l.columns() + x0) * bytesPerSample;
                long to = plane + ((long) y * l.columns() + x1) * bytesPerSample;
                Arrays.fill(data, (int) from, (int) to, (byte) 0);
            }
        }
    }
}
