package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.bootstrap.CaseBootstrap;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.metrics.segmentation.EmptyMasks;
import dev.attest.annotation.metrics.segmentation.LabelMetrics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Summarises a group's comparisons: each metric's mean is a sum over cases of a per-case sum over a per-case
 * count, so the case-level bootstrap can resample cases (all comparisons of a case move together).
 */
final class GroundTruthSummariser {
    private final BootstrapOptions bootstrap;

    GroundTruthSummariser(BootstrapOptions bootstrap) {
        this.bootstrap = bootstrap;
    }

    GroundTruthSummary summarise(Rows rows) {
        TreeSet<Long> caseIds = new TreeSet<>();
        Set<Long> corrections = new HashSet<>();
        rows.masks().forEach(r -> note(r.pair(), caseIds, corrections));
        rows.boxes().forEach(r -> note(r.pair(), caseIds, corrections));
        rows.heatmaps().forEach(r -> note(r.pair(), caseIds, corrections));
        Map<Long, Integer> index = new HashMap<>();
        caseIds.forEach(id -> index.put(id, index.size()));
        int n = caseIds.size();
        CaseBootstrap resampler = new CaseBootstrap(n, bootstrap);

        PerCaseMean dice = new PerCaseMean(n);
        PerCaseMean iou = new PerCaseMean(n);
        PerCaseMean hd95 = new PerCaseMean(n);
        PerCaseMean nsd = new PerCaseMean(n);
        Map<String, Integer> empty = new LinkedHashMap<>();
        for (EmptyMasks e : EmptyMasks.values()) {
            empty.put(e.code(), 0);
        }
        for (MaskComparison r : rows.masks()) {
            int c = index.get(r.pair().caseId());
            LabelMetrics m = r.metrics();
            dice.add(c, m.dice());
            iou.add(c, m.iou());
            hd95.add(c, m.hausdorff95());
            nsd.add(c, m.surfaceDice());
            empty.merge(m.empty().code(), 1, Integer::sum);
        }
        MaskSummary masks = new MaskSummary(rows.masks().size(), dice.estimate(resampler), iou.estimate(resampler),
                hd95.estimate(resampler), nsd.estimate(resampler), empty);

        PerCaseMean boxIou = new PerCaseMean(n);
        PerCaseMean precision = new PerCaseMean(n);
        PerCaseMean recall = new PerCaseMean(n);
        int emptyPredictions = 0;
        for (BoxComparison r : rows.boxes()) {
            int c = index.get(r.pair().caseId());
            boxIou.add(c, r.scores().iou());
            precision.add(c, r.scores().pixelPrecision());
            recall.add(c, r.scores().pixelRecall());
            if (r.predicted() == null) {
                emptyPredictions++;
            }
        }
        BoxSummary boxes = new BoxSummary(rows.boxes().size(), boxIou.estimate(resampler),
                precision.estimate(resampler), recall.estimate(resampler), emptyPredictions);

        PerCaseMean hits = new PerCaseMean(n);
        PerCaseMean energy = new PerCaseMean(n);
        for (HeatmapComparison r : rows.heatmaps()) {
            int c = index.get(r.pair().caseId());
            hits.add(c, r.hit() ? 1 : 0);
            if (r.energy() != null) {
                energy.add(c, r.energy().fraction());
            }
        }
        HeatmapSummary heatmaps = new HeatmapSummary(rows.heatmaps().size(), hits.estimate(resampler),
                energy.estimate(resampler));
        return new GroundTruthSummary(n, corrections.size(), rows.skipped().size(), masks, boxes, heatmaps);
    }

    private static void note(Pairing pair, Set<Long> cases, Set<Long> corrections) {
        cases.add(pair.caseId());
        corrections.add(pair.correctionId());
    }

    /** Per case, the sum and the count of a metric's finite values. */
    private static final class PerCaseMean {
        final double[] sums;
        final double[] counts;

        PerCaseMean(int cases) {
            sums = new double[cases];
            counts = new double[cases];
        }

        void add(int caseIndex, double value) {
            if (Double.isFinite(value)) {
                sums[caseIndex] += value;
                counts[caseIndex]++;
            }
        }

        Estimate estimate(CaseBootstrap resampler) {
            return resampler.ratio(sums, counts);
        }
    }
}
