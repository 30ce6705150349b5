package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.bootstrap.CaseBootstrap;
import dev.attest.annotation.metrics.bootstrap.ConfidenceInterval;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.inference.probe.Perturbation;
import dev.attest.inference.probe.ProbeRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Groups probed cases (all of them, then by site, then by scanner, as the project metrics do) and summarises each
 * perturbation and level per group: the mean over cases of the mean Dice, the evidence Pearson's r and the top-k%
 * overlap, each with a case-level percentile bootstrap interval when the group has two cases or more. A case whose
 * measure is undefined (NaN) is left out of that measure's mean and resamples.
 */
public final class StabilityGroups {
    /** The dimension and value of the group of every case. */
    public static final String ALL = "all";

    private StabilityGroups() {
    }

    /**
     * One row per group and perturbation, groups in the order all, sites, scanners (values sorted), perturbations in
     * the order probed. Every case must have been probed with the same perturbations in the same order.
     */
    public static List<GroupRow> of(List<ProbedCase> cases, BootstrapOptions bootstrap) {
        return rows(cases, bootstrap, true);
    }

    /** The rows of the group of every case alone: for images probed outside a project, which have no site or scanner. */
    public static List<GroupRow> overall(List<ProbedCase> cases, BootstrapOptions bootstrap) {
        return rows(cases, bootstrap, false);
    }

    private static List<GroupRow> rows(List<ProbedCase> cases, BootstrapOptions bootstrap, boolean strata) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Perturbation> perturbations = cases.get(0).probe().records().stream().map(ProbeRecord::perturbation).toList();
        for (ProbedCase c : cases) {
            List<Perturbation> mine = c.probe().records().stream().map(ProbeRecord::perturbation).toList();
            if (!mine.equals(perturbations)) {
                throw new IllegalArgumentException("case " + c.name() + " was probed with other perturbations: " + mine);
            }
        }
        List<GroupRow> rows = new ArrayList<>();
        addGroups(rows, ALL, cases, c -> ALL, perturbations, bootstrap);
        if (strata) {
            addGroups(rows, "site", cases, c -> orNone(c.site()), perturbations, bootstrap);
            addGroups(rows, "scanner", cases, c -> orNone(c.scanner()), perturbations, bootstrap);
        }
        return rows;
    }

    private static void addGroups(List<GroupRow> rows, String dimension, List<ProbedCase> cases,
                                  Function<ProbedCase, String> key, List<Perturbation> perturbations,
                                  BootstrapOptions bootstrap) {
        Map<String, List<ProbedCase>> groups = new TreeMap<>();
        for (ProbedCase c : cases) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<ProbedCase>> g : groups.entrySet()) {
            for (int j = 0; j < perturbations.size(); j++) {
                int at = j;
                List<ProbeRecord> records = g.getValue().stream().map(c -> c.probe().records().get(at)).toList();
                rows.add(new GroupRow(dimension, g.getKey(), perturbations.get(j), records.size(),
                        stat(records, r -> r.dice().mean(), bootstrap), stat(records, ProbeRecord::pearson, bootstrap),
                        stat(records, ProbeRecord::topOverlap, bootstrap)));
            }
        }
    }

    /** The mean of the defined values and, from two cases on, its bootstrap interval (the mean of each resample). */
    static GroupStat stat(List<ProbeRecord> records, ToDoubleFunction<ProbeRecord> measure, BootstrapOptions bootstrap) {
        double[] values = records.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return new GroupStat(Double.NaN, 0, null);
        }
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        // The mean is the ratio Σ value / Σ 1, so the project bootstrap's ratio gives both it and its interval.
        var estimate = new CaseBootstrap(values.length, bootstrap).ratio(values, ones);
        ConfidenceInterval ci = values.length >= 2 ? estimate.ci() : null;
        return new GroupStat(estimate.value(), values.length, ci);
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? ProjectMetrics.NONE : s;
    }
}
