package dev.attest.dicom.pixel;

import java.nio.ByteBuffer;

/**
 * The encoded bytes of one frame as a codec receives them.
 *
 * @param source    the file, for error messages
 * @param index     zero-based frame number, for error messages
 * @param data      the frame's bytes from {@code data.position()}: native data in the data set's
 *                  byte order (the buffer's order is set accordingly), compressed data as stored
 * @param bitOffset for bit-packed native data (Bits Allocated 1), the bit within the first byte
 *                  where the frame starts, 0 to 7, since frames follow each other bit by bit;
 *                  0 otherwise
 */
public record EncodedFrame(String source, int index, ByteBuffer data, int bitOffset) {
}
