package dev.attest.viewer.overlay;

import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.render.Argb;
import dev.attest.viewer.render.GreyLut;
import dev.attest.viewer.render.LabelBlend;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the raster overlays (label and continuous maps) over a rendered slice, each sampled on the
 * slice's own pixel grid: labels nearest-voxel, continuous maps trilinearly. Samples are kept per
 * overlay volume while the slice stays the same, so a repaint for a colour or opacity change does
 * not sample again; a label layer's blend tables are kept while the layer stays the same. One
 * instance per view; not thread-safe.
 */
public final class OverlayCompositor {

    private SliceImage sampledOn;
    private final Map<Volume, int[]> nearest = new IdentityHashMap<>();
    private final Map<Volume, float[]> linear = new IdentityHashMap<>();
    private Map<LabelLayer, LabelBlend> blends = new IdentityHashMap<>();

    /**
     * The repaint of a grey slice: window/level through {@code grey} and the visible overlays,
     * bottom to top, written as opaque ARGB into {@code out} (one int per pixel of the slice).
     * When the lowest visible overlay is a label map it is blended in the same pass as the grey.
     */
    public void render(SliceImage slice, GreyLut grey, List<Overlay> overlays, int[] out) {
        if (out.length != slice.values().length) {
            throw new IllegalArgumentException("out has " + out.length + " pixels, slice " + slice.values().length);
        }
        resetIfNewSlice(slice);
        Map<LabelLayer, LabelBlend> kept = new IdentityHashMap<>();
        boolean drawn = false;
        for (Overlay o : overlays) {
            if (!o.visible()) {
                continue;
            }
            if (!drawn && o instanceof LabelLayer l) {
                blend(l, kept).renderOverGrey(slice.values(), grey, labels(l.labels(), slice), slice.width(),
                        slice.height(), out);
            } else {
                if (!drawn) {
                    grey.render(slice.values(), out);
                }
                compositeOne(o, slice, out, kept);
            }
            drawn = true;
        }
        if (!drawn) {
            grey.render(slice.values(), out);
        }
        blends = kept;
    }

    /** Returns {@code base} (opaque ARGB of the slice) with the visible raster overlays composited bottom to top. */
    public int[] composite(int[] base, SliceImage slice, List<Overlay> overlays) {
        if (base.length != slice.values().length) {
            throw new IllegalArgumentException("base has " + base.length + " pixels, slice " + slice.values().length);
        }
        resetIfNewSlice(slice);
        Map<LabelLayer, LabelBlend> kept = new IdentityHashMap<>();
        int[] out = base.clone();
        for (Overlay o : overlays) {
            if (o.visible()) {
                compositeOne(o, slice, out, kept);
            }
        }
        blends = kept;
        return out;
    }

    private void compositeOne(Overlay o, SliceImage slice, int[] out, Map<LabelLayer, LabelBlend> kept) {
        if (o instanceof LabelLayer l) {
            blend(l, kept).renderOver(out, labels(l.labels(), slice), slice.width(), slice.height());
        } else if (o instanceof HeatMapLayer h) {
            float[] v = linear.computeIfAbsent(h.values(),
                    m -> PlaneResampler.resampleLike(m, slice, Interpolation.LINEAR).values());
            int[] colours = h.style().render(v, slice.width(), slice.height());
            for (int i = 0; i < out.length; i++) {
                out[i] = Argb.composite(out[i], colours[i]);
            }
        }
    }

    /**
     * Forgets the overlay samples kept for the current slice: after an overlay's voxels changed in place (a
     * label map being edited), the next render samples them again.
     */
    public void forgetSamples() {
        nearest.clear();
        linear.clear();
    }

    private void resetIfNewSlice(SliceImage slice) {
        if (sampledOn != slice) {
            forgetSamples();
            sampledOn = slice;
        }
    }

    private LabelBlend blend(LabelLayer layer, Map<LabelLayer, LabelBlend> kept) {
        LabelBlend b = blends.get(layer);
        if (b == null) {
            b = new LabelBlend(layer.style());
        }
        kept.put(layer, b);
        return b;
    }

    private int[] labels(Volume volume, SliceImage slice) {
        return nearest.computeIfAbsent(volume,
                v -> toLabels(PlaneResampler.resampleLike(v, slice, Interpolation.NEAREST).values()));
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
