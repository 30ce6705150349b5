package dev.attest.viewer.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A 256-entry colour table for continuous overlays (dose, perfusion, probability maps). The
 * perceptual maps come from matplotlib's published tables (see tools/colormaps); hot is computed
 * from matplotlib's piecewise-linear definition.
 */
public final class ColorMap {

    public static final int SIZE = 256;
    private static final String TABLES = "colormaps.csv";

    private static volatile Map<String, int[]> loaded;

    private final String name;
    private final int[] rgb;

    private ColorMap(String name, int[] rgb) {
        if (rgb.length != SIZE) {
            throw new IllegalArgumentException(name + " has " + rgb.length + " entries, not " + SIZE);
        }
        this.name = name;
        this.rgb = rgb;
    }

    public static ColorMap viridis() {
        return fromTables("viridis");
    }

    public static ColorMap inferno() {
        return fromTables("inferno");
    }

    public static ColorMap magma() {
        return fromTables("magma");
    }

    /**
     * Black-red-yellow-white, from matplotlib's segment data: red ramps 0.0416 to 1 over
     * [0, 0.365079], green 0 to 1 over [0.365079, 0.746032], blue 0 to 1 over [0.746032, 1];
     * entry i samples t = i / 255 and converts to bytes by truncating v * 255 as matplotlib does.
     */
    public static ColorMap hot() {
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double t = i / 255.0;
            int r = toByte(ramp(t, 0, 0.365079, 0.0416));
            int g = toByte(ramp(t, 0.365079, 0.746032, 0));
            int b = toByte(ramp(t, 0.746032, 1, 0));
            table[i] = r << 16 | g << 8 | b;
        }
        return new ColorMap("hot", table);
    }

    public String name() {
        return name;
    }

    /** Entry {@code index} as 0xRRGGBB. */
    public int rgb(int index) {
        return rgb[index];
    }

    /**
     * The colour for t in [0, 1] (clamped), as 0xRRGGBB: entry floor(t * 256), with t = 1 taking
     * the last entry, the same binning matplotlib uses so images match its rendering.
     */
    public int rgbAt(double t) {
        double c = Math.min(1, Math.max(0, t));
        return rgb[Math.min(SIZE - 1, (int) (c * SIZE))];
    }

    private static double ramp(double t, double from, double to, double startValue) {
        if (t <= from) {
            return startValue;
        }
        if (t >= to) {
            return 1;
        }
        return startValue + (t - from) / (to - from) * (1 - startValue);
    }

    private static int toByte(double v) {
        return (int) (Math.min(1, Math.max(0, v)) * 255);
    }

    private static ColorMap fromTables(String name) {
        int[] table = tables().get(name);
        if (table == null) {
            throw new IllegalStateException("no table " + name + " in " + TABLES);
        }
        return new ColorMap(name, table.clone());
    }

    private static Map<String, int[]> tables() {
        Map<String, int[]> t = loaded;
        if (t == null) {
            synchronized (ColorMap.class) {
                if (loaded == null) {
                    loaded = readTables();
                }
                t = loaded;
            }
        }
        return t;
    }

    private static Map<String, int[]> readTables() {
        Map<String, int[]> tables = new HashMap<>();
        try (InputStream in = ColorMap.class.getResourceAsStream(TABLES)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TABLES + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("map,")) {
                    continue;
                }
                String[] f = line.split(",");
                int[] table = tables.computeIfAbsent(f[0], k -> new int[SIZE]);
                table[Integer.parseInt(f[1])] = Integer.parseInt(f[2]) << 16
                        | Integer.parseInt(f[3]) << 8 | Integer.parseInt(f[4]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(tables);
    }

    /** The table as shipped, for tests that check it against matplotlib's own output. */
    static int[] shippedTable(String name) {
        return tables().get(name).clone();
    }
}
