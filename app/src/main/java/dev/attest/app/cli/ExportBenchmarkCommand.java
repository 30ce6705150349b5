package dev.attest.app.cli;

import dev.attest.app.bench.ExportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code attest bench export}: builds a project of N synthetic cases, exports it M times and prints the median
 * cases per second and the peak heap as JSON (see {@link ExportBenchmark}).
 */
@Command(name = "export", description = "Benchmark-set export: median cases per second and peak heap over repeated exports; prints JSON.")
public final class ExportBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--cases", defaultValue = "20", paramLabel = "N", description = "synthetic cases (default 20)")
    int cases;

    @Option(names = "--size", defaultValue = "96", paramLabel = "S", description = "voxels along x and y, S/4 slices (default 96)")
    int size;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "M", description = "timed exports (default 5)")
    int repeats;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "W", description = "untimed exports first (default 1)")
    int warmup;

    @Option(names = "--dicom", description = "store the cases as DICOM series and export with --dicom")
    boolean dicom;

    @Option(names = "--work", paramLabel = "DIR", description = "working folder, kept afterwards (default: a temporary folder, deleted)")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path base = work != null ? work : Files.createTempDirectory("attest-bench-export-");
        try {
            StatsCommand.printJson(ExportBenchmark.run(new ExportBenchmark.Options(cases, size, repeats, warmup, dicom,
                    base, System.err)));
        } finally {
            if (work == null) {
                ExportBenchmark.deleteTree(base);
            }
        }
        return 0;
    }
}
