package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.evidence.EvidenceHook;
import dev.attest.inference.evidence.OcclusionSettings;
import dev.attest.inference.manifest.WeightFormat;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.run.Connectivity;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.InferenceRunner;
import dev.attest.inference.run.SegmentationRun;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.LabelVolume;
import dev.attest.inference.run.ProvenanceJson;
import dev.attest.inference.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest infer --model MANIFEST INPUT --out DIR}: runs a segmentation model on a NIfTI file
 * or DICOM series and writes labels.nii.gz (+ labels.labels.txt), one NIfTI per probability or
 * evidence map and provenance.json, all on the input's own grid.
 */
@Command(name = "infer", description = "Run a segmentation model on a NIfTI file or DICOM series; writes NIfTI + provenance.json.")
public final class InferCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "ID|MANIFEST",
            description = "a model id from `attest models list`, or a manifest.json (or its folder)")
    String model;

    @Parameters(index = "0", paramLabel = "INPUT", description = "NIfTI file (.nii, .nii.gz) or DICOM folder, zip or file")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto)")
    String device;

    @Option(names = "--overlap", paramLabel = "X", description = "sliding-window overlap in [0, 1) (default: the manifest's)")
    Double overlap;

    @Option(names = "--batch", paramLabel = "N", description = "windows per network call (default: the manifest's)")
    Integer batch;

    @Option(names = "--largest-component", description = "keep only the largest 26-connected component of each label")
    boolean largestComponent;

    @Option(names = "--maps", split = ",", paramLabel = "CLASS",
            description = "classes whose probability maps to write (default: every foreground class of models with at most 4 classes)")
    List<Integer> maps;

    @Option(names = "--evidence", split = ",", paramLabel = "METHOD",
            description = "evidence maps to add: saliency (|input gradient|, TorchScript only), gradxinput, occlusion")
    List<String> evidence;

    @Option(names = "--evidence-class", defaultValue = "1", paramLabel = "K", description = "class the evidence explains (default 1)")
    int evidenceClass;

    @Option(names = "--occlusion-patch", defaultValue = "8", paramLabel = "N", description = "occluding cube edge in network voxels (default 8)")
    int occlusionPatch;

    @Option(names = "--occlusion-stride", paramLabel = "N", description = "occlusion stride in network voxels (default half the patch)")
    Integer occlusionStride;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID when INPUT holds several series")
    String seriesUid;

    @Override
    public Integer call() throws Exception {
        Volume volume = InputVolume.open(input, seriesUid);
        Files.createDirectories(out);
        RunOptions options = RunOptions.defaults().withOverlap(overlap).withBatchSize(batch)
                .withLargestComponent(largestComponent, Connectivity.FULL_26).withProbabilityClasses(maps);
        InferenceResult result;
        ProgressListener progress = new ConsoleProgress();
        DeviceChoice deviceChoice = DeviceChoice.parse(device);
        ModelManifest manifest;
        try (ModelRegistry registry = ModelsCommand.openRegistry()) {
            Path manifestFile = manifestFile(model);
            Path folder;
            PatchPredictor predictor;
            if (manifestFile != null) {
                manifest = ManifestJson.read(manifestFile);
                predictor = registry.openManifest(manifestFile, deviceChoice);
                folder = manifestFile.toAbsolutePath().getParent();
            } else {
                manifest = registry.entry(model).manifest();
                predictor = registry.open(model, deviceChoice);
                // open() has verified the files; the folder is only needed for a gradient copy, so they are
                // not hashed a second time otherwise.
                folder = wantsGradients() ? registry.verify(model) : null;
            }
            try (DjlModelPredictor gradients = wantsGradients() ? gradientCopy(manifest, folder, deviceChoice) : null) {
                if (evidence != null && !evidence.isEmpty()) {
                    options = options.withHook(evidenceHook(gradients));
                }
                result = SegmentationRun.run(manifest, predictor, volume, options, progress, new Cancellation());
            } finally {
                if (manifestFile != null) {
                    predictor.close(); // registry-owned models are closed with the registry
                }
            }
        }
        Path labels = out.resolve("labels.nii.gz");
        NiftiWriter.write(result.labels(), labels);
        List<LabelDescription> descriptions = new ArrayList<>();
        for (OutputLabel l : InferenceRunner.segmentationOutput(manifest).labels()) {
            descriptions.add(new LabelDescription(l.value(), l.name(), l.rgb()));
        }
        Path sidecar = LabelDescriptions.sidecarOf(labels);
        new LabelDescriptions(descriptions).writeItkSnap(sidecar);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("labels", labels.toString());
        report.put("labelDescriptions", sidecar.toString());
        Map<String, String> written = new LinkedHashMap<>();
        for (Map.Entry<String, Volume> e : result.maps().entrySet()) {
            Path f = out.resolve(e.getKey() + ".nii.gz");
            NiftiWriter.write(e.getValue(), f);
            written.put(e.getKey(), f.toString());
        }
        report.put("maps", written);
        Path provenance = out.resolve("provenance.json");
        ProvenanceJson.write(result.provenance(), provenance);
        report.put("provenance", provenance.toString());
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (LabelVolume v : result.volumes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", v.value());
            m.put("name", v.name());
            m.put("voxels", v.voxels());
            m.put("millilitres", v.millilitres());
            volumes.add(m);
        }
        report.put("volumes", volumes);
        report.put("timingsMillis", result.provenance().timingsMillis());
        System.out.println(new ObjectMapper().writeValueAsString(report));
        return 0;
    }

    private boolean wantsGradients() {
        return evidence != null && (evidence.contains("saliency") || evidence.contains("gradxinput"));
    }

    private static DjlModelPredictor gradientCopy(ModelManifest manifest, Path folder, DeviceChoice device) {
        if (manifest.format() != WeightFormat.TORCHSCRIPT) {
            throw new IllegalArgumentException("gradient evidence needs a TorchScript model; " + manifest.id() + " is "
                    + manifest.format() + " (use --evidence occlusion)");
        }
        return DjlModelPredictor.loadForGradients(folder.resolve(manifest.weights()), device);
    }

    private EvidenceHook evidenceHook(DjlModelPredictor gradients) {
        for (String m : evidence) {
            if (!List.of("saliency", "gradxinput", "occlusion").contains(m)) {
                throw new IllegalArgumentException("unknown evidence method '" + m + "' (saliency, gradxinput, occlusion)");
            }
        }
        OcclusionSettings occlusion = null;
        if (evidence.contains("occlusion")) {
            int p = occlusionPatch;
            int st = occlusionStride != null ? occlusionStride : Math.max(1, p / 2);
            occlusion = new OcclusionSettings(new int[] {p, p, p}, new int[] {st, st, st}, 0f, 4);
        }
        return new EvidenceHook(evidenceClass, gradients, evidence.contains("gradxinput") && !evidence.contains("saliency"),
                occlusion);
    }

    /** The manifest file an argument names (a file, or a folder holding manifest.json), else null: then it is an id. */
    static Path manifestFile(String model) {
        Path p = Path.of(model);
        if (Files.isDirectory(p)) {
            p = p.resolve(ManifestJson.FILE_NAME);
        }
        return Files.isRegularFile(p) ? p : null;
    }

    /** Prints one progress line per tenth of the windows on stderr, so stdout stays JSON. */
    private static final class ConsoleProgress implements ProgressListener {
        private long lastTenth = -1;

        @Override
        public void progress(long done, long total, String message) {
            long tenth = total > 0 ? done * 10 / total : -1;
            if (total == 0 || tenth != lastTenth) {
                lastTenth = tenth;
                System.err.println("attest infer: " + message);
            }
        }
    }
}
