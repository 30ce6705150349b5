package dev.attest.dicom.codec.jpeg;

/**
 * A frame header (SOF, T.81 B.2.2) with the layout it implies: the largest sampling factors and
 * how many MCUs an interleaved scan has per line and per column (A.2.4).
 *
 * @param marker     the SOF marker: which coding process
 * @param precision  sample precision P
 * @param lines      Y from the header, or the DICOM Rows when the header defers it to a DNL marker
 * @param samplesPerLine X
 */
record FrameHeader(int marker, int precision, int lines, int samplesPerLine, Component[] components,
                   int hMax, int vMax, int mcusPerLine, int mcuRows) {

    boolean progressive() {
        return marker == JpegMarkers.SOF2;
    }

    boolean lossless() {
        return marker == JpegMarkers.SOF3;
    }

    /** Samples (lossless) or pixels of 8 × 8 blocks (DCT) an MCU of an interleaved scan spans. */
    int unitSize() {
        return lossless() ? 1 : 8;
    }

    static FrameHeader of(int marker, int precision, int lines, int samplesPerLine, Component[] components) {
        int hMax = 1;
        int vMax = 1;
        for (Component c : components) {
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
        }
        int unit = marker == JpegMarkers.SOF3 ? 1 : 8;
        int mcusPerLine = ceilDiv(samplesPerLine, unit * hMax);
        int mcuRows = ceilDiv(lines, unit * vMax);
        for (Component c : components) {
            c.width = ceilDiv(samplesPerLine * c.h, hMax);
            c.height = ceilDiv(lines * c.v, vMax);
            c.unitsWide = mcusPerLine * c.h;
            c.unitsHigh = mcuRows * c.v;
        }
        return new FrameHeader(marker, precision, lines, samplesPerLine, components, hMax, vMax, mcusPerLine, mcuRows);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
