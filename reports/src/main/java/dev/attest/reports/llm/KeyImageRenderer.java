package dev.attest.reports.llm;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.volume.Volume;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders slices of a volume to PNG key images for a report model: physical values through a
 * {@link DisplayWindow}, optionally a label map blended in colour, laid out by
 * {@link SliceOrientation}.
 *
 * <p>Headless: only {@link BufferedImage} rasters and an ImageIO PNG writer writing to memory,
 * so no display, no temporary file (the writer gets its own memory-cached stream rather than
 * ImageIO's default, which may cache on disk) and no global ImageIO or AWT setting. Without an
 * overlay the PNG is 8-bit grey; with one it is 8-bit RGB, each channel
 * round_half_up(grey × (1 − opacity) + colour × opacity). Pixels are square: a slice with
 * unequal row and column spacing is not resampled (CT and MR slices practically never have it).
 */
public final class KeyImageRenderer {

    private KeyImageRenderer() {
    }

    /**
     * Renders slice z of the volume.
     *
     * @param overlay a label map on the same grid, or null for grey only
     * @throws IllegalArgumentException if z is outside the volume or the overlay's grid differs
     */
    public static KeyImage render(Volume volume, int z, DisplayWindow window, LabelOverlay overlay) {
        ImageGrid grid = volume.grid();
        if (z < 0 || z >= grid.sizeZ()) {
            throw new IllegalArgumentException("slice " + z + " is outside volume '" + volume.name() + "' with "
                    + grid.sizeZ() + " slices");
        }
        if (overlay != null && !overlay.labels().grid().sameGeometry(grid, 0.01)) {
            throw new IllegalArgumentException("label map '" + overlay.labels().name() + "' (" + overlay.labels().grid()
                    + ") is not on the grid of volume '" + volume.name() + "' (" + grid + ")");
        }
        SliceOrientation o = SliceOrientation.of(grid);
        int w = grid.sizeX();
        int h = grid.sizeY();
        BufferedImage image = new BufferedImage(w, h, overlay == null ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        TreeMap<Integer, LabelDescription> shown = new TreeMap<>();
        // A map, not a scan of the list per pixel: label tables such as TotalSegmentator's have over a hundred entries.
        Map<Integer, LabelDescription> drawn = new HashMap<>();
        if (overlay != null) {
            overlay.drawn().forEach(d -> drawn.put(d.value(), d));
        }
        int[] rgb = new int[3];
        for (int py = 0; py < h; py++) {
            int y = o.flipY() ? h - 1 - py : py;
            for (int px = 0; px < w; px++) {
                int x = o.flipX() ? w - 1 - px : px;
                int grey = window.grey(volume.getPhysical(x, y, z));
                if (overlay == null) {
                    raster.setSample(px, py, 0, grey);
                    continue;
                }
                LabelDescription label = drawn.get((int) overlay.labels().getStored(x, y, z));
                if (label == null) {
                    rgb[0] = grey;
                    rgb[1] = grey;
                    rgb[2] = grey;
                } else {
                    shown.putIfAbsent(label.value(), label);
                    rgb[0] = blend(grey, label.rgb() >> 16 & 0xFF, overlay.opacity());
                    rgb[1] = blend(grey, label.rgb() >> 8 & 0xFF, overlay.opacity());
                    rgb[2] = blend(grey, label.rgb() & 0xFF, overlay.opacity());
                }
                raster.setPixel(px, py, rgb);
            }
        }
        return new KeyImage(png(image), w, h, z, caption(grid, z, window, o, overlay, shown));
    }

    /** Renders several slices with the same window and overlay, in the order given. */
    public static List<KeyImage> render(Volume volume, int[] slices, DisplayWindow window, LabelOverlay overlay) {
        List<KeyImage> images = new ArrayList<>(slices.length);
        for (int z : slices) {
            images.add(render(volume, z, window, overlay));
        }
        return images;
    }

    /** One channel of the colour laid over the grey, rounded half up. */
    static int blend(int grey, int colour, double opacity) {
        return (int) Math.floor(grey * (1 - opacity) + colour * opacity + 0.5);
    }

    private static String caption(ImageGrid grid, int z, DisplayWindow window, SliceOrientation o, LabelOverlay overlay,
                                  TreeMap<Integer, LabelDescription> shown) {
        StringBuilder c = new StringBuilder().append(o.plane()).append(" slice ").append(z + 1).append(" of ")
                .append(grid.sizeZ()).append(", window ").append(window.describe()).append(", ").append(o.describe());
        if (overlay != null) {
            c.append("; coloured overlay: ");
            if (shown.isEmpty()) {
                c.append("no labelled region on this slice");
            } else {
                List<String> names = new ArrayList<>();
                shown.values().forEach(l -> names.add(l.name() + String.format(Locale.ROOT, " (#%06X)", l.rgb())));
                c.append(String.join(", ", names));
            }
        }
        return c.toString();
    }

    private static byte[] png(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
