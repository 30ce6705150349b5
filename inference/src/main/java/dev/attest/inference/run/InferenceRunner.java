package dev.attest.inference.run;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.engine.InferenceException;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a segmentation model described by a manifest on a Volume and returns its outputs on the
 * Volume's own grid; the one entry point for the CLI and the GUI.
 *
 * <p>Phases: pre-processing ({@link NetworkGridPlanner}, trilinear {@link GridResampler},
 * {@link IntensityNormaliser}, channel replication, axis order), sliding-window inference
 * ({@link SlidingWindowInferer}, bounded memory as stated there) finishing each plane into labels
 * and the probability maps asked for ({@link PlaneClassifier}), then post-processing on the source
 * grid: labels by nearest voxel, maps trilinear, optional {@link LargestComponentFilter}, per-label
 * volumes. Memory held for the whole volume: the source as float32, the network-space input, one
 * short per network voxel for labels, one float per network voxel per kept map, and the same on
 * the source grid for the outputs.
 */
public final class InferenceRunner {

    private InferenceRunner() {
    }

    public static InferenceResult run(ModelManifest manifest, PatchPredictor predictor, Volume volume,
                                      RunOptions options, ProgressListener progress, Cancellation cancellation) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        InputContract contract = manifest.input();
        if (contract == null) {
            throw new IllegalArgumentException("manifest " + manifest.id() + " has no input contract");
        }
        OutputSpec spec = segmentationOutput(manifest);
        Activation activation = Activation.parse(spec.activation());
        boolean xyz = "xyz".equals(contract.axisOrder());

        progress.progress(0, 0, "pre-processing");
        ImageGrid source = volume.grid();
        NetworkInput prepared = preprocess(contract, volume);
        ImageGrid net = prepared.grid();
        float[] input = prepared.data();
        cancellation.throwIfCancelled();
        float[][] channels = new float[contract.channels()][];
        Arrays.fill(channels, input); // a one-channel image is repeated for every channel the network takes
        int nx = net.sizeX();
        int ny = net.sizeY();
        int nz = net.sizeZ();
        int[] roi = contract.patchSize() == null ? new int[] {nz, ny, nx}
                : new int[] {contract.patchSize()[2], contract.patchSize()[1], contract.patchSize()[0]};
        double overlap = options.overlap() != null ? options.overlap() : contract.overlap();
        int batch = options.batchSize() != null ? options.batchSize() : contract.batchSize();
        long t1 = System.nanoTime();

        WindowHook hook = options.hook();
        WindowHook windowHook = hook != null && hook.scope() == WindowHook.Scope.WINDOW ? hook : null;
        int hookMaps = hook == null ? 0 : hook.mapNames().size();
        PlaneClassifier classifier = new PlaneClassifier(activation, options.probabilityClasses(),
                windowHook == null ? 0 : hookMaps, nx, ny, nz);
        SlidingWindowInferer inferer = new SlidingWindowInferer(roi, overlap, batch, options.blend(),
                options.sigmaScale(), xyz);
        inferer.run(channels, nz, ny, nx, predictor, windowHook, classifier, progress, cancellation);
        float[][] wholeInputMaps = null;
        if (hook != null && windowHook == null) {
            wholeInputMaps = wholeInputHook(hook, channels, nz, ny, nx, xyz, predictor);
        }
        long t2 = System.nanoTime();

