package dev.attest.reports.llm;

import java.util.Arrays;
import java.util.Objects;

/**
 * One rendered key image: PNG bytes (pixels only, nothing from the DICOM header) and a caption
 * saying which slice it is, how it was windowed, which way the patient faces and what the overlay
 * colours mean, for the prompt to pass on to the model.
 *
 * @param slice the slice index z, from 0 (the caption counts from 1, as people do)
 */
public record KeyImage(byte[] png, int width, int height, int slice, String caption) {

    public KeyImage {
        Objects.requireNonNull(png, "png");
        png = png.clone();
        Objects.requireNonNull(caption, "caption");
    }

    /** A copy, so the image stays immutable. */
    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyImage k && width == k.width && height == k.height && slice == k.slice
                && caption.equals(k.caption) && Arrays.equals(png, k.png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, slice, caption, Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "KeyImage[" + width + "x" + height + ", slice " + slice + ", " + png.length + " bytes, " + caption + "]";
    }
}
