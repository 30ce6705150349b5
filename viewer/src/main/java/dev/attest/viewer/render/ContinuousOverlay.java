package dev.attest.viewer.render;

/**
 * Colours a slice of continuous values (dose, perfusion, probability) through a colour map for
 * display over the grey image: values below the threshold and NaN are transparent.
 */
public record ContinuousOverlay(ColorMap map, double min, double max, double threshold, double opacity) {

    public ContinuousOverlay {
        if (map == null) {
            throw new IllegalArgumentException("colour map is required");
        }
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range needs finite min < max: " + min + ", " + max);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
    }

    /** Overlay with no threshold beyond the range's bottom: everything at or above min is shown. */
    public static ContinuousOverlay of(ColorMap map, double min, double max, double opacity) {
        return new ContinuousOverlay(map, min, max, min, opacity);
    }

    /** One value's ARGB: 0 (transparent) when NaN or below the threshold, else the map's colour at the range position. */
    public int argb(double value) {
        if (Double.isNaN(value) || value < threshold) {
            return 0;
        }
        int alpha = (int) Math.round(255 * opacity);
        return alpha << 24 | map.rgbAt((value - min) / (max - min));
    }

    public int[] render(float[] values, int width, int height) {
        if (width < 0 || height < 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill " + width + " x " + height);
        }
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = argb(values[i]);
        }
        return out;
    }
}
