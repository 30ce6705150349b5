package dev.attest.app.bench.render;

import dev.attest.app.bench.Median;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Part (b): a coronal reformat through the volume's centre with PlaneResampler, trilinear, default field of view. */
public final class ReformatPart implements RenderBenchPart {

    @Override
    public String name() {
        return "coronalReformat";
    }

    @Override
    public Map<String, Object> run(RenderBenchContext ctx) throws Exception {
        var grid = ctx.ct().grid();
        ViewPlane plane = ViewPlane.coronal(grid.indexToLps().apply((grid.sizeX() - 1) / 2.0, (grid.sizeY() - 1) / 2.0,
                (grid.sizeZ() - 1) / 2.0));
        SliceImage[] last = new SliceImage[1];
        List<Double> ms = ctx.time(ctx.runs() * 4, () -> last[0] = PlaneResampler.resample(ctx.ct(), plane, Interpolation.LINEAR));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("what", "PlaneResampler.resample coronal, LINEAR, rows in parallel");
        out.put("imageSize", new int[] {last[0].width(), last[0].height()});
        out.put("medianMs", RenderBenchContext.round3(Median.of(ms)));
        out.put("ms", RenderBenchContext.rounded(ms));
        return out;
    }
}
