package dev.attest.viewer.render;

import dev.attest.core.volume.ColourVolume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.Objects;

/**
 * Shows a {@link ColourVolume} in an MPR view: each channel is resliced with the
 * {@link PlaneResampler} on one shared pixel grid, then the three are packed into opaque ARGB.
 * Colour is shown as stored, with no window: 16-bit channels are scaled to 8 bits by
 * round(v · 255 / maxValue) in integers, and pixels outside the volume are black.
 */
public final class ColourRenderer {

    private static final int OPAQUE_BLACK = 0xFF000000;

    private ColourRenderer() {
    }

    /**
     * The three resliced channels of one view, on the same pixel grid.
     *
     * @param red      red channel; its geometry (plane, pixel size, first pixel) is the slice's
     * @param green    green channel on red's pixel grid
     * @param blue     blue channel on red's pixel grid
     * @param maxValue the channel value shown as full intensity
     */
    public record ColourSlice(SliceImage red, SliceImage green, SliceImage blue, long maxValue) {

        public ColourSlice {
            Objects.requireNonNull(red, "red");
            Objects.requireNonNull(green, "green");
            Objects.requireNonNull(blue, "blue");
            if (green.width() != red.width() || green.height() != red.height()
                    || blue.width() != red.width() || blue.height() != red.height()) {
                throw new IllegalArgumentException("colour channels were resliced on different pixel grids");
            }
            if (maxValue < 1) {
                throw new IllegalArgumentException("full intensity must be at least 1, got " + maxValue);
            }
        }

        public int width() {
            return red.width();
        }

        public int height() {
            return red.height();
        }
    }

    /** Reslices with the resampler's default field of view for this plane (see {@link PlaneResampler#resample}). */
    public static ColourSlice reslice(ColourVolume volume, ViewPlane plane, Interpolation interpolation) {
        SliceImage red = PlaneResampler.resample(volume.red(), plane, interpolation);
        return resliceLike(volume, red, interpolation);
    }

    /**
     * Reslices on exactly the pixel grid of an existing slice, for a view whose field of view is
     * already set (zoom, pan) or to show a colour volume beside a grey one pixel for pixel.
     */
    public static ColourSlice resliceLike(ColourVolume volume, SliceImage like, Interpolation interpolation) {
        return new ColourSlice(
                PlaneResampler.resampleLike(volume.red(), like, interpolation),
                PlaneResampler.resampleLike(volume.green(), like, interpolation),
                PlaneResampler.resampleLike(volume.blue(), like, interpolation),
                volume.maxValue());
    }

    /** Packs the slice as opaque ARGB, row by row; a pixel with any channel NaN (outside the volume) is black. */
    public static int[] render(ColourSlice slice) {
        float[] r = slice.red().values();
        float[] g = slice.green().values();
        float[] b = slice.blue().values();
        long max = slice.maxValue();
        int[] argb = new int[r.length];
        for (int i = 0; i < argb.length; i++) {
            if (Float.isNaN(r[i]) || Float.isNaN(g[i]) || Float.isNaN(b[i])) {
                argb[i] = OPAQUE_BLACK;
                continue;
            }
            argb[i] = OPAQUE_BLACK | toByte(r[i], max) << 16 | toByte(g[i], max) << 8 | toByte(b[i], max);
        }
        return argb;
    }

    /**
     * A channel value as an 8-bit intensity: rounded to the nearest stored step, clamped to
     * 0..max, then (v · 255 + max / 2) / max in integers, which is exact for 8-bit data (v itself)
     * and rounds to nearest for wider data.
     */
    public static int toByte(double value, long max) {
        long v = Math.max(0, Math.min(max, Math.round(value)));
        return (int) ((v * 255 + max / 2) / max);
    }
}
