package dev.attest.inference.run;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.meshnet.BrainchopSegmenter;
import dev.attest.inference.meshnet.MeshNet;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs any segmentation model the registry can load and returns the same {@link InferenceResult}.
 * A brainchop MeshNet takes the whole conformed 256^3 head at once, so it goes through its own
 * slab-wise path (conform, scale, argmax per slab; K x 256^3 logits are never held) instead of the
 * sliding window, which would hold every class's scores for the whole field.
 */
public final class SegmentationRun {

    private SegmentationRun() {
    }

    public static InferenceResult run(ModelManifest manifest, PatchPredictor predictor, Volume volume,
                                      RunOptions options, ProgressListener progress, Cancellation cancellation) {
        if (predictor instanceof MeshNet net) {
            if (options.hook() != null) {
                throw new IllegalArgumentException(manifest.id() + " runs whole-volume as a MeshNet; its evidence is the"
                        + " class probability map (saliency and occlusion need a TorchScript or ONNX model)");
            }
            return runMeshNet(manifest, net, volume, options, progress, cancellation);
        }
        return InferenceRunner.run(manifest, predictor, volume, options, progress, cancellation);
    }

    private static InferenceResult runMeshNet(ModelManifest manifest, MeshNet net, Volume volume, RunOptions options,
                                              ProgressListener progress, Cancellation cancellation) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        OutputSpec spec = InferenceRunner.segmentationOutput(manifest);
        int evidenceClass = evidenceClass(options, net.classes());
        BrainchopSegmenter.Result r = BrainchopSegmenter.segment(net, volume, manifest.input().normalisation(),
                evidenceClass, progress, cancellation);
        long t1 = System.nanoTime();
        var source = volume.grid();
        short[] labels = InferenceRunner.readLabels(r.labels());
        if (options.largestComponent()) {
            LargestComponentFilter.apply(labels, source.sizeX(), source.sizeY(), source.sizeZ(), options.connectivity());
            InferenceRunner.writeLabels(labels, r.labels());
        }
        r.labels().setName(manifest.id() + " labels");
        Map<String, Volume> maps = new LinkedHashMap<>();
        if (evidenceClass >= 0) {
            maps.put("prob-" + evidenceClass, InferenceRunner.toSource(r.raw().evidence(), r.conformed().volume().grid(),
                    source, "probability of " + InferenceRunner.labelName(spec, evidenceClass)));
        }
        List<LabelVolume> volumes = InferenceRunner.labelVolumes(labels, net.classes(), source, spec);
        long t2 = System.nanoTime();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("path", "meshnet-whole-volume");
        parameters.put("conformed", r.conformed().resampled() ? "resampled to 256^3 1 mm LIA" : "already conformed");
        parameters.put("normalisation", manifest.input().normalisation());
        parameters.put("evidenceClass", evidenceClass);
        parameters.put("largestComponent", options.largestComponent() ? options.connectivity().name() : "off");
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("inference", (t1 - t0) / 1_000_000);
        timings.put("postprocess", (t2 - t1) / 1_000_000);
        timings.put("total", (t2 - t0) / 1_000_000);
        var engine = net.engineInfo();
        Provenance provenance = new Provenance(manifest.id(), manifest.version(), manifest.sha256(), parameters,
                engine, engine.device(), started, timings, InferenceRunner.attestVersion());
        progress.progress(1, 1, "done");
        return new InferenceResult(r.labels(), maps, volumes, provenance);
    }

    /** The class whose probability becomes the evidence map: the first asked for, else class 1 of small models. */
    private static int evidenceClass(RunOptions options, int classes) {
        List<Integer> asked = options.probabilityClasses();
        if (asked != null) {
            return asked.isEmpty() ? -1 : asked.get(0);
        }
        return classes <= RunOptions.AUTO_PROBABILITY_CLASSES && classes > 1 ? 1 : -1;
    }
}
