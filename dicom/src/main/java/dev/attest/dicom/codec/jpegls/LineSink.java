package dev.attest.dicom.codec.jpegls;

/** Where the decoder puts each reconstructed line: one call per line of one component. */
interface LineSink {

    /**
     * Line {@code row} of frame component {@code component} (0-based, in SOF order) is complete:
     * its samples are {@code samples[from]}, {@code samples[from + stride]}, ... for every column.
     */
    void line(int row, int component, int[] samples, int from, int stride);
}
