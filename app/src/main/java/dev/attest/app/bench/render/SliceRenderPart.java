package dev.attest.app.bench.render;

import dev.attest.app.bench.Median;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.overlay.Overlay;
import dev.attest.viewer.overlay.OverlayCompositor;
import dev.attest.viewer.render.GreyLut;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part (a): what a 2D view does per repaint once it has the slice: window/level to grey, label
 * overlay to colour, and compositing the two, for the middle axial slice (target ≤ 2 ms), through
 * the same {@link OverlayCompositor} call the view's painter makes.
 */
public final class SliceRenderPart implements RenderBenchPart {
    static final double TARGET_MS = 2.0;
    /** Many repetitions, since one repaint is about a millisecond and the clock's noise is not. */
    private static final int REPAINTS = 200;

    @Override
    public String name() {
        return "slice2d";
    }

    @Override
    public Map<String, Object> run(RenderBenchContext ctx) throws Exception {
        Volume ct = ctx.ct();
        ImageGrid g = ct.grid();
        Vec3 middle = g.indexToLps().apply((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, g.sizeZ() / 2);
        // The view's own slice (nearest keeps the stored HU), and the label map sampled on its pixels by the compositor.
        SliceImage slice = PlaneResampler.resample(ct, ViewPlane.axial(middle), Interpolation.NEAREST);
        LabelLayer labels = LabelLayer.of("labels", ctx.labels(), new LabelTable(), 0.4, LabelOverlay.Mode.FILL);
        OverlayCompositor compositor = new OverlayCompositor();
        List<Overlay> overlays = List.of(labels);
        int[] argb = new int[slice.values().length];
        GreyLut[] lut = new GreyLut[1];
        List<Double> buildMs = ctx.time(REPAINTS, () -> lut[0] = GreyLut.of(WindowLevel.CT_ABDOMEN, false));
        // Warm the JIT on the whole path (and sample the labels once, as the first paint of a slice does) before timing.
        ctx.time(REPAINTS, () -> compositor.render(slice, lut[0], overlays, argb));
        List<Double> ms = ctx.time(REPAINTS, () -> compositor.render(slice, lut[0], overlays, argb));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("what", "OverlayCompositor.render (as SliceView repaints): window table + label FILL blend in one pass, "
                + slice.width() + "x" + slice.height() + " slice, single thread");
        out.put("repaints", REPAINTS);
        double median = Median.of(ms);
        out.put("medianMs", RenderBenchContext.round3(median));
        out.put("windowTableBuildMs", RenderBenchContext.round3(Median.of(buildMs)));
        out.put("targetMs", TARGET_MS);
        out.put("targetMet", median <= TARGET_MS);
        return out;
    }
}