        progress.progress(0, 0, "post-processing");
        int classes = classifier.classes();
        Volume labels = Volume.allocate(source, classes <= 256 ? VoxelType.UINT8 : VoxelType.UINT16);
        labels.setName(manifest.id() + " labels");
        short[] sourceLabels = new short[Math.toIntExact(source.voxelCount())];
        GridResampler.nearest(classifier.labels(), net, source, (i, v) -> sourceLabels[i] = (short) v);
        if (options.largestComponent()) {
            LargestComponentFilter.apply(sourceLabels, source.sizeX(), source.sizeY(), source.sizeZ(),
                    options.connectivity());
        }
        writeLabels(sourceLabels, labels);
        Map<String, Volume> maps = new LinkedHashMap<>();
        int[] kept = classifier.keptClasses();
        for (int j = 0; j < kept.length; j++) {
            cancellation.throwIfCancelled();
            maps.put("prob-" + kept[j], toSource(classifier.kept(j), net, source, "probability of " + labelName(spec, kept[j])));
        }
        for (int m = 0; m < hookMaps; m++) {
            float[] map = wholeInputMaps != null ? wholeInputMaps[m] : classifier.hookMap(m);
            maps.put(hook.mapNames().get(m), toSource(map, net, source, hook.mapNames().get(m)));
        }
        List<LabelVolume> volumes = labelVolumes(sourceLabels, classes, source, spec);
        long t3 = System.nanoTime();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("roiXyz", new int[] {roi[2], roi[1], roi[0]});
        parameters.put("overlap", overlap);
        parameters.put("batchSize", batch);
        parameters.put("blend", options.blend().name().toLowerCase(Locale.ROOT));
        parameters.put("sigmaScale", options.sigmaScale());
        parameters.put("windows", WindowPlan.of(new int[] {nz, ny, nx}, roi, overlap).windowCount());
        parameters.put("axisOrder", contract.axisOrder());
        parameters.put("targetSpacing", contract.targetSpacing());
        parameters.put("orientation", contract.orientation());
        parameters.put("normalisation", contract.normalisation());
        parameters.put("activation", activation.name().toLowerCase(Locale.ROOT));
        parameters.put("networkGrid", new int[] {nx, ny, nz});
        parameters.put("largestComponent", options.largestComponent() ? options.connectivity().name() : "off");
        parameters.put("probabilityClasses", kept);
        parameters.put("hook", hook == null ? "none" : String.join(",", hook.mapNames()));
        if (hook != null && !hook.parameters().isEmpty()) {
            parameters.put("evidence", hook.parameters());
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("preprocess", (t1 - t0) / 1_000_000);
        timings.put("inference", (t2 - t1) / 1_000_000);
        timings.put("postprocess", (t3 - t2) / 1_000_000);
        timings.put("total", (t3 - t0) / 1_000_000);
        var engine = predictor.engineInfo();
        Provenance provenance = new Provenance(manifest.id(), manifest.version(), manifest.sha256(), parameters,
                engine, engine.device(), started, timings, attestVersion());
        progress.progress(1, 1, "done");
        return new InferenceResult(labels, maps, volumes, provenance);
    }

    /** Resamples (trilinear) and normalises a volume as the contract says; the first phase of {@link #run}. */
    public static NetworkInput preprocess(InputContract contract, Volume volume) {
        ImageGrid source = volume.grid();
        ImageGrid net = NetworkGridPlanner.plan(source, contract.targetSpacing(), contract.orientation());
        float[] flat = flatten(volume);
        // flatten() already made a private copy, so an unchanged grid needs no second one.
        float[] input = net.equals(source) ? flat : GridResampler.trilinear(flat, source, net);
        IntensityNormaliser.apply(input, contract.normalisation());
        return new NetworkInput(net, input);
    }

    /** Maps a float map on the network grid (x fastest) back to the source grid, trilinearly, as a FLOAT32 Volume. */
    public static Volume mapToSource(float[] map, ImageGrid network, ImageGrid source, String name) {
        return toSource(map, network, source, name);
    }

    /** The output that carries class scores: the first of type logits or probabilities, else the first. */
    public static OutputSpec segmentationOutput(ModelManifest manifest) {
        if (manifest.outputs().isEmpty()) {
            throw new IllegalArgumentException("manifest " + manifest.id() + " lists no outputs");
        }
        for (OutputSpec o : manifest.outputs()) {
            if ("logits".equalsIgnoreCase(o.type()) || "probabilities".equalsIgnoreCase(o.type())) {
                return o;
            }
        }
        return manifest.outputs().get(0);
    }

    static String labelName(OutputSpec spec, int value) {
        for (OutputLabel l : spec.labels()) {
            if (l.value() == value) {
                return l.name();
            }
        }
        return value == 0 ? "background" : "class " + value;
    }

    private static float[][] wholeInputHook(WindowHook hook, float[][] channels, int nz, int ny, int nx, boolean xyz,
                                            PatchPredictor predictor) {
        int n = nz * ny * nx;
        float[] data = new float[channels.length * n];
        for (int c = 0; c < channels.length; c++) {
            toLayout(channels[c], data, c * n, nz, ny, nx, xyz);
        }
        long[] shape = xyz ? new long[] {1, channels.length, nx, ny, nz} : new long[] {1, channels.length, nz, ny, nx};
        FloatTensor out = hook.compute(new FloatTensor(data, shape), predictor);
        int m = hook.mapNames().size();
        long[] s = out.shape();
        if (s.length != 5 || s[0] != 1 || s[1] != m || s[2] != shape[2] || s[3] != shape[3] || s[4] != shape[4]) {
            throw new InferenceException("the whole-input hook returned " + Arrays.toString(s) + " for input "
                    + Arrays.toString(shape) + " and " + m + " map names");
        }
        float[][] maps = new float[m][n];
        for (int j = 0; j < m; j++) {
            fromLayout(out.data(), j * n, maps[j], nz, ny, nx, xyz);
        }
        return maps;
    }

