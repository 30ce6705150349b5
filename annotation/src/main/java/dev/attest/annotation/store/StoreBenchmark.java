package dev.attest.annotation.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistPage;
import dev.attest.annotation.model.WorklistQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Generates a project of 10,000 cases, 100,000 claims and 300,000 scores with the store's own batch API, then
 * prints as JSON the generation time and medians of opening it, building filtered worklists and saving one
 * score. Arguments: [folder] (default: a temporary folder, deleted afterwards) [--keep].
 */
public final class StoreBenchmark {
    static final int CASES = 10_000;
    static final int CLAIMS_PER_CASE = 10;
    static final int SITES = 10;
    static final String[] MODELS = {"organs-v2", "nodules-v1", "report-gen", "grounding"};
    static final int RUNS = 7;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        boolean keep = Arrays.asList(args).contains("--keep");
        List<String> paths = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        Path folder = paths.isEmpty() ? Files.createTempDirectory("attest-store-bench").resolve("project")
                : Path.of(paths.get(0));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", CASES);
        out.put("claims", CASES * CLAIMS_PER_CASE);
        try {
            out.put("generation", generate(folder));
            out.put("database_mb", Math.round(Files.size(folder.resolve(Projects.DATABASE)) / 1e5) / 10.0);
            out.put("open_ms", median(RUNS, () -> {
                long t = System.nanoTime();
                Projects.open(folder).close();
                return ms(t);
            }));
            try (ProjectStore store = Projects.open(folder)) {
                long me = store.reviewers().get(3).id();
                long other = store.reviewers().get(0).id();
                Map<String, Object> worklists = new LinkedHashMap<>();
                WorklistQuery unscoredAtSite = WorklistQuery.all(me).unscored().atSite("site-03").page(0, 50);
                worklists.put("unscored_by_me_at_one_site", worklist(store, unscoredAtSite));
                worklists.put("unscored_by_me_at_one_site_blinded", worklist(store, unscoredAtSite.blind()));
                worklists.put("unscored_by_me_at_one_site_random", worklist(store, unscoredAtSite.shuffled(7)));
                worklists.put("unscored_by_me_all_sites_page_100", worklist(store,
                        WorklistQuery.all(me).unscored().page(100 * 50, 50)));
                worklists.put("assigned_to_me_unscored", worklist(store, WorklistQuery.all(me).mine().unscored()));
                worklists.put("disagreements", worklist(store, WorklistQuery.all(me).disagreeing()));
                worklists.put("by_model_at_one_site", worklist(store,
                        WorklistQuery.all(me).model(MODELS[2]).atSite("site-05")));
                out.put("worklist", worklists);
                out.put("progress_overall_ms", median(RUNS, () -> {
                    long t = System.nanoTime();
                    store.progress(me);
                    return ms(t);
                }));
                out.put("save_score", saveLatency(store, other));
            }
        } finally {
            if (!keep) {
                deleteTree(folder.getParent() != null && paths.isEmpty() ? folder.getParent() : folder);
            }
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }

