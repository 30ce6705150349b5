package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;

/** Which file and frame a codestream came from, so every error says where it happened. */
record FrameOrigin(String source, int frame) {

    PixelDataException error(String what) {
        return new PixelDataException(source, "JPEG frame " + frame + ": " + what);
    }
}
