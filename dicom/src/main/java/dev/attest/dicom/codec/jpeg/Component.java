package dev.attest.dicom.codec.jpeg;

/**
 * One image component of a frame (T.81 B.2.2) and what is decoded for it: its samples, in a
 * plane padded to whole MCUs, and for progressive frames its DCT coefficients.
 */
final class Component {
    /** Component identifier Ci. */
    final int id;
    /** Position in the frame header, which is the order samples are interleaved in. */
    final int index;
    /** Horizontal and vertical sampling factors Hi, Vi (1 to 4). */
    final int h;
    final int v;
    /** Quantization table selector Tqi. */
    final int tq;

    /** Samples this component really has: ceil(X × Hi / Hmax) by ceil(Y × Vi / Vmax) (A.1.1). */
    int width;
    int height;
    /**
     * Units in a row and column of the padded plane: blocks for DCT frames, samples for lossless
     * ones; MCUs per line × Hi and MCU rows × Vi.
     */
    int unitsWide;
    int unitsHigh;

    /** The decoded samples, unsigned, row after row from {@code offset} with {@code stride} per row. */
    short[] samples;
    int offset;
    int stride;

    /** Progressive DCT only: 64 coefficients per block, in natural order, block after block. */
    short[] coefficients;
    /** The quantization table, in natural order, fixed at the component's first scan (B.2.4.1). */
    int[] quant;

    /** Per-scan state: the entropy tables and the DC predictor. */
    HuffmanTable dcTable;
    HuffmanTable acTable;
    int dcPredictor;
    /** Lossless only: the point transform Pt of the component's scan, undone on output. */
    int pointTransform;
    /** Whether any scan has held this component. */
    boolean coded;

    Component(int id, int index, int h, int v, int tq) {
        this.id = id;
        this.index = index;
        this.h = h;
        this.v = v;
        this.tq = tq;
    }
}
