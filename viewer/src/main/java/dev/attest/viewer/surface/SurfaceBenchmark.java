package dev.attest.viewer.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Times label-surface extraction on a NIfTI label map: Attest's marching cubes over every label
 * (and the full smoothed and decimated build), and, through tools/bench/vtk_surface.py, VTK's
 * vtkDiscreteFlyingEdges3D and vtkDiscreteMarchingCubes on the same file. Figures vary with the
 * machine, so this is a benchmark, never a test.
 */
public final class SurfaceBenchmark {

    /** Attest's figures: medians in ms over the timed runs (after one untimed warm-up run). */
    public record Result(Path file, int labels, long triangles, int runs, int threads, double marchingCubesMedianMs,
                         double fullBuildMedianMs, long fullBuildTriangles) {
    }

    /** VTK's figures as printed by tools/bench/vtk_surface.py. */
    public record VtkResult(String vtkVersion, int threads, int labels, long triangles, double flyingEdgesMedianMs,
                            double marchingCubesMedianMs) {
    }

    private SurfaceBenchmark() {
    }

    /**
     * Reads the label map once, then times {@link LabelSurfaces#build} runs times with
     * {@link SurfaceOptions#raw()} (marching cubes only, comparable with VTK) and runs times with
     * {@link SurfaceOptions#standard()}, all labels in parallel on one thread per core.
     */
    public static Result run(Path labelNifti, int runs) throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        Volume labels = NiftiReader.read(labelNifti).volume();
        Map<Integer, SurfaceMesh> raw = LabelSurfaces.build(labels, SurfaceOptions.raw());
        Map<Integer, SurfaceMesh> full = LabelSurfaces.build(labels, SurfaceOptions.standard());
        double[] rawMs = new double[runs];
        double[] fullMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            raw = LabelSurfaces.build(labels, SurfaceOptions.raw());
            rawMs[r] = (System.nanoTime() - start) / 1e6;
        }
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            full = LabelSurfaces.build(labels, SurfaceOptions.standard());
            fullMs[r] = (System.nanoTime() - start) / 1e6;
        }
        return new Result(labelNifti, raw.size(), triangles(raw), runs, Runtime.getRuntime().availableProcessors(),
                median(rawMs), median(fullMs), triangles(full));
    }

    /** Runs tools/bench/vtk_surface.py with Debian's /usr/bin/python3 (which has python3-vtk9) and parses its JSON. */
    public static VtkResult runVtk(Path script, Path labelNifti, int runs) throws IOException, InterruptedException {
        return runVtk("/usr/bin/python3", script, labelNifti, runs);
    }

    /** Runs tools/bench/vtk_surface.py with the given Python (one with VTK, nibabel and numpy) and parses its JSON. */
    public static VtkResult runVtk(String python, Path script, Path labelNifti, int runs)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python, script.toString(), labelNifti.toString(),
                Integer.toString(runs)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(script + " exited with " + exit + " on " + labelNifti);
        }
        JsonNode json = new ObjectMapper().readTree(out);
        return new VtkResult(json.get("vtk_version").asText(), json.get("threads").asInt(), json.get("labels").asInt(),
                json.get("flying_edges").get("triangles").asLong(),
                json.get("flying_edges").get("median_ms").asDouble(),
                json.get("marching_cubes").get("median_ms").asDouble());
    }

    /** {@code SurfaceBenchmark <labels.nii.gz> [runs] [path/to/vtk_surface.py]}: prints both and the ratios. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path script = Path.of(args.length > 2 ? args[2] : "tools/bench/vtk_surface.py");
        Result ours = run(file, runs);
        VtkResult vtk = runVtk(script, file, runs);
        System.out.println(format(ours, vtk));
    }

    /** The figures as a few lines of text, with Attest's time over VTK's. */
    public static String format(Result ours, VtkResult vtk) {
        return String.format(Locale.ROOT, """
                %s: %d labels, median of %d runs
                  Attest marching cubes      %9.1f ms  %d triangles  (%d threads)
                  Attest + smooth + decimate %9.1f ms  %d triangles
                  VTK %s DiscreteFlyingEdges3D %9.1f ms  %d triangles  (%d threads)
                  VTK DiscreteMarchingCubes  %9.1f ms
                  ratio Attest MC / VTK flying edges   %.2f
                  ratio Attest MC / VTK marching cubes %.2f""",
                ours.file().getFileName(), ours.labels(), ours.runs(),
                ours.marchingCubesMedianMs(), ours.triangles(), ours.threads(),
                ours.fullBuildMedianMs(), ours.fullBuildTriangles(),
                vtk.vtkVersion(), vtk.flyingEdgesMedianMs(), vtk.triangles(), vtk.threads(),
                vtk.marchingCubesMedianMs(),
                ours.marchingCubesMedianMs() / vtk.flyingEdgesMedianMs(),
                ours.marchingCubesMedianMs() / vtk.marchingCubesMedianMs());
    }

    private static long triangles(Map<Integer, SurfaceMesh> meshes) {
        return meshes.values().stream().mapToLong(SurfaceMesh::triangleCount).sum();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
