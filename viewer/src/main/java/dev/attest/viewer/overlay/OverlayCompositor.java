package dev.attest.viewer.overlay;

import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.render.Argb;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the raster overlays (label and continuous maps) over a rendered slice, each sampled on the
 * slice's own pixel grid: labels nearest-voxel, continuous maps trilinearly. Samples are kept per
 * overlay volume while the slice stays the same, so a repaint for a colour or opacity change does
 * not sample again. One instance per view; not thread-safe.
 */
public final class OverlayCompositor {

    private SliceImage sampledOn;
    private final Map<Volume, float[]> nearest = new IdentityHashMap<>();
    private final Map<Volume, float[]> linear = new IdentityHashMap<>();

    /** Returns {@code base} (opaque ARGB of the slice) with the visible raster overlays composited bottom to top. */
    public int[] composite(int[] base, SliceImage slice, List<Overlay> overlays) {
        if (base.length != slice.values().length) {
            throw new IllegalArgumentException("base has " + base.length + " pixels, slice " + slice.values().length);
        }
        if (sampledOn != slice) {
            nearest.clear();
            linear.clear();
            sampledOn = slice;
        }
        int[] out = base;
        for (Overlay o : overlays) {
            if (!o.visible()) {
                continue;
            }
            if (o instanceof LabelLayer l) {
                float[] v = sample(l.labels(), slice, Interpolation.NEAREST);
                out = Argb.composite(out, l.style().render(toLabels(v), slice.width(), slice.height()));
            } else if (o instanceof HeatMapLayer h) {
                float[] v = sample(h.values(), slice, Interpolation.LINEAR);
                out = Argb.composite(out, h.style().render(v, slice.width(), slice.height()));
            }
        }
        return out;
    }

    private float[] sample(Volume volume, SliceImage slice, Interpolation interpolation) {
        Map<Volume, float[]> samples = interpolation == Interpolation.NEAREST ? nearest : linear;
        return samples.computeIfAbsent(volume, v -> PlaneResampler.resampleLike(v, slice, interpolation).values());
    }

    /** Label values as ints; off the label map's grid (NaN) is background. */
    static int[] toLabels(float[] sampled) {
        int[] out = new int[sampled.length];
        for (int i = 0; i < sampled.length; i++) {
            out[i] = Float.isNaN(sampled[i]) ? 0 : Math.round(sampled[i]);
        }
        return out;
    }
}