    private static void toLayout(float[] zyx, float[] dst, int off, int nz, int ny, int nx, boolean xyz) {
        if (!xyz) {
            System.arraycopy(zyx, 0, dst, off, zyx.length);
            return;
        }
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    dst[off + (x * ny + y) * nz + z] = zyx[(z * ny + y) * nx + x];
                }
            }
        }
    }

    private static void fromLayout(float[] src, int off, float[] zyx, int nz, int ny, int nx, boolean xyz) {
        if (!xyz) {
            System.arraycopy(src, off, zyx, 0, zyx.length);
            return;
        }
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    zyx[(z * ny + y) * nx + x] = src[off + (x * ny + y) * nz + z];
                }
            }
        }
    }

    /** The physical values of a volume as one float array, x fastest. */
    static float[] flatten(Volume volume) {
        ImageGrid g = volume.grid();
        int plane = g.sizeX() * g.sizeY();
        float[] out = new float[Math.toIntExact(g.voxelCount())];
        if (volume.type() == VoxelType.FLOAT32 && volume.hasUniformRescale()
                && volume.slope(0) == 1 && volume.intercept(0) == 0) {
            for (int z = 0; z < g.sizeZ(); z++) {
                System.arraycopy((float[]) volume.sliceArray(z), 0, out, z * plane, plane);
            }
            return out;
        }
        int i = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    out[i++] = (float) volume.getPhysical(x, y, z);
                }
            }
        }
        return out;
    }

    /** A label Volume (UINT8 or UINT16) as one array in memory order, the form the filters and counts take. */
    static short[] readLabels(Volume labels) {
        int plane = labels.grid().sizeX() * labels.grid().sizeY();
        short[] out = new short[Math.toIntExact(labels.grid().voxelCount())];
        for (int z = 0; z < labels.grid().sizeZ(); z++) {
            Object slice = labels.sliceArray(z);
            if (slice instanceof byte[] b) {
                for (int i = 0; i < plane; i++) {
                    out[z * plane + i] = (short) (b[i] & 0xFF);
                }
            } else {
                System.arraycopy((short[]) slice, 0, out, z * plane, plane);
            }
        }
        return out;
    }

    /** Writes {@link #readLabels}' array back into a label Volume of the same grid. */
    static void writeLabels(short[] values, Volume labels) {
        int plane = labels.grid().sizeX() * labels.grid().sizeY();
        for (int z = 0; z < labels.grid().sizeZ(); z++) {
            Object slice = labels.sliceArray(z);
            if (slice instanceof byte[] b) {
                for (int i = 0; i < plane; i++) {
                    b[i] = (byte) values[z * plane + i];
                }
            } else {
                System.arraycopy(values, z * plane, (short[]) slice, 0, plane);
            }
        }
    }

    static Volume toSource(float[] map, ImageGrid net, ImageGrid source, String name) {
        Volume v = Volume.allocate(source, VoxelType.FLOAT32);
        v.setName(name);
        int plane = source.sizeX() * source.sizeY();
        float[][] slices = new float[source.sizeZ()][];
        for (int z = 0; z < slices.length; z++) {
            slices[z] = (float[]) v.sliceArray(z);
        }
        GridResampler.trilinear(map, net, source, (i, value) -> slices[i / plane][i % plane] = value);
        return v;
    }

    static List<LabelVolume> labelVolumes(short[] labels, int classes, ImageGrid grid, OutputSpec spec) {
        long[] counts = new long[Math.max(classes, 2)];
        for (short l : labels) {
            counts[l]++;
        }
        double voxelMl = Math.abs(grid.indexToLps().determinant()) / 1000.0;
        List<LabelVolume> out = new ArrayList<>();
        for (int c = 1; c < counts.length; c++) {
            out.add(new LabelVolume(c, labelName(spec, c), counts[c], counts[c] * voxelMl));
        }
        return out;
    }

    /** The Attest version recorded in provenance: the jar's implementation version, else "development". */
    public static String attestVersion() {
        String v = InferenceRunner.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
