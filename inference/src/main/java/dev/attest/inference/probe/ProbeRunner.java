package dev.attest.inference.probe;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.RunOptions;
import dev.attest.inference.run.SegmentationRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a segmentation model on an image and on each perturbed copy of it, and measures each perturbed run
 * against the unperturbed one, after bringing them back to the unperturbed frame where the perturbation moved the anatomy
 * ({@link Perturbation#restoreLabels}): Dice per label ({@link LabelDice}), and the evidence map's Pearson correlation
 * ({@link Pearson}) and top-k% overlap ({@link TopSet}). Runs go through {@link SegmentationRun}, the path the
 * CLI and GUI use, one after another on the caller's predictor (which is not thread-safe). Memory beyond one
 * run: the unperturbed labels and evidence map and the perturbed copy of the image.
 */
public final class ProbeRunner {
    private final ModelManifest manifest;
    private final PatchPredictor predictor;
    private final ProbeOptions options;
    private final RunOptions runOptions;

    public ProbeRunner(ModelManifest manifest, PatchPredictor predictor, ProbeOptions options) {
        this.manifest = manifest;
        this.predictor = predictor;
        this.options = options;
        this.runOptions = options.run().withProbabilityClasses(options.evidence().runClasses(manifest));
    }

    /**
     * Probes one image; progress counts runs (the unperturbed one first).
     *
     * @throws dev.attest.core.progress.CancelledException when cancelled between or during runs
     */
    public CaseProbe run(Volume image, List<Perturbation> perturbations, ProgressListener progress,
                         Cancellation cancellation) {
        int total = perturbations.size() + 1;
        long t0 = System.nanoTime();
        progress.progress(0, total, "unperturbed");
        InferenceResult base = SegmentationRun.run(manifest, predictor, image, runOptions, ProgressListener.NONE, cancellation);
        int[] baseLabels = LabelDice.labels(base.labels());
        float[] baseEvidence = options.evidence().extract(manifest, base);
        TopSet baseTop = TopSet.of(baseEvidence, options.topPercent());
        long baselineMillis = (System.nanoTime() - t0) / 1_000_000;
        List<ProbeRecord> records = new ArrayList<>();
        for (int i = 0; i < perturbations.size(); i++) {
            cancellation.throwIfCancelled();
            Perturbation p = perturbations.get(i);
            progress.progress(i + 1, total, p.label());
            long start = System.nanoTime();
            Volume perturbed = p.apply(image);
            InferenceResult r = SegmentationRun.run(manifest, predictor, perturbed, runOptions, ProgressListener.NONE,
                    cancellation);
            LabelDice dice = LabelDice.of(baseLabels, p.restoreLabels(LabelDice.labels(r.labels()), image.grid()));
            float[] evidence = p.restoreMap(options.evidence().extract(manifest, r), image.grid());
            double pearson = Pearson.of(baseEvidence, evidence);
            double overlap = baseTop.overlap(TopSet.of(evidence, options.topPercent()));
            records.add(new ProbeRecord(p, dice, pearson, overlap, (System.nanoTime() - start) / 1_000_000));
        }
        progress.progress(total, total, "done");
        return new CaseProbe(base.provenance(), voxelCounts(baseLabels), options.evidence().describe(),
                options.topPercent(), baselineMillis, records);
    }

    private static Map<Integer, Long> voxelCounts(int[] labels) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int v : labels) {
            if (v != 0) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }
}
