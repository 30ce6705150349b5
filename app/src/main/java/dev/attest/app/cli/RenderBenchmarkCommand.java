package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.bench.render.RenderBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attest bench render}: 2D repaint, coronal reformat, ray-cast MIP and composite and label marching cubes beside
 * VTK's CPU ray caster, and peak heap, on a generated 512×512×300 CT; prints JSON (see
 * {@link RenderBenchmark}).
 */
@Command(name = "render", description = "Benchmark 2D rendering, reformatting, CPU ray casting and marching cubes (vs VTK); prints JSON.")
public final class RenderBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "512", description = "columns and rows of the generated CT (default 512)")
    int size;

    @Option(names = "--slices", defaultValue = "300", description = "slices of the generated CT (default 300)")
    int slices;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each render (default 5)")
    int runs;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with VTK (python3-vtk9) and numpy "
            + "(default /usr/bin/python3); without it VTK is reported \"missing\"")
    String python;

    @Option(names = "--parts", split = ",", description = "run only these parts, by name (e.g. rayCast); default all")
    java.util.List<String> parts;

    @Option(names = "--work", description = "scratch folder for the raw volume handed to VTK, kept afterwards "
            + "(default: a temporary folder in /dev/shm or the temp dir, deleted)")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path base = work != null ? work : Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm"))
                ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir")), "attest-bench-render-");
        Files.createDirectories(base);
        try {
            var report = RenderBenchmark.run(new RenderBenchmark.Options(size, slices, 0.7, 1.0, runs, base, python, System.err),
                    RenderBenchmark.parts(parts));
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } finally {
            if (work == null) {
                try (var files = Files.list(base)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(base);
            }
        }
        return 0;
    }
}
