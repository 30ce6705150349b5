package dev.attest.dicom.io;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM Part 10 files: preamble, generated file meta information, and the data set in
 * explicit VR little endian (optionally deflated), or implicit VR little endian.
 *
 * <p>Encapsulated pixel data is passed through unchanged, so a compressed file can be rewritten
 * under its own transfer syntax. Values read from big-endian files are swapped. Sequences and
 * items are written with undefined lengths, which needs no second pass and is valid everywhere.
 */
public final class DicomWriter {
    /** Attest's implementation class UID: a UUID-derived OID (PS3.5 B.2), fixed for all versions. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.238147963526395012547960313092418651390";
    public static final String IMPLEMENTATION_VERSION_NAME = "ATTEST_0_1";

    private DicomWriter() {
    }

    /** Writes to a temporary file beside {@code path} and moves it into place, so a crash never leaves half a file. */
    public static void write(Path path, DicomDataset dataset, TransferSyntax ts) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".attest-", ".dcm.part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(out, dataset, ts);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static byte[] toBytes(DicomDataset dataset, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, dataset, ts);
        return bytes.toByteArray();
    }

    public static void write(OutputStream out, DicomDataset dataset, TransferSyntax ts) throws IOException {
        if (ts.bigEndian()) {
            throw new IllegalArgumentException("Attest does not write the retired big-endian transfer syntax");
        }
        boolean encapsulated = dataset.elements().stream().anyMatch(e -> e instanceof DicomElement.Encapsulated);
        boolean nativePixels = dataset.elements().stream()
                .anyMatch(e -> Tag.isPixelData(e.tag()) && !(e instanceof DicomElement.Encapsulated));
        if (encapsulated && !ts.encapsulated() || nativePixels && ts.encapsulated()) {
            throw new IllegalArgumentException("pixel data is " + (encapsulated ? "encapsulated" : "native")
                    + " but transfer syntax " + ts.uid() + " is " + (ts.encapsulated() ? "encapsulated" : "native"));
        }
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        Encoder metaEncoder = new Encoder(true);
        byte[] meta = metaEncoder.encodeDataset(fileMeta(dataset, ts));
        Encoder lengthEncoder = new Encoder(true);
        lengthEncoder.value(Tag.FileMetaInformationGroupLength, Vr.UL, le32(meta.length), false);
        out.write(lengthEncoder.bytes());
        out.write(meta);
        Encoder body = new Encoder(ts.explicitVr());
        body.sink = ts.deflated()
                ? new DeflaterOutputStream(nonClosing(out), new Deflater(Deflater.DEFAULT_COMPRESSION, true), 1 << 16)
                : out;
        body.writeDataset(dataset);
        if (body.sink instanceof DeflaterOutputStream dos) {
            dos.finish();
        }
        out.flush();
    }

    private static DicomDataset fileMeta(DicomDataset ds, TransferSyntax ts) {
        DicomDataset meta = new DicomDataset();
        meta.setBytes(Tag.FileMetaInformationVersion, Vr.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, Vr.UI, ds.getString(Tag.SOPClassUID, ""));
        meta.setString(Tag.MediaStorageSOPInstanceUID, Vr.UI, ds.getString(Tag.SOPInstanceUID, ""));
        meta.setString(Tag.TransferSyntaxUID, Vr.UI, ts.uid());
        meta.setString(Tag.ImplementationClassUID, Vr.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, Vr.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Encodes elements little endian, explicit or implicit VR, into a sink. */
    private static final class Encoder {
        private final boolean explicit;
        private final byte[] header = new byte[12];
        private OutputStream sink;

        Encoder(boolean explicit) {
            this.explicit = explicit;
            this.sink = new ByteArrayOutputStream();
        }

        byte[] bytes() {
            return ((ByteArrayOutputStream) sink).toByteArray();
        }

        byte[] encodeDataset(DicomDataset ds) throws IOException {
            writeDataset(ds);
            return bytes();
        }

        void writeDataset(DicomDataset ds) throws IOException {
            for (DicomElement e : ds.elements()) {
                if (Tag.element(e.tag()) == 0) {
                    continue; // group lengths are retired and would be wrong after any edit
                }
                switch (e) {
                    case DicomElement.Value v -> value(v.tag(), v.vr(), swapIfNeeded(v.vr(), v.bytes(), ds.bigEndian()), true);
                    case DicomElement.Sequence s -> {
                        header(s.tag(), Vr.SQ, 0xFFFFFFFFL);
                        for (DicomDataset item : s.items()) {
                            itemHeader(Tag.Item, 0xFFFFFFFFL);
                            writeDataset(item);
                            itemHeader(Tag.ItemDelimitationItem, 0);
                        }
                        itemHeader(Tag.SequenceDelimitationItem, 0);
                    }
                    case DicomElement.Bulk b -> {
                        byte[] data = new byte[b.data().remaining()];
                        b.data().duplicate().get(data);
                        value(b.tag(), b.vr(), swapIfNeeded(b.vr(), data, ds.bigEndian()), true);
                    }
                    case DicomElement.Encapsulated enc -> {
                        header(enc.tag(), enc.vr() == Vr.OW ? Vr.OW : Vr.OB, 0xFFFFFFFFL);
                        fragment(enc.basicOffsetTable());
                        for (ByteBuffer f : enc.fragments()) {
                            fragment(f);
                        }
                        itemHeader(Tag.SequenceDelimitationItem, 0);
                    }
                }
            }
        }

        private void fragment(ByteBuffer data) throws IOException {
            int n = data.remaining();
            itemHeader(Tag.Item, n + (n & 1));
            byte[] copy = new byte[n];
            data.duplicate().get(copy);
            sink.write(copy);
            if ((n & 1) == 1) {
                sink.write(0);
            }
        }

        void value(int tag, Vr vr, byte[] bytes, boolean pad) throws IOException {
            int n = bytes.length;
            boolean odd = pad && (n & 1) == 1;
            long length = n + (odd ? 1 : 0);
            Vr written = vr;
            if (explicit && !vr.hasLongHeader() && length > 0xFFFF) {
                written = Vr.UN; // a short-header VR cannot carry this length; UN can (PS3.5 6.2.2)
            }
            header(tag, written, length);
            sink.write(bytes);
            if (odd) {
                sink.write(vr.padding());
            }
        }

        private void header(int tag, Vr vr, long length) throws IOException {
            putShort(0, Tag.group(tag));
            putShort(2, Tag.element(tag));
            if (!explicit) {
                putInt(4, length);
                sink.write(header, 0, 8);
            } else if (vr.hasLongHeader()) {
                header[4] = (byte) vr.name().charAt(0);
                header[5] = (byte) vr.name().charAt(1);
                header[6] = 0;
                header[7] = 0;
                putInt(8, length);
                sink.write(header, 0, 12);
            } else {
                header[4] = (byte) vr.name().charAt(0);
                header[5] = (byte) vr.name().charAt(1);
                putShort(6, (int) length);
                sink.write(header, 0, 8);
            }
        }

        private void itemHeader(int tag, long length) throws IOException {
            putShort(0, Tag.group(tag));
            putShort(2, Tag.element(tag));
            putInt(4, length);
            sink.write(header, 0, 8);
        }

        private void putShort(int at, int v) {
            header[at] = (byte) v;
            header[at + 1] = (byte) (v >>> 8);
        }

        private void putInt(int at, long v) {
            header[at] = (byte) v;
            header[at + 1] = (byte) (v >>> 8);
            header[at + 2] = (byte) (v >>> 16);
            header[at + 3] = (byte) (v >>> 24);
        }
    }

    /** Big-endian values become little endian: swap each value of the VR's size (AT swaps its two halves). */
    static byte[] swapIfNeeded(Vr vr, byte[] bytes, boolean bigEndian) {
        int size = switch (vr) {
            case OW, US, SS, AT -> 2;
            case OL, OF, UL, SL, FL -> 4;
            case OD, OV, FD, SV, UV -> 8;
            default -> 0;
        };
        if (!bigEndian || size == 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        for (int i = 0; i + size <= out.length; i += size) {
            for (int a = i, b = i + size - 1; a < b; a++, b--) {
                byte t = out[a];
                out[a] = out[b];
                out[b] = t;
            }
        }
        return out;
    }
}
