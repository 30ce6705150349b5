package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.bench.HeapSampler;
import dev.attest.app.bench.Median;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.inference.conform.BrainConform;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.meshnet.MeshNet;
import dev.attest.inference.meshnet.MeshNetImporter;
import dev.attest.inference.run.SegmentationRun;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.InferenceRunner;
import dev.attest.inference.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest bench infer}: sliding-window inference of a MONAI-UNet-like TorchScript 3D U-Net
 * (made by tools/bench/make_unet.py into a cache folder) over a synthetic volume, through DJL and
 * {@link InferenceRunner}, beside the same TorchScript in Python torch running the reference
 * sliding window (tools/bench/infer_bench.py) with the same thread count. Prints medians, their
 * ratio, peak heap and RSS as JSON.
 */
@Command(name = "infer", description = "Benchmark sliding-window inference (DJL) against Python torch; prints JSON.")
public final class InferBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "512,512,300", description = "volume size x,y,z (default 512,512,300)")
    String size;

    @Option(names = "--runs", defaultValue = "3", description = "timed runs of each tool (default 3)")
    int runs;

    @Option(names = "--threads", description = "intra-op threads for both engines (default: all cores)")
    Integer threads;

    @Option(names = "--overlap", defaultValue = "0.25", description = "window overlap (default 0.25)")
    double overlap;

    @Option(names = "--batch", defaultValue = "1", description = "windows per call (default 1)")
    int batch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch (default /usr/bin/python3)")
    String python;

    @Option(names = "--tools", defaultValue = "tools", description = "the repository's tools folder (default ./tools)")
    Path tools;

    @Option(names = "--cache", description = "folder for the generated model (default ~/.cache/attest/bench)")
    Path cache;

    @Option(names = "--meshnet", paramLabel = "DIR", description = "also time a brainchop MeshNet (its TF.js folder) on a whole 256^3 head")
    Path meshnet;

    @Option(names = "--meshnet-input", paramLabel = "NIFTI", description = "the T1 for --meshnet (default: a synthetic conformed 256^3 volume)")
    Path meshnetInput;

    @Option(names = "--skip-python", description = "time Attest only")
    boolean skipPython;

    static final int ROI = 96;

    @Override
    public Integer call() throws Exception {
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // Must be set before the PyTorch engine starts; Python gets the same number via torch.set_num_threads.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(nThreads));
        String[] parts = size.split(",");
        int nx = Integer.parseInt(parts[0].trim());
        int ny = Integer.parseInt(parts[1].trim());
        int nz = Integer.parseInt(parts[2].trim());
        Path dir = cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "attest", "bench");
        Path model = dir.resolve("unet3d_16-256_14cls.pt");
        if (!Files.isRegularFile(model)) {
            Files.createDirectories(dir);
            runProcess(List.of(python, tools.resolve("bench/make_unet.py").toString(), model.toString()));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "infer");
        report.put("model", Map.of("file", model.toString(), "roi", ROI, "classes", 14));
        report.put("volume", new int[] {nx, ny, nz});
        report.put("overlap", overlap);
        report.put("batch", batch);
        report.put("threads", nThreads);
        report.put("runs", runs);

        Volume volume = synthetic(nx, ny, nz);
        ModelManifest manifest = manifest();
        List<Double> seconds = new ArrayList<>();
        List<Double> predictSeconds = new ArrayList<>();
        long peakHeap = 0;
        long[] counts = null;
        EngineInfo engine;
        try (TimedPredictor predictor = new TimedPredictor(
                DjlModelPredictor.load(model, EngineKind.PYTORCH, DeviceChoice.CPU))) {
            engine = predictor.engineInfo();
            for (int r = 0; r < runs; r++) {
                predictor.nanos = 0;
                HeapSampler sampler = HeapSampler.start();
                long t0 = System.nanoTime();
                InferenceResult result = InferenceRunner.run(manifest, predictor, volume,
                        RunOptions.defaults().withOverlap(overlap).withBatchSize(batch).withProbabilityClasses(List.of()),
                        ProgressListener.NONE, new Cancellation());
                seconds.add((System.nanoTime() - t0) / 1e9);
                peakHeap = Math.max(peakHeap, sampler.stop());
                predictSeconds.add(predictor.nanos / 1e9);
                counts = counts(result.labels(), 14);
            }
        }
        Map<String, Object> attest = new LinkedHashMap<>();
        attest.put("engine", engine.toString());
        attest.put("runsSeconds", seconds);
        attest.put("medianSeconds", Median.of(seconds));
        attest.put("insidePredictorSeconds", predictSeconds);
        attest.put("peakHeapMiBAboveBaseline", peakHeap / 1048576.0);
        attest.put("peakRssMiB", peakRssMiB());
        attest.put("labelCounts", counts);
        report.put("attest", attest);

        if (!skipPython) {
            List<String> cmd = List.of(python, tools.resolve("bench/infer_bench.py").toString(), model.toString(),
                    "--size", nx + "," + ny + "," + nz, "--roi", Integer.toString(ROI), "--overlap", Double.toString(overlap),
                    "--batch", Integer.toString(batch), "--threads", Integer.toString(nThreads), "--runs", Integer.toString(runs));
            JsonNode py = new ObjectMapper().readTree(runProcess(cmd));
            report.put("python", py);
            report.put("ratioAttestToPython", Math.round(Median.of(seconds) / py.get("medianSeconds").asDouble() * 1000) / 1000.0);
            long differing = 0;
            for (int c = 0; c < 14; c++) {
                differing += Math.abs(counts[c] - py.get("labelCounts").get(c).asLong());
            }
            report.put("labelCountDifference", differing);
        }
        report.put("meshnet256", meshnet == null ? "not requested (--meshnet DIR)" : timeMeshNet());
        System.out.println(new ObjectMapper().writeValueAsString(report));
        return 0;
    }

    /** A brainchop MeshNet over a whole conformed head, through the same SegmentationRun as attest infer. */
    private Map<String, Object> timeMeshNet() throws Exception {
        ModelManifest m = MeshNetImporter.manifest(meshnet);
        Volume head;
        if (meshnetInput != null) {
            head = NiftiReader.read(meshnetInput).volume();
        } else {
            head = synthetic(256, 256, 256);
            head = Volume.wrap(BrainConform.conformedGrid(head.grid()), head.type(), slices(head));
        }
        List<Double> secs = new ArrayList<>();
        long peak = 0;
        Map<String, Object> out = new LinkedHashMap<>();
        try (MeshNet net = MeshNet.load(m, meshnet, DeviceChoice.CPU)) {
            for (int r = 0; r < runs; r++) {
                HeapSampler sampler = HeapSampler.start();
                long t0 = System.nanoTime();
                SegmentationRun.run(m, net, head, RunOptions.defaults().withProbabilityClasses(List.of()),
                        ProgressListener.NONE, new Cancellation());
                secs.add((System.nanoTime() - t0) / 1e9);
                peak = Math.max(peak, sampler.stop());
            }
            out.put("engine", net.engineInfo().toString());
        }
        out.put("model", m.id());
        out.put("input", meshnetInput == null ? "synthetic 256^3" : meshnetInput.toString());
        out.put("runsSeconds", secs);
        out.put("medianSeconds", Median.of(secs));
        out.put("peakHeapMiBAboveBaseline", peak / 1048576.0);
        return out;
    }

    private static Object[] slices(Volume v) {
        Object[] s = new Object[v.grid().sizeZ()];
        for (int z = 0; z < s.length; z++) {
            s[z] = v.sliceArray(z);
        }
        return s;
    }

    /** The same values tools/bench/infer_bench.py builds, in float32. */
    static Volume synthetic(int nx, int ny, int nz) {
        Volume v = Volume.allocate(new ImageGrid(nx, ny, nz, Affine.diagonal(0.8, 0.8, 1.0)), VoxelType.FLOAT32);
        for (int z = 0; z < nz; z++) {
            float[] s = (float[]) v.sliceArray(z);
            for (int y = 0; y < ny; y++) {
                float cy = (float) Math.cos(y * 0.07f);
                for (int x = 0; x < nx; x++) {
                    s[y * nx + x] = (float) Math.sin(x * 0.05f) * cy + z * 0.002f;
                }
            }
        }
        return v;
    }

    static ModelManifest manifest() {
        InputContract c = new InputContract("CT", 1, null, null, "zyx", Normalisation.none(),
                new int[] {ROI, ROI, ROI}, 0.25, 1);
        return new ModelManifest("bench-unet3d", "Benchmark 3D U-Net", "1", ModelTask.SEGMENTATION, "pytorch",
                WeightFormat.TORCHSCRIPT, "unet3d_16-256_14cls.pt", "", c,
                List.of(new OutputSpec("seg", "logits", "softmax", List.of(), false)), "none", "benchmark");
    }

    private static long[] counts(Volume labels, int classes) {
        long[] c = new long[classes];
        for (int z = 0; z < labels.grid().sizeZ(); z++) {
            for (byte b : (byte[]) labels.sliceArray(z)) {
                c[b & 0xff]++;
            }
        }
        return c;
    }

    /** VmHWM from /proc (Linux): the most resident memory this process has had. */
    private static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: no figure
        }
        return -1;
    }

    private static String runProcess(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue());
        }
        return out;
    }

    /** Adds up the time spent inside the engine, to tell engine time from Attest's own work. */
    private static final class TimedPredictor implements PatchPredictor {
        private final PatchPredictor inner;
        long nanos;

        TimedPredictor(PatchPredictor inner) {
            this.inner = inner;
        }

        @Override
        public FloatTensor predict(FloatTensor input) {
            long t0 = System.nanoTime();
            try {
                return inner.predict(input);
            } finally {
                nanos += System.nanoTime() - t0;
            }
        }

        @Override
        public EngineInfo engineInfo() {
            return inner.engineInfo();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
