package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * metrics.json: the project's metrics as {@code attest metrics} prints them, made fit for a set (the project folder
 * dropped, reviewers as reader numbers, sites and scanners under their set names, the ground-truth comparisons'
 * cases, claims, evidence and corrections under their set ids, with study references and skip details, which name
 * original UIDs and project files, left out), with the Attest version and bootstrap seed. The importer normalises its recomputed metrics the same way and compares trees, so
 * "reproduced" means every number is equal.
 */
public final class SetMetrics {
    /** What the project field holds in a set: the project folder is a workstation path. */
    static final String PROJECT = "benchmark set";
    static final String VERSION = "attest_version";
    static final String SEED = "bootstrap_seed";
    static final String METRICS = "metrics";

    private SetMetrics() {
    }

    /** The running Attest's version: the jar's implementation version, else "development". */
    public static String attestVersion() {
        String v = SetMetrics.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    /**
     * The report as a set shows it.
     *
     * @param ids     the set's names of the project's records (reader numbers: 1 for reader-1)
     * @param site    the set's name for each recorded site (identity when site identity is retained)
     * @param scanner the same for scanners
     */
    static ObjectNode normalise(ProjectMetricsReport report, ExportIds ids, Function<String, String> site,
                                Function<String, String> scanner) {
        Function<Long, Integer> readerNumber = ids::readerNumber;
        ObjectNode tree = (ObjectNode) SetJson.asStoredTree(report);
        tree.put("project", PROJECT);
        ObjectNode reviewers = SetJson.object();
        Map<Integer, String> byNumber = new TreeMap<>();
        for (Long id : report.reviewers().keySet()) {
            int n = readerNumber.apply(id);
            byNumber.put(n, ExportIds.label(SetTables.READER, n, 0));
        }
        byNumber.forEach((n, name) -> reviewers.put(Integer.toString(n), name));
        tree.set("reviewers", reviewers);
        renumberPairs(tree.get("overall"), readerNumber);
        ObjectNode strata = (ObjectNode) tree.get("strata");
        for (Iterator<Map.Entry<String, JsonNode>> it = strata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> dimension = it.next();
            for (JsonNode group : dimension.getValue()) {
                renumberPairs(group, readerNumber);
            }
        }
        strata.set("site", rename((ObjectNode) strata.get("site"), site));
        strata.set("scanner", rename((ObjectNode) strata.get("scanner"), scanner));
        if (tree.get("groundTruth") instanceof ObjectNode truth) {
            groundTruth(truth, ids, site, scanner);
        }
        return tree;
    }

    /** The ground-truth comparisons under set ids; their strata renamed like the claims'. */
    private static void groundTruth(ObjectNode truth, ExportIds ids, Function<String, String> site,
                                    Function<String, String> scanner) {
        for (String list : List.of("masks", "boxes", "heatmaps")) {
            for (JsonNode row : truth.path(list)) {
                ObjectNode pair = (ObjectNode) row.get("pair");
                renameIds(pair, ids);
                pair.put("editorId", ids.readerNumber(pair.get("editorId").longValue()));
                pair.put("evidenceId", ids.evidenceId(pair.get("evidenceId").longValue()));
                pair.put("claimId", ids.claimId(pair.get("claimId").longValue()));
            }
        }
        for (JsonNode row : truth.path("skipped")) {
            ObjectNode skip = (ObjectNode) row;
            renameIds(skip, ids);
            JsonNode evidence = skip.get("evidenceId");
            if (evidence != null && !evidence.isNull()) {
                skip.put("evidenceId", ids.evidenceId(evidence.longValue()));
            }
            // The detail names project records and files; the reason code and the ids say what was skipped.
            skip.remove("detail");
        }
        if (truth.get("strata") instanceof ObjectNode strata) {
            strata.set("site", rename((ObjectNode) strata.get("site"), site));
            strata.set("scanner", rename((ObjectNode) strata.get("scanner"), scanner));
        }
    }

    /** Case and correction ids to set ids; the study reference (an original UID or a path) dropped. */
    private static void renameIds(ObjectNode row, ExportIds ids) {
        row.put("caseId", ids.caseId(row.get("caseId").longValue()));
        row.put("correctionId", ids.correctionId(row.get("correctionId").longValue()));
        row.remove("study");
    }

    private static void renumberPairs(JsonNode claimMetrics, Function<Long, Integer> readerNumber) {
        JsonNode cohen = claimMetrics.path("agreement").path("cohen");
        for (JsonNode pair : cohen) {
            ObjectNode p = (ObjectNode) pair;
            p.put("reviewerA", readerNumber.apply(p.get("reviewerA").longValue()));
            p.put("reviewerB", readerNumber.apply(p.get("reviewerB").longValue()));
        }
    }

    private static ObjectNode rename(ObjectNode groups, Function<String, String> name) {
        TreeMap<String, JsonNode> renamed = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            String key = name.apply(g.getKey());
            if (renamed.put(key, g.getValue()) != null) {
                throw new IllegalStateException("two groups are both called " + key + " in the set");
            }
        }
        ObjectNode out = SetJson.object();
        renamed.forEach(out::set);
        return out;
    }

    /** The metrics.json document. */
    static ObjectNode document(ObjectNode normalised, MetricsOptions options) {
        ObjectNode doc = SetJson.object();
        doc.put(VERSION, attestVersion());
        doc.put(SEED, options.bootstrap().seed());
        doc.put("note", "claim-level metrics as `attest metrics` prints them, from each reviewer's current score; reviewer"
                + " ids are reader numbers (1 is reader-1 in scores.jsonl); sites and scanners are named as in cases.jsonl;"
                + " definitions in Attest's docs/metrics.md");
        doc.set(METRICS, normalised);
        return doc;
    }

    /** The options a set's metrics were computed with, read back from metrics.json. */
    static MetricsOptions options(JsonNode metricsDocument) {
        JsonNode o = metricsDocument.path(METRICS).path("options");
        JsonNode b = o.path("bootstrap");
        if (!b.has("resamples") || !b.has("level") || !b.has("seed")) {
            throw new IllegalArgumentException("metrics.json has no metrics.options.bootstrap {resamples, level, seed}");
        }
        return new MetricsOptions(new BootstrapOptions(b.get("resamples").intValue(), b.get("level").doubleValue(),
                b.get("seed").longValue()), o.path("partialCountsAsCorrect").booleanValue());
    }

    /** Paths where two trees differ, at most limit of them; empty when they are equal. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> out = new ArrayList<>();
        diff(expected, actual, "$", out, limit);
        return out;
    }

    private static void diff(JsonNode a, JsonNode b, String path, List<String> out, int limit) {
        if (out.size() >= limit || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeMap<String, Boolean> keys = new TreeMap<>();
            a.fieldNames().forEachRemaining(k -> keys.put(k, true));
            b.fieldNames().forEachRemaining(k -> keys.put(k, true));
            for (String k : keys.keySet()) {
                if (!a.has(k) || !b.has(k)) {
                    out.add(path + "." + k + (a.has(k) ? " only in the set" : " only in the recomputed metrics"));
                } else {
                    diff(a.get(k), b.get(k), path + "." + k, out, limit);
                }
                if (out.size() >= limit) {
                    return;
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            ArrayNode x = (ArrayNode) a;
            for (int i = 0; i < x.size(); i++) {
                diff(x.get(i), b.get(i), path + "[" + i + "]", out, limit);
            }
        } else {
            out.add(path + ": " + a + " in the set, " + b + " recomputed");
        }
    }
}
