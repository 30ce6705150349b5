package dev.attest.dicom.codec;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.pixel.EncodedFrame;
import dev.attest.dicom.pixel.FrameCodec;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDescription;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Set;

/**
 * JPEG 2000 (lossless .90 and lossy .91) through the jai-imageio JPEG 2000 plug-in from Maven
 * Central. A reader is made per frame because ImageIO readers are not thread-safe and frames are
 * decoded in parallel. Samples are sign-extended from Bits Stored when Pixel Representation says
 * signed, whatever the codestream's own signedness flag says (encoders disagree on it).
 */
public final class Jpeg2000FrameCodec implements FrameCodec {
    private static final System.Logger LOG = System.getLogger(Jpeg2000FrameCodec.class.getName());
    private static final Set<String> UIDS = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return UIDS.contains(ts.uid());
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws DicomException {
        Raster raster = read(frame, d);
        int w = d.columns();
        int h = d.rows();
        int spp = d.samplesPerPixel();
        if (raster.getWidth() < w || raster.getHeight() < h || raster.getNumBands() < spp) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + ": the JPEG 2000 codestream is "
                    + raster.getWidth() + "x" + raster.getHeight() + " with " + raster.getNumBands()
                    + " component(s), but the image attributes say " + w + "x" + h + " with " + spp);
        }
        int[] band = new int[w * h];
        int shift = 32 - d.bitsStored();
        boolean signed = d.pixelRepresentation() == 1;
        long mask = d.bitsAllocated() >= 32 ? 0xFFFFFFFFL : (1L << d.bitsAllocated()) - 1;
        for (int s = 0; s < spp; s++) {
            raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, s, band);
            for (int i = 0; i < band.length; i++) {
                int v = band[i];
                v = signed ? (v << shift) >> shift : (int) (v & mask);
                int at = destOffset + i * spp + s;
                switch (dest) {
                    case short[] a -> a[at] = (short) v;
                    case byte[] a -> a[at] = (byte) v;
                    case int[] a -> a[at] = v;
                    default -> throw new IllegalArgumentException("JPEG 2000 decodes into byte, short or int arrays");
                }
            }
        }
        // The plug-in applies the inverse component transform, so YBR_RCT/YBR_ICT come out as RGB.
        String photometric = d.photometric();
        return photometric.startsWith("YBR_RCT") || photometric.startsWith("YBR_ICT") ? "RGB" : photometric;
    }

    /**
     * Transfer syntaxes .90/.91 are JPEG 2000 Part 1 by definition, yet some streams carry a
     * garbage Rsiz (capabilities) in the SIZ marker — the pydicom file with an embedded sequence
     * delimiter has 0xFEFF there — and the plug-in refuses anything but a Part 1 profile.
     * Rsiz does not change how Part 1 data decodes, so an undefined value is reset to 0.
     */
    static void clearForeignCapabilities(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x4F && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x51) {
            int rsiz = ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
            if (rsiz > 4) {
                b[6] = 0;
                b[7] = 0;
            }
        }
    }

    /**
     * Checks the SIZ marker against the DICOM header before the plug-in sees it: JJ2000 sizes its
     * per-tile tables from SIZ, so a corrupt one (billions of tiles) would exhaust memory or time.
     * A SIZ that is invalid by Part 1 itself (more than 65535 tiles, an empty image area) while
     * disagreeing with Rows/Columns is taken as damaged and repaired in {@code b} from the DICOM
     * header, provided everything else in it (the other dimension, tiles, components) then agrees;
     * a SIZ that is valid but describes another image is refused, since decoding it as this one
     * would misplace every code-block.
     *
     * @return a description of the repair made, or null when the SIZ was used as it was
     */
    static String checkSiz(EncodedFrame frame, byte[] b, PixelDescription d) throws PixelDataException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0x4F) {
            return null; // not a bare codestream (a JP2 file, say): leave it to the plug-in
        }
        if (b.length < 42 || (b[2] & 0xFF) != 0xFF || (b[3] & 0xFF) != 0x51) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + ": JPEG 2000 codestream lacks its SIZ marker");
        }
        Siz siz = Siz.read(b);
        String problem = siz.problem(d);
        if (problem == null) {
            return null;
        }
        if (siz.selfConsistent()) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + ": JPEG 2000 SIZ marker: " + problem);
        }
        Siz repaired = siz.withArea(d.columns(), d.rows());
        if (repaired.problem(d) != null || !repaired.selfConsistent()) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + ": JPEG 2000 SIZ marker: " + problem
                    + ", and it cannot be repaired from the DICOM header");
        }
        repaired.write(b);
        return "JPEG 2000 SIZ marker was damaged (" + problem + "; Xsiz " + Long.toHexString(siz.xsiz)
                + "h, Ysiz " + Long.toHexString(siz.ysiz) + "h) and was repaired from Rows/Columns";
    }

    /** The image and tile geometry of a SIZ marker (ISO/IEC 15444-1 A.5.1), offsets from the SOC marker. */
    private record Siz(long xsiz, long ysiz, long xosiz, long yosiz, long xtsiz, long ytsiz, long xtosiz, long ytosiz,
                       int components) {
        static Siz read(byte[] b) {
            ByteBuffer in = ByteBuffer.wrap(b);
            return new Siz(u32(in, 8), u32(in, 12), u32(in, 16), u32(in, 20), u32(in, 24), u32(in, 28),
                    u32(in, 32), u32(in, 36), Short.toUnsignedInt(in.getShort(40)));
        }

        private static long u32(ByteBuffer in, int at) {
            return Integer.toUnsignedLong(in.getInt(at));
        }

        long width() {
            return xsiz - xosiz;
        }

        long height() {
            return ysiz - yosiz;
        }

        /** Whether this SIZ obeys Part 1's own constraints (Annex B.3): non-empty area, tiles covering it, at most 65535 tiles. */
        boolean selfConsistent() {
            if (xsiz <= xosiz || ysiz <= yosiz || xtsiz == 0 || ytsiz == 0) {
                return false;
            }
            if (xtosiz > xosiz || ytosiz > yosiz || xtosiz + xtsiz <= xosiz || ytosiz + ytsiz <= yosiz) {
                return false;
            }
            long across = (xsiz - xtosiz + xtsiz - 1) / xtsiz;
            long down = (ysiz - ytosiz + ytsiz - 1) / ytsiz;
            return across * down <= 65535;
        }

        /** What disagrees with the DICOM header, or null. */
        String problem(PixelDescription d) {
            if (width() != d.columns() || height() != d.rows()) {
                return "image area " + width() + "x" + height() + " differs from the header's " + d.columns() + "x" + d.rows();
            }
            if (!selfConsistent()) {
                return "tile size " + xtsiz + "x" + ytsiz + " is invalid";
            }
            if (components != d.samplesPerPixel()) {
                return components + " components where the header says " + d.samplesPerPixel() + " samples per pixel";
            }
            return null;
        }

        Siz withArea(int columns, int rows) {
            return new Siz(xosiz + columns, yosiz + rows, xosiz, yosiz, xtsiz, ytsiz, xtosiz, ytosiz, components);
        }

        void write(byte[] b) {
            ByteBuffer out = ByteBuffer.wrap(b);
            out.putInt(8, (int) xsiz);
            out.putInt(12, (int) ysiz);
        }
    }

    /**
     * Walks the main and tile-part headers and refuses packed packet headers (PPM, PPT). JJ2000
     * reads packed headers from an in-memory stream whose end reads as endless one bits, so a
     * truncated or corrupt packed header makes it loop for ever; DICOM encoders do not use them.
     */
    static void checkHeaders(EncodedFrame frame, byte[] b) throws PixelDataException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0x4F) {
            return;
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            int marker = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            if (marker == 0xFF90) { // SOT: Lsot, Isot, Psot (tile-part length from SOT), TPsot, TNsot
                if (pos + 12 > b.length) {
                    return;
                }
                long psot = ((b[pos + 6] & 0xFFL) << 24) | ((b[pos + 7] & 0xFF) << 16) | ((b[pos + 8] & 0xFF) << 8) | (b[pos + 9] & 0xFF);
                int end = psot == 0 ? b.length : (int) Math.min(b.length, pos + psot);
                int at = pos + 12;
                while (at + 4 <= end) {
                    int m = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
                    if (m == 0xFF93) {
                        break; // SOD: the packet data follows
                    }
                    refusePacked(frame, m);
                    at += 2 + (((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF));
                }
                if (psot == 0 || end <= pos) {
                    return;
                }
                pos = end;
                continue;
            }
            if (marker == 0xFFD9 || (marker & 0xFF00) != 0xFF00) {
                return;
            }
            refusePacked(frame, marker);
            pos += 2 + (((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF));
        }
    }

    private static void refusePacked(EncodedFrame frame, int marker) throws PixelDataException {
        if (marker == 0xFF60 || marker == 0xFF61) {
            throw new PixelDataException(frame.source(), "frame " + frame.index() + ": JPEG 2000 packed packet headers ("
                    + (marker == 0xFF60 ? "PPM" : "PPT") + ") are not supported");
        }
    }

    /** Generous: a 512x512 CT frame decodes in well under a second; corrupt streams can loop for ever. */
    static long timeBudgetMillis(int codestreamBytes) {
        return 10_000 + codestreamBytes / 100;
    }

    private static Raster read(EncodedFrame frame, PixelDescription d) throws PixelDataException {
        ByteBuffer data = frame.data().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        clearForeignCapabilities(bytes);
        String repair = checkSiz(frame, bytes, d);
        if (repair != null) {
            LOG.log(System.Logger.Level.WARNING, frame.source() + ": frame " + frame.index() + ": " + repair);
        }
        checkHeaders(frame, bytes);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg2000");
        if (!readers.hasNext()) {
            throw new PixelDataException(frame.source(), "no JPEG 2000 ImageIO plug-in on the class path");
        }
        ImageReader reader = readers.next();
        return Watchdog.run(frame.source(), "frame " + frame.index() + ": the JPEG 2000 decoder",
                timeBudgetMillis(bytes.length), () -> {
                    try (DeadlineImageInputStream in = new DeadlineImageInputStream(bytes, timeBudgetMillis(bytes.length))) {
                        reader.setInput(in);
                        return reader.readRaster(0, null);
                    } catch (IOException | RuntimeException e) {
                        // The plug-in throws assorted runtime exceptions on corrupt codestreams: all are a broken frame to us.
                        throw new PixelDataException(frame.source(), "frame " + frame.index()
                                + ": JPEG 2000 codestream cannot be decoded: "
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                    } finally {
                        reader.dispose();
                    }
                });
    }
}
