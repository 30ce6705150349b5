package dev.attest.dicom.seg;

import java.util.BitSet;
import java.util.List;

/** Lays the frames of a Segmentation out as its Pixel Data. */
final class FramePixels {
    /** A frame to write: the segment it shows, the source slice it lies on, its content. */
    record Frame(int segmentNumber, int slice, SegmentPlanes.Plane plane) {
    }

    private FramePixels() {
    }

    /** 1-bit frames back to back, pixel i of the stream in bit (i mod 8) of byte i / 8, padded to an even length. */
    static byte[] packBits(List<Frame> frames, int pixels) {
        long totalBits = (long) frames.size() * pixels;
        long bytes = (totalBits + 7) / 8;
        bytes += bytes & 1;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the pixel data would exceed 2 GiB: write fewer segments per object");
        }
        byte[] out = new byte[(int) bytes];
        long base = 0;
        for (Frame frame : frames) {
            BitSet bits = frame.plane().bits();
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                long at = base + i;
                out[(int) (at >>> 3)] |= (byte) (1 << (at & 7));
            }
            base += pixels;
        }
        return out;
    }

    /** 8-bit frames back to back, padded to an even length. */
    static byte[] packBytes(List<Frame> frames, int pixels) {
        long bytes = (long) frames.size() * pixels;
        bytes += bytes & 1;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the pixel data would exceed 2 GiB: write fewer segments per object");
        }
        byte[] out = new byte[(int) bytes];
        int at = 0;
        for (Frame frame : frames) {
            if (frame.plane().values() != null) {
                System.arraycopy(frame.plane().values(), 0, out, at, pixels);
            }
            at += pixels;
        }
        return out;
    }}
