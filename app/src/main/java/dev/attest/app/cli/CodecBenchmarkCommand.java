package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.bench.CodecBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest bench codecs}: Attest's per-frame decode time for every transfer syntax of the
 * cornerstone3d 512×512 CT slice beside DCMTK and GDCM, as JSON (see {@link CodecBenchmark}).
 */
@Command(name = "codecs", description = "Benchmark per-frame decoding of every transfer syntax against DCMTK and GDCM; prints JSON.")
public final class CodecBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--source", description = "folder with CTImage.dcm and its CTImage.dcm_*.dcm variants "
            + "(default ../shared/data/dicom-codecs/cornerstone3d)")
    Path source;

    @Option(names = "--frames", defaultValue = "50", description = "N: frames of the multi-frame file (default 50)")
    int frames;

    @Option(names = "--decodes", defaultValue = "30", description = "timed in-process decodes per syntax (default 30)")
    int decodes;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each tool on each file (default 5)")
    int runs;

    @Option(names = "--syntax", paramLabel = "UID", description = "only this transfer syntax (repeatable; default all)")
    List<String> only = List.of();

    @Option(names = "--dcmtk-dir", paramLabel = "DIR", description = "folder with dcmdjpeg, dcmdjpls, dcmdrle, dcmj2pnm, dcmconv "
            + "(default: looked up on PATH)")
    Path dcmtkDir;

    @Option(names = "--gdcmconv", defaultValue = "gdcmconv", description = "gdcmconv executable (default: gdcmconv on PATH)")
    String gdcmconv;

    @Option(names = "--work", description = "working folder, kept afterwards (default: a temporary folder in /dev/shm or the temp dir, deleted)")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path src = source != null ? source : Path.of("../shared/data/dicom-codecs/cornerstone3d");
        Path base = work != null ? work : Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm"))
                ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir")), "attest-bench-codecs-");
        try {
            Map<String, Object> report = CodecBenchmark.run(new CodecBenchmark.Options(
                    src, base, frames, decodes, runs, dcmtkDir, gdcmconv, only, System.err));
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } finally {
            if (work == null) {
                CodecBenchmark.deleteTree(base);
            }
        }
        return 0;
    }
}
