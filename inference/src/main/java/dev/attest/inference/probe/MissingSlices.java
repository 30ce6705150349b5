package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Simulates lost slices: every n-th slice along the grid's k axis, counting from 1 (0-based k = n − 1,
 * 2n − 1, ...), is replaced, either by a copy of the slice before it ({@link Fill#NEIGHBOUR}, what a viewer
 * that repeats the last good slice shows) or by physical 0 everywhere ({@link Fill#ZERO}, a blank slice). The
 * slice before a replaced one is never itself replaced, since n ≥ 2.
 */
public record MissingSlices(int every, Fill fill) implements Perturbation {

    /** What a missing slice becomes. */
    public enum Fill {
        NEIGHBOUR, ZERO;

        /** "neighbour" or "zero", case-insensitive. */
        public static Fill parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "neighbour", "neighbor" -> NEIGHBOUR;
                case "zero" -> ZERO;
                default -> throw new IllegalArgumentException("missing-slice fill must be neighbour or zero, got '"
                        + text + "'");
            };
        }
    }

    public MissingSlices {
        if (every < 2) {
            throw new IllegalArgumentException("every n-th slice needs n of at least 2, got " + every);
        }
        if (fill == null) {
            throw new IllegalArgumentException("missing slices need a fill: neighbour or zero");
        }
    }

    @Override
    public String kind() {
        return "missing";
    }

    @Override
    public String parameter() {
        return "every";
    }

    @Override
    public double level() {
        return every;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("fill", fill.name().toLowerCase(Locale.ROOT));
    }

    /** Whether 0-based slice k is one this perturbation replaces. */
    public boolean replaces(int k) {
        return (k + 1) % every == 0;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        int plane = grid.sizeX() * grid.sizeY();
        float[] out = values.clone();
        for (int k = every - 1; k < grid.sizeZ(); k += every) {
            if (fill == Fill.NEIGHBOUR) {
                System.arraycopy(values, (k - 1) * plane, out, k * plane, plane);
            } else {
                Arrays.fill(out, k * plane, (k + 1) * plane, 0f);
            }
        }
        return out;
    }
}
