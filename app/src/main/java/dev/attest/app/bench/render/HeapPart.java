package dev.attest.app.bench.render;

import dev.attest.app.bench.HeapSampler;
import dev.attest.core.progress.Cancellation;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.RayCaster;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.TransferPreset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Part (d): peak heap above the loaded volume while a ray caster is prepared and renders a MIP
 * and a composite frame, relative to the volume's voxel bytes (16-bit slices are read in place,
 * so this should stay well below 1).
 */
public final class HeapPart implements RenderBenchPart {

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public Map<String, Object> run(RenderBenchContext ctx) {
        HeapSampler sampler = HeapSampler.start();
        RayCaster caster = new RayCaster(ctx.ct());
        caster.render(OrbitCamera.ANTERIOR, caster.defaultSettings(RenderMode.MIP, TransferPreset.CT_BONE),
                RayCastPart.SIZE, RayCastPart.SIZE, new Cancellation());
        caster.render(OrbitCamera.ANTERIOR, caster.defaultSettings(RenderMode.COMPOSITE, TransferPreset.CT_BONE),
                RayCastPart.SIZE, RayCastPart.SIZE, new Cancellation());
        long peak = sampler.stop();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("what", "new RayCaster + one 512x512 MIP + one composite, heap above the loaded volume");
        out.put("voxelBytes", ctx.ct().voxelBytes());
        out.put("peakHeapBytesAboveBaseline", peak);
        out.put("peakHeapOverVoxelBytes", RenderBenchContext.round3((double) peak / ctx.ct().voxelBytes()));
        return out;
    }
}
