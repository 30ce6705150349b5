package dev.attest.dicom.pixel;

import dev.attest.dicom.TransferSyntax;

/** Native (uncompressed) pixel data: implicit and explicit VR little endian, explicit big endian, deflated data sets. */
final class NativeFrameCodec implements FrameCodec {

    @Override
    public boolean canDecode(TransferSyntax ts) {
        return !ts.encapsulated();
    }

    @Override
    public String decode(EncodedFrame frame, PixelDescription d, Object dest, int destOffset) throws PixelDataException {
        return NativeSampleReader.read(frame, d, dest, destOffset);
    }
}
