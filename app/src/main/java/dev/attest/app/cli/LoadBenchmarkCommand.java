package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.bench.BenchSeriesGenerator;
import dev.attest.app.bench.HeapSampler;
import dev.attest.app.bench.Median;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.SeriesSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code attest bench load}: opens a generated 512×512 CT series of ≥300 slices and prints the
 * median wall time and peak heap of loading it, beside dcm2niix converting the same files in the
 * same run. dcm2niix always writes a NIfTI, so Attest is timed both loading alone and loading
 * plus writing an uncompressed .nii, which is the like-for-like figure.
 */
@Command(name = "load", description = "Benchmark series loading against dcm2niix; prints JSON.")
public final class LoadBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--slices", defaultValue = "320", description = "slices in the generated series (default 320)")
    int slices;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each tool (default 5)")
    int runs;

    @Option(names = "--source", description = "real 512x512 CT series the benchmark series is generated from "
            + "(default ../shared/data/series-ct/dcm_qa_ct_philips_S21570_S2010)")
    Path source;

    @Option(names = "--work", description = "working folder (default: a folder in /dev/shm or the temp dir)")
    Path work;

    @Option(names = "--dcm2niix", defaultValue = "dcm2niix", description = "dcm2niix executable")
    String dcm2niix;

    @Override
    public Integer call() throws Exception {
        Path src = source != null ? source : Path.of("../shared/data/series-ct/dcm_qa_ct_philips_S21570_S2010");
        Path base = work != null ? work : Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm"))
                ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir")), "attest-bench-");
        Path series = base.resolve("series");
        Path out = base.resolve("out");
        Files.createDirectories(out);
        BenchSeriesGenerator.Generated generated = BenchSeriesGenerator.generate(src, series, slices);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "load");
        report.put("series", Map.of("source", src.toString(), "files", generated.files(), "dimensions",
                new int[] {512, 512, generated.files()}, "voxelBytes", generated.voxelBytes(), "bytesOnDisk", generated.bytesOnDisk()));
        report.put("runs", runs);
        report.put("cores", Runtime.getRuntime().availableProcessors());

        loadOnce(series, null); // warm-up: JIT and page cache, as dcm2niix's first run warms the cache
        List<Double> loadMs = new ArrayList<>();
        List<Double> loadWriteMs = new ArrayList<>();
        long peakHeap = 0;
        for (int i = 0; i < runs; i++) {
            HeapSampler sampler = HeapSampler.start();
            long t0 = System.nanoTime();
            Volume v = loadOnce(series, null);
            loadMs.add((System.nanoTime() - t0) / 1e6);
            peakHeap = Math.max(peakHeap, sampler.stop());
            v = null;
            long t1 = System.nanoTime();
            loadOnce(series, out.resolve("attest.nii"));
            loadWriteMs.add((System.nanoTime() - t1) / 1e6);
        }
        Map<String, Object> attest = new LinkedHashMap<>();
        attest.put("loadMedianMs", Median.of(loadMs));
        attest.put("loadMs", loadMs);
        attest.put("loadAndWriteNiiMedianMs", Median.of(loadWriteMs));
        attest.put("loadAndWriteNiiMs", loadWriteMs);
        attest.put("peakHeapBytesAboveBaseline", peakHeap);
        attest.put("peakHeapOverVoxelBytes", round3((double) peakHeap / generated.voxelBytes()));
        report.put("attest", attest);

        Map<String, Object> peer = new LinkedHashMap<>();
        List<Double> peerMs = new ArrayList<>();
        String peerError = null;
        try {
            runDcm2niix(series, out); // warm-up
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                runDcm2niix(series, out);
                peerMs.add((System.nanoTime() - t0) / 1e6);
            }
        } catch (IOException e) {
            peerError = e.getMessage();
        }
        peer.put("tool", "dcm2niix -z n (writes an uncompressed .nii)");
        if (peerError != null) {
            peer.put("error", peerError);
        } else {
            peer.put("medianMs", Median.of(peerMs));
            peer.put("ms", peerMs);
            report.put("ratioAttestLoadAndWriteToDcm2niix", round3(Median.of(loadWriteMs) / Median.of(peerMs)));
            report.put("ratioAttestLoadToDcm2niix", round3(Median.of(loadMs) / Median.of(peerMs)));
        }
        report.put("dcm2niix", peer);
        System.out.println(new ObjectMapper().writeValueAsString(report));
        if (work == null) {
            deleteTree(base);
        }
        return 0;
    }

    private static Volume loadOnce(Path series, Path writeTo) throws IOException {
        Volume v = SeriesSelector.open(series, null, 1).volume();
        if (writeTo != null) {
            NiftiWriter.write(v, writeTo);
        }
        return v;
    }

    private void runDcm2niix(Path series, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(dcm2niix, "-z", "n", "-b", "n", "-f", "dcm2niix", "-o", out.toString(), series.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("dcm2niix failed (exit " + p.exitValue() + ")");
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
