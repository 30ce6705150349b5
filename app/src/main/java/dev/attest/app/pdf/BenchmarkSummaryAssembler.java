package dev.attest.app.pdf;

import dev.attest.annotation.metrics.project.ClaimMetrics;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.reports.checks.CheckKind;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a whole project into what the benchmark summary PDF prints: totals; cases, claims and scores per model
 * and per site; each model's verdict counts (from the project's metrics); the failure rates of the automatic
 * checks by model and by site (each claim's newest result of each kind); the metric table with intervals; and
 * model evidence against reviewers' corrections by model and by site.
 *
 * <p>Groups follow {@link ProjectMetrics}: a model is its model id (claims without a run are "(none)"), a site
 * is the case's site ("(none)" when unset). A failure rate counts only checks that reached pass or fail: an
 * unknown outcome (e.g. the laterality of a claim that names no side) is not a check that ran on anything.
 */
public final class BenchmarkSummaryAssembler {

    private BenchmarkSummaryAssembler() {
    }

    /**
     * @param metrics the project's metrics, from {@link ProjectMetrics#compute}
     * @throws IllegalArgumentException if the metrics' intervals are not 95 % ones, which the PDF's columns name
     */
    public static BenchmarkSummaryData assemble(ProjectStore store, ProjectMetricsReport metrics, Instant generatedAt) {
        double level = metrics.options().bootstrap().level();
        if (Math.abs(level - 0.95) > 1e-9) {
            throw new IllegalArgumentException("the benchmark summary prints 95% intervals, but the metrics were"
                    + " computed at " + level);
        }
        Map<Long, ReviewCase> cases = new LinkedHashMap<>();
        store.cases().forEach(c -> cases.put(c.id(), c));
        Map<Long, String> runModel = new HashMap<>();
        for (ModelRun r : store.modelRuns()) {
            runModel.put(r.id(), r.modelId());
        }
        List<Claim> claims = store.claims();
        Map<Long, Integer> scoresPerClaim = new HashMap<>();
        Set<Long> scoringReviewers = new HashSet<>();
        for (Score s : store.currentScores()) {
            scoresPerClaim.merge(s.claimId(), 1, Integer::sum);
            scoringReviewers.add(s.reviewerId());
        }
        Map<Long, List<ClaimCheck>> checks = new HashMap<>();
        for (Claim c : claims) {
            checks.put(c.id(), store.checks(c.id()));
        }

        Function<Claim, String> modelOf = c -> c.runId() == null ? ProjectMetrics.NONE
                : runModel.getOrDefault(c.runId(), ProjectMetrics.NONE);
        Function<Claim, String> siteOf = c -> orNone(cases.get(c.caseId()).site());
        int totalScores = scoresPerClaim.values().stream().mapToInt(Integer::intValue).sum();
        BenchmarkSummaryData.Counts counts = new BenchmarkSummaryData.Counts(cases.size(), claims.size(), totalScores,
                scoringReviewers.size());

        // A site with cases but no claims is still a site of the project.
        Map<String, Group> sites = new TreeMap<>();
        cases.values().forEach(c -> sites.computeIfAbsent(orNone(c.site()), k -> new Group()).cases.add(c.id()));
        Map<String, Group> models = new TreeMap<>();
        for (Claim c : claims) {
            for (Group g : List.of(models.computeIfAbsent(modelOf.apply(c), k -> new Group()),
                    sites.computeIfAbsent(siteOf.apply(c), k -> new Group()))) {
                g.add(c, scoresPerClaim.getOrDefault(c.id(), 0), checks.get(c.id()));
            }
        }
        return new BenchmarkSummaryData(store.folder().getFileName().toString(), generatedAt, AttestVersion.current(),
                counts, summaries(models), summaries(sites), verdicts(metrics), failures(models), failures(sites),
                MetricRows.of(metrics), EvidenceAgreementRows.of(metrics, cases));
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? ProjectMetrics.NONE : value;
    }

    /** Verdict counts per model in the protocol's order, zeros kept so every model has the same bars. */
    private static List<BenchmarkSummaryData.VerdictDistribution> verdicts(ProjectMetricsReport metrics) {
        List<BenchmarkSummaryData.VerdictDistribution> out = new ArrayList<>();
        metrics.strata().getOrDefault("model", Map.of()).forEach((model, m) -> out.add(distribution(model, m)));
        return out;
    }

    private static BenchmarkSummaryData.VerdictDistribution distribution(String model, ClaimMetrics m) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(ReportWords.of(v), m.verdicts().getOrDefault(v.code(), 0L).intValue());
        }
        return new BenchmarkSummaryData.VerdictDistribution(model, counts);
    }

    private static List<BenchmarkSummaryData.GroupSummary> summaries(Map<String, Group> groups) {
        List<BenchmarkSummaryData.GroupSummary> out = new ArrayList<>();
        groups.forEach((name, g) -> out.add(new BenchmarkSummaryData.GroupSummary(name, g.cases.size(), g.claims, g.scores)));
        return out;
    }

    /** Groups that ran no decided check are left out: a chart of 0/0 bars says nothing. */
    private static List<BenchmarkSummaryData.FailureRates> failures(Map<String, Group> groups) {
        List<BenchmarkSummaryData.FailureRates> out = new ArrayList<>();
        groups.forEach((name, g) -> {
            if (g.checked.values().stream().anyMatch(t -> t[1] > 0)) {
                Map<String, BenchmarkSummaryData.FailRate> byKind = new LinkedHashMap<>();
                g.checked.forEach((kind, t) -> byKind.put(kind, new BenchmarkSummaryData.FailRate(t[0], t[1])));
                out.add(new BenchmarkSummaryData.FailureRates(name, byKind));
            }
        });
        return out;
    }

    /** What one model or one site accounts for. */
    private static final class Group {
        final Set<Long> cases = new HashSet<>();
        int claims;
        int scores;
        /** Failed and decided checks by kind, in the checks' own order (existence, laterality, location, size). */
        final Map<String, int[]> checked = new TreeMap<>(BenchmarkSummaryAssembler::kindOrder);

        void add(Claim c, int scoreCount, List<ClaimCheck> claimChecks) {
            cases.add(c.caseId());
            claims++;
            scores += scoreCount;
            for (ClaimCheck k : claimChecks) {
                int[] t = checked.computeIfAbsent(k.kind(), x -> new int[2]);
                if (k.outcome() != CheckOutcome.UNKNOWN) {
                    t[1]++;
                    if (k.outcome() == CheckOutcome.FAIL) {
                        t[0]++;
                    }
                }
            }
        }
    }

    /** Known kinds in {@link CheckKind} order, then any other kind alphabetically. */
    private static int kindOrder(String a, String b) {
        int ia = known(a);
        int ib = known(b);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    private static int known(String kind) {
        for (CheckKind k : CheckKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(kind)) {
                return k.ordinal();
            }
        }
        return CheckKind.values().length;
    }
}
