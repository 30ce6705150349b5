package dev.attest.reports.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A key image of a case, already rendered with its overlays by the caller, and its caption.
 *
 * @param image   the pixels to embed (losslessly)
 * @param caption what the image shows, printed under it
 */
public record KeyImage(BufferedImage image, String caption) {
    public KeyImage {
        Objects.requireNonNull(image, "image");
        caption = caption == null ? "" : caption;
    }

    /** Decodes PNG bytes, failing with a message that names the caption when they are not an image. */
    public static KeyImage fromPng(byte[] png, String caption) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("key image '" + caption + "': " + png.length + " bytes are not a readable PNG");
        }
        return new KeyImage(image, caption);
    }
}
