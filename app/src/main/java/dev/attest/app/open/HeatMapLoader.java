package dev.attest.app.open;

import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens a continuous map (probability, saliency, any float NIfTI on a grid in the image's
 * patient space) with a starting display range: 0..1 when the values are probabilities, else
 * the 1st..99.5th percentile of the non-zero values, and a threshold that hides the lowest fifth.
 */
public final class HeatMapLoader {
    /** The map and the range and threshold to show it with. */
    public record HeatMap(Volume values, String name, double min, double max, double threshold, String unit) {
    }

    private HeatMapLoader() {
    }

    public static HeatMap load(Path file) throws IOException {
        NiftiImage image = NiftiReader.read(file);
        String unit = image.header().intentName() == null ? "" : image.header().intentName().strip();
        try {
            return of(image.volume(), file.getFileName().toString(), unit);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A map already in memory (e.g. one just computed and stored), with the same starting range as a file's.
     *
     * @throws IllegalArgumentException when the map is zero everywhere
     */
    public static HeatMap of(Volume v, String name, String unit) {
        float[] values = nonZeroSample(v);
        if (values.length == 0) {
            throw new IllegalArgumentException("the map is zero everywhere; nothing to show");
        }
        Arrays.sort(values);
        double lo = values[0];
        double hi = values[values.length - 1];
        if (lo >= 0 && hi <= 1) {
            return new HeatMap(v, name, 0, 1, 0.2, unit.isEmpty() ? "probability" : unit);
        }
        double min = values[(int) (values.length * 0.01)];
        double max = values[Math.min(values.length - 1, (int) (values.length * 0.995))];
        if (max <= min) {
            max = min + 1;
        }
        return new HeatMap(v, name, min, max, min + 0.2 * (max - min), unit);
    }

    /** Up to about two million non-zero values, taken at a regular stride so big maps stay quick. */
    private static float[] nonZeroSample(Volume v) {
        var g = v.grid();
        long total = (long) g.sizeX() * g.sizeY() * g.sizeZ();
        int stride = (int) Math.max(1, total / 2_000_000);
        float[] out = new float[(int) Math.min(total, 2_000_000L + 1)];
        int n = 0;
        long i = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++, i++) {
                    if (i % stride == 0 && n < out.length) {
                        double value = v.getPhysical(x, y, z);
                        if (value != 0 && !Double.isNaN(value)) {
                            out[n++] = (float) value;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
