package dev.attest.app.bench.render;

import dev.attest.viewer.surface.SurfaceBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part (d): label-surface extraction on the TotalSegmentator example label map (117 classes),
 * Attest's marching cubes over every label ({@link SurfaceBenchmark}) beside VTK's
 * vtkDiscreteFlyingEdges3D and vtkDiscreteMarchingCubes run by tools/bench/vtk_surface.py on the
 * same file, same number of runs; VTK missing is reported, not a failure.
 */
public final class MarchingCubesPart implements RenderBenchPart {
    private static final Path SCRIPT = Path.of("tools", "bench", "vtk_surface.py");
    private static final String LABELS = "nifti/totalsegmentator_example_seg.nii.gz";

    private final Path labels;
    private final Path script;

    /** The label map under the shared data folder (system property attest.data, else ../shared/data) and the repository's script. */
    public MarchingCubesPart() {
        this(Path.of(System.getProperty("attest.data", "../shared/data")).resolve(LABELS),
                Files.isRegularFile(SCRIPT) ? SCRIPT : Path.of("..").resolve(SCRIPT));
    }

    public MarchingCubesPart(Path labels, Path script) {
        this.labels = labels;
        this.script = script;
    }

    @Override
    public String name() {
        return "marchingCubes";
    }

    @Override
    public Map<String, Object> run(RenderBenchContext ctx) throws Exception {
        if (!Files.isRegularFile(labels)) {
            throw new IOException("label map not found: " + labels.toAbsolutePath()
                    + " (set -Dattest.data to the shared data folder)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", labels.getFileName().toString());
        ctx.log().println("bench render: Attest marching cubes on " + labels.getFileName());
        SurfaceBenchmark.Result ours = SurfaceBenchmark.run(labels, ctx.runs());
        out.put("labels", ours.labels());
        out.put("threads", ours.threads());
        out.put("attestMarchingCubesMedianMs", RenderBenchContext.round3(ours.marchingCubesMedianMs()));
        out.put("attestTriangles", ours.triangles());
        out.put("attestSmoothDecimateMedianMs", RenderBenchContext.round3(ours.fullBuildMedianMs()));
        out.put("attestSmoothDecimateTriangles", ours.fullBuildTriangles());
        String missing = peerMissing(ctx);
        if (missing != null) {
            out.put("vtk", Map.of("status", "missing", "why", missing));
            return out;
        }
        ctx.log().println("bench render: VTK discrete flying edges / marching cubes");
        try {
            SurfaceBenchmark.VtkResult vtk = SurfaceBenchmark.runVtk(ctx.python(), script, labels, ctx.runs());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version", vtk.vtkVersion());
            v.put("threads", vtk.threads());
            v.put("labels", vtk.labels());
            v.put("flyingEdgesMedianMs", RenderBenchContext.round3(vtk.flyingEdgesMedianMs()));
            v.put("flyingEdgesTriangles", vtk.triangles());
            v.put("marchingCubesMedianMs", RenderBenchContext.round3(vtk.marchingCubesMedianMs()));
            out.put("vtk", v);
            out.put("ratioAttestToVtkFlyingEdges",
                    RenderBenchContext.round3(ours.marchingCubesMedianMs() / vtk.flyingEdgesMedianMs()));
            out.put("ratioAttestToVtkMarchingCubes",
                    RenderBenchContext.round3(ours.marchingCubesMedianMs() / vtk.marchingCubesMedianMs()));
        } catch (IOException e) {
            out.put("vtk", Map.of("status", "failed", "error", String.valueOf(e.getMessage())));
        }
        return out;
    }

    /** Why VTK cannot be run here, or null when it can. */
    private String peerMissing(RenderBenchContext ctx) throws InterruptedException {
        if (!Files.isExecutable(Path.of(ctx.python()))) {
            return ctx.python() + " not found";
        }
        if (!Files.isRegularFile(script)) {
            return script + " not found (run from the repository root)";
        }
        try {
            Process p = new ProcessBuilder(List.of(ctx.python(), "-c", "import vtk, nibabel, numpy"))
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "import vtk did not finish in 60 s in " + ctx.python();
            }
            if (p.exitValue() != 0) {
                return "import vtk, nibabel, numpy failed in " + ctx.python() + " (install python3-vtk9): " + text.strip();
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }
}
