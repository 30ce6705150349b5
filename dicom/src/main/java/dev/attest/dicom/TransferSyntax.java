package dev.attest.dicom;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A DICOM transfer syntax: how the data set is encoded and how pixel data is compressed. */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian,
                             boolean deflated, boolean encapsulated, boolean lossy) {

    public static final TransferSyntax IMPLICIT_VR_LE =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LE =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LE =
            new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, false);
    public static final TransferSyntax EXPLICIT_VR_BE =
            new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, false, false);
    public static final TransferSyntax RLE_LOSSLESS =
            new TransferSyntax("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true, false);

    private static TransferSyntax compressed(String uid, String name, boolean lossy) {
        return new TransferSyntax(uid, name, true, false, false, true, lossy);
    }

    private static final Map<String, TransferSyntax> KNOWN = Stream.of(
            IMPLICIT_VR_LE, EXPLICIT_VR_LE, DEFLATED_EXPLICIT_VR_LE, EXPLICIT_VR_BE, RLE_LOSSLESS,
            compressed("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true),
            compressed("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)", true),
            compressed("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8, retired)", true),
            compressed("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 and 12, retired)", true),
            compressed("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", false),
            compressed("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14, SV1)", false),
            compressed("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", false),
            compressed("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", true),
            compressed("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", false),
            compressed("1.2.840.10008.1.2.4.91", "JPEG 2000", true),
            compressed("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component (Lossless Only)", false),
            compressed("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component", true),
            compressed("1.2.840.10008.1.2.4.94", "JPIP Referenced", true),
            compressed("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true),
            compressed("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile", true),
            compressed("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", false),
            compressed("1.2.840.10008.1.2.4.112", "JPEG XL", true),
            compressed("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)", false),
            compressed("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL (Lossless Only)", false),
            compressed("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", true),
            compressed("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", false)
    ).collect(Collectors.toUnmodifiableMap(TransferSyntax::uid, Function.identity()));

    /**
     * The transfer syntax with this UID. Unknown UIDs are taken as an encapsulated explicit-VR
     * little-endian syntax, which is what PS3.5 requires of every compressed syntax, so the
     * header still reads and only pixel decoding fails.
     */
    public static TransferSyntax of(String uid) {
        String clean = uid == null ? "" : uid.trim();
        TransferSyntax ts = KNOWN.get(clean);
        return ts != null ? ts : new TransferSyntax(clean, "unknown transfer syntax " + clean, true, false, false, true, false);
    }

    public boolean isKnown() {
        return KNOWN.containsKey(uid);
    }

    @Override
    public String toString() {
        return name + " (" + uid + ")";
    }
}
