package dev.attest.app.bench.render;

import dev.attest.core.phantom.CtPhantom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark behind {@code attest bench render}: generates a CT phantom of the requested size
 * (INT16 with its label map) and runs each {@link RenderBenchPart} on it, collecting their figures
 * into one report; a part that fails reports its error and the others still run.
 */
public final class RenderBenchmark {
    /** 2D repaint, coronal reformat, ray casting and marching cubes against VTK, peak heap; add new parts here. */
    public static final List<RenderBenchPart> DEFAULT_PARTS = List.of(
            new SliceRenderPart(), new ReformatPart(), new RayCastPart(), new MarchingCubesPart(), new HeapPart());

    private RenderBenchmark() {
    }

    /** The default parts named in names, in their usual order; all of them for null or empty. */
    public static List<RenderBenchPart> parts(List<String> names) {
        if (names == null || names.isEmpty()) {
            return DEFAULT_PARTS;
        }
        for (String n : names) {
            if (DEFAULT_PARTS.stream().noneMatch(p -> p.name().equals(n))) {
                throw new IllegalArgumentException("no render benchmark part " + n + "; parts: "
                        + DEFAULT_PARTS.stream().map(RenderBenchPart::name).toList());
            }
        }
        return DEFAULT_PARTS.stream().filter(p -> names.contains(p.name())).toList();
    }

    /** Options: volume size and spacing, runs, scratch folder, Python for the peers, progress log. */
    public record Options(int sizeXY, int slices, double inPlaneMm, double sliceMm, int runs, java.nio.file.Path work,
            String python, java.io.PrintStream log) {
    }

    public static Map<String, Object> run(Options o, List<RenderBenchPart> parts) {
        o.log().println("bench render: generating a " + o.sizeXY() + "x" + o.sizeXY() + "x" + o.slices() + " CT phantom");
        long t0 = System.nanoTime();
        CtPhantom.Result phantom = CtPhantom.generate(o.sizeXY(), o.sizeXY(), o.slices(), o.inPlaneMm(), o.sliceMm(), 20, 1);
        double generateMs = (System.nanoTime() - t0) / 1e6;
        RenderBenchContext ctx = new RenderBenchContext(phantom.ct(), phantom.labels(), o.runs(), o.work(), o.python(), o.log());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "render");
        report.put("volume", Map.of("source", "CtPhantom (INT16, HU = stored - 1024)",
                "dimensions", new int[] {o.sizeXY(), o.sizeXY(), o.slices()},
                "spacingMm", new double[] {o.inPlaneMm(), o.inPlaneMm(), o.sliceMm()},
                "voxelBytes", phantom.ct().voxelBytes(), "generateMs", Math.round(generateMs)));
        report.put("runs", o.runs());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        for (RenderBenchPart part : parts) {
            o.log().println("bench render: " + part.name());
            try {
                report.put(part.name(), part.run(ctx));
            } catch (Exception e) {
                report.put(part.name(), Map.of("status", "failed", "error", String.valueOf(e)));
            }
        }
        return report;
    }
}
