package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.metrics.groundtruth.ReviewerGroundTruth;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.store.ProjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The metrics of a project, computed from its store: claim-level metrics from each reviewer's current (latest,
 * non-superseded) score of each claim, the project's missed findings and which claims carry evidence; and
 * model evidence against reviewers' corrections ({@link ReviewerGroundTruth}). The result is a plain record tree that Jackson writes as JSON (the CLI's {@code attest metrics} and the
 * benchmark export's metrics.json).
 */
public final class ProjectMetrics {

    /** The value of an unset site, scanner or modality, and the model of claims without a model run. */
    public static final String NONE = Strata.NONE;

    private ProjectMetrics() {
    }

    /** Reads the project once and computes every table. */
    public static ProjectMetricsReport compute(ProjectStore store, MetricsOptions options) {
        Map<Long, ReviewCase> cases = new HashMap<>();
        store.cases().forEach(c -> cases.put(c.id(), c));
        Map<Long, String> models = new HashMap<>();
        for (ModelRun run : store.modelRuns()) {
            models.put(run.id(), run.modelId());
        }
        Map<Long, Claim> claims = new HashMap<>();
        store.claims().forEach(c -> claims.put(c.id(), c));
        Set<Long> evidenced = new HashSet<>(store.claimsWithEvidence());
        List<Judgement> judgements = new ArrayList<>();
        for (Score s : store.currentScores()) {
            Claim claim = claims.get(s.claimId());
            judgements.add(new Judgement(s, claim, cases.get(claim.caseId()), modelOf(claim, models),
                    evidenced.contains(claim.id())));
        }
        List<MissedFinding> missed = store.missedFindings();
        Map<Long, String> reviewers = new TreeMap<>();
        for (Reviewer r : store.reviewers()) {
            reviewers.put(r.id(), r.name());
        }

        ClaimMetricsCalculator calculator = new ClaimMetricsCalculator(options);
        ClaimMetrics overall = calculator.compute(judgements, missed);
        Map<String, Map<String, ClaimMetrics>> strata = new LinkedHashMap<>();
        for (String dimension : Strata.DIMENSIONS) {
            strata.put(dimension, dimension.equals("model")
                    ? byModel(judgements, missed, claims.values(), models, calculator)
                    : byCase(judgements, missed, cases, c -> Strata.ofCase(c, dimension), calculator));
        }
        return new ProjectMetricsReport(store.folder().toString(), options, reviewers, overall, strata,
                ReviewerGroundTruth.compute(store, options.groundTruth(), options.bootstrap()));
    }

    private static String modelOf(Claim claim, Map<Long, String> models) {
        return claim.runId() == null ? NONE : models.getOrDefault(claim.runId(), NONE);
    }

    /** Groups by a property of the case: every score and missed finding of a case goes to its case's group. */
    private static Map<String, ClaimMetrics> byCase(List<Judgement> judgements, List<MissedFinding> missed,
            Map<Long, ReviewCase> cases, Function<ReviewCase, String> key, ClaimMetricsCalculator calculator) {
        Map<String, List<Judgement>> scored = new TreeMap<>();
        Map<String, List<MissedFinding>> misses = new TreeMap<>();
        for (Judgement j : judgements) {
            scored.computeIfAbsent(key.apply(j.reviewCase()), k -> new ArrayList<>()).add(j);
        }
        for (MissedFinding m : missed) {
            String group = key.apply(cases.get(m.caseId()));
            misses.computeIfAbsent(group, k -> new ArrayList<>()).add(m);
            scored.computeIfAbsent(group, k -> new ArrayList<>());
        }
        Map<String, ClaimMetrics> out = new TreeMap<>();
        scored.forEach((group, list) -> out.put(group, calculator.compute(list, misses.getOrDefault(group, List.of()))));
        return out;
    }

    /**
     * Groups by model. A missed finding belongs to a case, not to a model, so it counts against every model
     * that made claims on that case: each of them missed it.
     */
    private static Map<String, ClaimMetrics> byModel(List<Judgement> judgements, List<MissedFinding> missed,
            Iterable<Claim> claims, Map<Long, String> models, ClaimMetricsCalculator calculator) {
        Map<String, List<Judgement>> scored = new TreeMap<>();
        for (Judgement j : judgements) {
            scored.computeIfAbsent(j.model(), k -> new ArrayList<>()).add(j);
        }
        Map<Long, Set<String>> modelsOfCase = new HashMap<>();
        for (Claim c : claims) {
            modelsOfCase.computeIfAbsent(c.caseId(), k -> new HashSet<>()).add(modelOf(c, models));
        }
        Map<String, List<MissedFinding>> misses = new TreeMap<>();
        for (MissedFinding m : missed) {
            for (String model : modelsOfCase.getOrDefault(m.caseId(), Set.of())) {
                misses.computeIfAbsent(model, k -> new ArrayList<>()).add(m);
                scored.computeIfAbsent(model, k -> new ArrayList<>());
            }
        }
        Map<String, ClaimMetrics> out = new TreeMap<>();
        scored.forEach((model, list) -> out.put(model, calculator.compute(list, misses.getOrDefault(model, List.of()))));
        return out;
    }
}