    private static Map<String, Object> generate(Path folder) {
        Map<String, Object> g = new LinkedHashMap<>();
        long start = System.nanoTime();
        Random random = new Random(1);
        try (ProjectStore store = Projects.create(folder)) {
            List<Reviewer> reviewers = List.of(store.addReviewer("reader-1"), store.addReviewer("reader-2"),
                    store.addReviewer("reader-3"), store.addReviewer("me"));
            long t = System.nanoTime();
            List<CaseDraft> caseDrafts = new ArrayList<>();
            String[] scanners = {"Siemens Force", "GE Revolution", "Philips IQon"};
            for (int i = 0; i < CASES; i++) {
                caseDrafts.add(new CaseDraft("1.2.826.0.1.3680043.10." + i, String.format("site-%02d", i % SITES),
                        scanners[i % scanners.length], i % 5 == 0 ? "MR" : "CT"));
            }
            List<ReviewCase> cases = store.importCases(caseDrafts);
            g.put("cases_ms", ms(t));
            t = System.nanoTime();
            List<ModelRunDraft> runDrafts = new ArrayList<>();
            Instant when = Instant.parse("2026-01-01T00:00:00Z");
            for (ReviewCase c : cases) {
                runDrafts.add(new ModelRunDraft(c.id(), MODELS[(int) (c.id() % MODELS.length)], "1.0",
                        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "{\"overlap\":0.5}", "PyTorch",
                        "cpu", when, when.plusSeconds(4)));
            }
            List<ModelRun> runs = store.recordModelRuns(runDrafts);
            g.put("model_runs_ms", ms(t));
            t = System.nanoTime();
            List<Claim> claims = new ArrayList<>();
            List<ClaimDraft> batch = new ArrayList<>();
            for (ModelRun run : runs) {
                for (int k = 0; k < CLAIMS_PER_CASE; k++) {
                    batch.add(new ClaimDraft(run.caseId(), run.id(), ClaimKind.values()[k % 3], "claim " + k + " of case "
                            + run.caseId(), k + 1, 100.0 + k, "mL"));
                }
                if (batch.size() >= 10_000) {
                    claims.addAll(store.addClaims(batch));
                    batch.clear();
                }
            }
            claims.addAll(store.addClaims(batch));
            g.put("claims_ms", ms(t));
            t = System.nanoTime();
            List<ScoreDraft> scores = new ArrayList<>();
            // reader-1 and reader-2 score every claim, reader-3 70 %, "me" 30 %: 300,000 scores.
            double[] share = {1.0, 1.0, 0.7, 0.3};
            for (int r = 0; r < reviewers.size(); r++) {
                long who = reviewers.get(r).id();
                int count = (int) Math.round(claims.size() * share[r]);
                for (int i = 0; i < count; i++) {
                    Verdict v = random.nextInt(10) < 8 ? Verdict.CORRECT : Verdict.values()[1 + random.nextInt(3)];
                    scores.add(new ScoreDraft(claims.get(i).id(), who, v, EvidenceSupport.values()[random.nextInt(4)], null,
                            v == Verdict.CORRECT ? null : ErrorType.values()[random.nextInt(7)],
                            Significance.values()[random.nextInt(2)], null));
                    if (scores.size() >= 10_000) {
                        store.saveScores(scores);
                        scores.clear();
                    }
                }
            }
            store.saveScores(scores);
            g.put("scores_ms", ms(t));
            for (int i = 0; i < CASES; i += 20) {
                store.assign(cases.get(i).id(), reviewers.get(3).id());
            }
        }
        g.put("total_ms", ms(start));
        g.put("scores", 300_000);
        return g;
    }

    private static Map<String, Object> worklist(ProjectStore store, WorklistQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        WorklistPage[] last = new WorklistPage[1];
        m.put("median_ms", median(RUNS, () -> {
            long t = System.nanoTime();
            last[0] = store.worklist(q);
            return ms(t);
        }));
        m.put("total", last[0].total());
        m.put("page_items", last[0].items().size());
        return m;
    }

    private static Map<String, Object> saveLatency(ProjectStore store, long reviewer) {
        long claimCount = store.progress(reviewer).total();
        Random random = new Random(2);
        double[] times = new double[200];
        for (int i = 0; i < times.length; i++) {
            long claim = 1 + random.nextInt((int) claimCount);
            long t = System.nanoTime();
            store.saveScore(new ScoreDraft(claim, reviewer, Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, null,
                    ErrorType.NEGATION_ERROR, Significance.SIGNIFICANT, "benchmark"));
            times[i] = ms(t);
        }
        Arrays.sort(times);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("saves", times.length);
        m.put("median_ms", round(times[times.length / 2]));
        m.put("p95_ms", round(times[(int) Math.ceil(times.length * 0.95) - 1]));
        m.put("note", "synchronous=FULL: each save waits for an fsync of the WAL");
        return m;
    }

    private static double median(int runs, Supplier<Double> once) {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            t[i] = once.get();
        }
        Arrays.sort(t);
        return round(t[runs / 2]);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
