package dev.attest.app.bench.render;

import dev.attest.app.bench.Median;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.RayCaster;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.RenderSettings;
import dev.attest.viewer.volume3d.TransferPreset;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part (c): a 512×512 MIP, and a composite render with the CT bone preset, of the volume with
 * Attest's {@link RayCaster} beside VTK's CPU vtkFixedPointVolumeRayCastMapper run by
 * tools/bench/vtk_mip.py on the same voxels (written as raw int16), same view, same sample
 * distance and same number of runs, each run turning the camera by 1° so no frame is reused.
 * Only render calls are timed on both sides; the ray caster's one-off preparation is reported apart,
 * and it renders three untimed warm-up frames (VTK one) so that the JIT has compiled its loops.
 */
public final class RayCastPart implements RenderBenchPart {
    static final int SIZE = 512;
    static final int EXTRA_WARM_UP = 2;
    private static final Path SCRIPT = Path.of("tools", "bench", "vtk_mip.py");

    private final Path script;

    /** Uses tools/bench/vtk_mip.py of the repository, found from its root or from a module folder. */
    public RayCastPart() {
        this(Files.isRegularFile(SCRIPT) ? SCRIPT : Path.of("..").resolve(SCRIPT));
    }

    public RayCastPart(Path script) {
        this.script = script;
    }

    @Override
    public String name() {
        return "rayCast";
    }

    @Override
    public Map<String, Object> run(RenderBenchContext ctx) throws Exception {
        Volume ct = ctx.ct();
        long t0 = System.nanoTime();
        RayCaster caster = new RayCaster(ct);
        caster.statistics();
        double prepareMs = (System.nanoTime() - t0) / 1e6;
        double step = caster.defaultStepMm();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imageSize", new int[] {SIZE, SIZE});
        out.put("sampleMm", step);
        out.put("attestPrepareMs", RenderBenchContext.round3(prepareMs));
        String peerMissing = peerMissing(ctx);
        Path raw = null;
        if (peerMissing == null) {
            raw = ctx.work().resolve("volume.raw");
            writeRaw(ct, raw);
        }
        for (RenderMode mode : List.of(RenderMode.MIP, RenderMode.COMPOSITE)) {
            Map<String, Object> m = new LinkedHashMap<>();
            RenderSettings settings = caster.defaultSettings(mode, TransferPreset.CT_BONE);
            double[] azimuth = {0};
            ctx.log().println("bench render: Attest " + mode.label() + " " + SIZE + "x" + SIZE);
            // Two more untimed frames than the usual one warm-up: the JIT compiles the large
            // per-row loops while the first frames run, and the viewer renders frame after frame,
            // so the steady state is what a user gets (VTK's native code needs no such warm-up).
            for (int i = 0; i < EXTRA_WARM_UP; i++) {
                caster.render(new OrbitCamera(-1 - i, 0, 1, 0, 0), settings, SIZE, SIZE, new Cancellation());
            }
            // Processor time beside wall time: with other jobs on the cores, wall times swing with
            // their load while the work each side does (all its threads) stays comparable.
            List<Double> cpu = new ArrayList<>();
            List<Double> ms = ctx.time(ctx.runs(), () -> {
                long c0 = processCpuNanos();
                caster.render(new OrbitCamera(azimuth[0]++, 0, 1, 0, 0), settings, SIZE, SIZE, new Cancellation());
                cpu.add((processCpuNanos() - c0) / 1e6);
            });
            cpu.remove(0); // the warm-up run that ctx.time does not time either
            double ours = Median.of(ms);
            double oursCpu = Median.of(cpu);
            m.put("attestMedianMs", RenderBenchContext.round3(ours));
            m.put("attestMs", RenderBenchContext.rounded(ms));
            m.put("attestCpuMedianMs", RenderBenchContext.round3(oursCpu));
            if (peerMissing != null) {
                m.put("vtk", Map.of("status", "missing", "why", peerMissing));
            } else {
                ctx.log().println("bench render: VTK " + mode.label());
                Map<String, Object> vtk = runVtk(ctx, raw, mode, step);
                m.put("vtk", vtk);
                if (vtk.get("medianMs") instanceof Number peer) {
                    m.put("ratioAttestToVtk", RenderBenchContext.round3(ours / peer.doubleValue()));
                }
                if (vtk.get("cpuMedianMs") instanceof Number peerCpu) {
                    m.put("cpuRatioAttestToVtk", RenderBenchContext.round3(oursCpu / peerCpu.doubleValue()));
                }
            }
            out.put(mode == RenderMode.MIP ? "mip" : "compositeCtBone", m);
        }
        if (raw != null) {
            Files.deleteIfExists(raw);
        }
        return out;
    }

    /** Processor time used so far by all threads of this process (JIT and GC included, small once warm). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
            ProcessResult r = exec(List.of(ctx.python(), "-c", "import vtk, numpy"), 60);
            if (r.exit() != 0) {
                return "import vtk failed in " + ctx.python() + " (install python3-vtk9): " + r.output().strip();
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        if (displayPrefix().isEmpty() && (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())) {
            return "VTK's render window needs an X display: no DISPLAY and no xvfb-run on PATH";
        }
        return null;
    }

    /** VTK's Debian build renders through X, so without a display the script runs under xvfb-run. */
    private static List<String> displayPrefix() {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return List.of();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "xvfb-run"))) {
                return List.of(Path.of(dir, "xvfb-run").toString(), "-a");
            }
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runVtk(RenderBenchContext ctx, Path raw, RenderMode mode, double step) throws Exception {
        var g = ctx.ct().grid();
        var spacing = g.spacing();
        List<String> cmd = new ArrayList<>(displayPrefix());
        cmd.addAll(List.of(ctx.python(), script.toString(), "--raw", raw.toString(),
                "--dims", "" + g.sizeX(), "" + g.sizeY(), "" + g.sizeZ(),
                "--spacing", "" + spacing.x(), "" + spacing.y(), "" + spacing.z(),
                "--intercept", "" + ctx.ct().rescale().intercept(),
                "--mode", mode == RenderMode.MIP ? "mip" : "composite",
                "--width", "" + SIZE, "--height", "" + SIZE, "--sample-mm", "" + step, "--runs", "" + ctx.runs()));
        ProcessResult r = exec(cmd, 1800);
        String json = r.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (r.exit() != 0 || json == null) {
            return Map.of("status", "failed", "exit", r.exit(), "output", tail(r.output()));
        }
        return new ObjectMapper().readValue(json, Map.class);
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
    }

    private record ProcessResult(int exit, String output) {
    }

    private static ProcessResult exec(List<String> cmd, int timeoutS) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in " + timeoutS + " s");
        }
        return new ProcessResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Writes the stored int16 voxels little-endian, x fastest, as the script reads them. */
    static void writeRaw(Volume ct, Path raw) throws IOException {
        if (ct.type() != VoxelType.INT16 || !ct.hasUniformRescale() || ct.rescale().slope() != 1) {
            throw new IllegalArgumentException("the VTK script reads INT16 with slope 1, got " + ct);
        }
        int n = ct.grid().sizeX() * ct.grid().sizeY();
        ByteBuffer buf = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream os = Files.newOutputStream(raw)) {
            for (int z = 0; z < ct.grid().sizeZ(); z++) {
                buf.clear();
                buf.asShortBuffer().put((short[]) ct.sliceArray(z));
                os.write(buf.array());
            }
        }
    }
}
