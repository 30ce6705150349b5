package dev.attest.app.bench.render;

import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.Argb;
import dev.attest.viewer.render.GreyRenderer;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part (a): what a 2D view does per repaint once it has the slice: window/level to grey, label
 * overlay to colour, and compositing the two, for the middle axial slice (target ≤ 2 ms).
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
        int w = ct.grid().sizeX();
        int h = ct.grid().sizeY();
        int z = ct.grid().sizeZ() / 2;
        float[] values = new float[w * h];
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = (float) ct.getPhysical(x, y, z);
                labels[y * w + x] = (int) ctx.labels().getStored(x, y, z);
            }
        }
        GreyRenderer grey = new GreyRenderer(WindowLevel.CT_ABDOMEN, false);
        LabelOverlay overlay = new LabelOverlay(new LabelTable(), 0.4, LabelOverlay.Mode.FILL);
        int[][] sink = new int[1][];
        // Warm the JIT on the whole path before timing.
        ctx.time(REPAINTS, () -> sink[0] = Argb.composite(grey.render(values, w, h), overlay.render(labels, w, h)));
        List<Double> ms = ctx.time(REPAINTS, () -> sink[0] = Argb.composite(grey.render(values, w, h), overlay.render(labels, w, h)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("what", "GreyRenderer + LabelOverlay(FILL) + Argb.composite of one " + w + "x" + h + " slice, single thread");
        out.put("repaints", REPAINTS);
        double median = RenderBenchContext.median(ms);
        out.put("medianMs", RenderBenchContext.round3(median));
        out.put("targetMs", TARGET_MS);
        out.put("targetMet", median <= TARGET_MS);
        return out;
    }
}
