package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a benchmark set back (a folder or its zip): verifies every sha256 croissant.json lists, checks every row
 * against its schema, rebuilds a project with the real project store (reviewers as their pseudonyms, records in set
 * order so ids keep the set's order), recomputes the metrics and compares them with metrics.json.
 */
public final class SetImporter {
    /** The start time given to rebuilt model runs: the set keeps only their durations. */
    static final Instant RUN_EPOCH = Instant.EPOCH;

    private SetImporter() {
    }

    /**
     * @param set     the set folder or zip
     * @param project the folder for the rebuilt project (must not hold one); null for a temporary project that is
     *                removed once the metrics are compared
     */
    public static ImportResult importSet(Path set, Path project, ProgressListener progress, Cancellation cancel)
            throws IOException {
        Path target = project != null ? project : Files.createTempDirectory("attest-import");
        try (SetFolder folder = SetFolder.open(set)) {
            progress.progress(0, 4, "checking sha256 of every file");
            int verified = folder.verify();
            cancel.throwIfCancelled();
            progress.progress(1, 4, "rebuilding the project");
            Rebuilt rebuilt;
            try (ProjectStore store = Projects.create(target)) {
                rebuilt = rebuild(folder, store, cancel);
            }
            progress.progress(2, 4, "recomputing the metrics");
            JsonNode metricsDoc = SetJson.read(folder.inside(SetLayout.METRICS));
            MetricsOptions options = SetMetrics.options(metricsDoc);
            ObjectNode recomputed;
            try (ProjectStore store = Projects.openReadOnly(target)) {
                recomputed = SetMetrics.normalise(ProjectMetrics.compute(store, options), rebuiltIds(store),
                        Function.identity(), Function.identity());
            }
            List<String> differences = SetMetrics.differences(metricsDoc.path(SetMetrics.METRICS), recomputed, 20);
            progress.progress(4, 4, differences.isEmpty() ? "metrics reproduced" : "metrics differ");
            return new ImportResult(project, verified, rebuilt.cases, rebuilt.claims, rebuilt.scores, rebuilt.reviewers,
                    metricsDoc.path(SetMetrics.VERSION).asText(null), differences.isEmpty(), differences);
        } finally {
            if (project == null) {
                delete(target);
            }
        }
    }

    private record Rebuilt(int cases, int claims, int scores, int reviewers) {
    }

    /**
     * The set ids of the rebuilt project's records. The rebuild adds every table's rows in the set's order, so
     * numbering the new ids in order gives back the set's names; the reviewers, named after the set, prove it.
     */
    static ExportIds rebuiltIds(ProjectStore store) {
        ExportIds ids = ExportIds.of(ProjectSnapshot.read(store));
        for (Reviewer r : store.reviewers()) {
            if (!ids.reader(r.id()).equals(r.name())) {
                throw new IllegalStateException("the rebuilt project numbers reviewer " + r.name() + " as "
                        + ids.reader(r.id()) + "; its records are not in the set's order");
            }
        }
        return ids;
    }

    private static Rebuilt rebuild(SetFolder set, ProjectStore store, Cancellation cancel) throws IOException {
        Map<String, Long> readers = new HashMap<>();
        for (JsonNode r : set.rows(SetTables.REVIEWERS)) {
            String name = r.get("reviewer").asText();
            readers.put(name, store.addReviewer(name).id());
        }
        Function<JsonNode, Long> reader = n -> {
            Long id = readers.get(n.asText());
            if (id == null) {
                throw new IllegalArgumentException("reviewer " + n.asText() + " is not in reviewers.jsonl");
            }
            return id;
        };

        List<JsonNode> caseRows = set.rows(SetTables.CASES);
        Path images = store.folder().resolve("images");
        List<CaseDraft> drafts = new ArrayList<>();
        for (JsonNode c : caseRows) {
            String caseId = c.get("case_id").asText();
            String image = null;
            if (!c.get("image").isNull()) {
                // The set may be a temporary unpacked zip: the project keeps its own copy of each image.
                Files.createDirectories(images);
                Path copy = images.resolve(caseId + ".nii.gz");
                Files.copy(set.inside(c.get("image").asText()), copy);
                image = copy.toAbsolutePath().toString();
            }
            drafts.add(new CaseDraft(text(c, "study_ref") != null ? text(c, "study_ref") : caseId, text(c, "site"),
                    text(c, "scanner"), text(c, "modality"), image));
        }
        List<ReviewCase> cases = store.importCases(drafts);
        Map<String, Long> caseIds = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            caseIds.put(caseRows.get(i).get("case_id").asText(), cases.get(i).id());
        }
        cancel.throwIfCancelled();

        List<JsonNode> runRows = set.rows(SetTables.MODEL_RUNS);
        List<ModelRunDraft> runDrafts = new ArrayList<>();
        for (JsonNode r : runRows) {
            Instant end = r.get("duration_s").isNull() ? null
                    : RUN_EPOCH.plusMillis(Math.round(r.get("duration_s").doubleValue() * 1000));
            runDrafts.add(new ModelRunDraft(caseIds.get(r.get("case_id").asText()), r.get("model_id").asText(),
                    text(r, "model_version"), text(r, "weights_sha256"), json(r, "parameters"), text(r, "engine"),
                    text(r, "device"), RUN_EPOCH, end));
        }
        List<ModelRun> runs = store.recordModelRuns(runDrafts);
        Map<String, Long> runIds = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            runIds.put(runRows.get(i).get("run_id").asText(), runs.get(i).id());
        }

        List<JsonNode> claimRows = set.rows(SetTables.CLAIMS);
        List<ClaimDraft> claimDrafts = new ArrayList<>();
        for (JsonNode c : claimRows) {
            claimDrafts.add(new ClaimDraft(caseIds.get(c.get("case_id").asText()),
                    c.get("run_id").isNull() ? null : runIds.get(c.get("run_id").asText()),
                    ClaimKind.fromCode(c.get("kind").asText()), c.get("model_text").asText(),
                    c.get("label_value").isNull() ? null : c.get("label_value").intValue(),
                    c.get("value").isNull() ? null : c.get("value").doubleValue(), text(c, "unit")));
        }
        List<Claim> claims = store.addClaims(claimDrafts);
        Map<String, Long> claimIds = new HashMap<>();
        List<ClaimCheckDraft> checks = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            JsonNode c = claimRows.get(i);
            long id = claims.get(i).id();
            claimIds.put(c.get("claim_id").asText(), id);
            if (c.get("revisions").intValue() > 0) {
                // Only the newest revision is in the set; it becomes the rebuilt claim's one revision.
                store.reviseClaim(id, reader.apply(c.get("revised_by")), c.get("text").asText());
            }
            for (JsonNode k : c.get("checks")) {
                checks.add(new ClaimCheckDraft(id, k.get("kind").asText(), CheckOutcome.fromCode(k.get("outcome").asText()),
                        k.get("value").isNull() ? null : k.get("value").doubleValue(), text(k, "detail")));
            }
        }
        if (!checks.isEmpty()) {
            store.addChecks(checks);
        }
        cancel.throwIfCancelled();

        Map<String, ArtifactRef> artifacts = new HashMap<>();
        List<EvidenceDraft> evidence = new ArrayList<>();
        List<JsonNode> evidenceRows = set.rows(SetTables.EVIDENCE);
        for (JsonNode e : evidenceRows) {
            evidence.add(new EvidenceDraft(claimIds.get(e.get("claim_id").asText()),
                    EvidenceKind.fromCode(e.get("kind").asText()), artifact(set, store, e.get("file"), artifacts, false),
                    json(e, "geometry"), json(e, "method")));
        }
        List<Evidence> storedEvidence = store.addEvidence(evidence);
        Map<String, Long> evidenceIds = new HashMap<>();
        for (int i = 0; i < storedEvidence.size(); i++) {
            evidenceIds.put(evidenceRows.get(i).get("evidence_id").asText(), storedEvidence.get(i).id());
        }

        List<ScoreDraft> scores = new ArrayList<>();
        for (JsonNode s : set.rows(SetTables.SCORES)) {
            scores.add(new ScoreDraft(claimIds.get(s.get("claim_id").asText()), reader.apply(s.get("reviewer")),
                    Verdict.fromCode(s.get("verdict").asText()), EvidenceSupport.fromCode(s.get("evidence_support").asText()),
                    s.get("localisation").isNull() ? null : Localisation.fromCode(s.get("localisation").asText()),
                    s.get("error_type").isNull() ? null : ErrorType.fromCode(s.get("error_type").asText()),
                    s.get("significance").isNull() ? null : Significance.fromCode(s.get("significance").asText()),
                    text(s, "note")));
        }
        store.saveScores(scores);

        for (JsonNode m : set.rows(SetTables.MISSED_FINDINGS)) {
            store.addMissedFinding(caseIds.get(m.get("case_id").asText()), reader.apply(m.get("reviewer")),
                    m.get("text").asText(), json(m, "geometry"));
        }
        for (JsonNode k : set.rows(SetTables.CORRECTIONS)) {
            store.addCorrection(new CorrectionDraft(caseIds.get(k.get("case_id").asText()),
                    k.get("claim_id").isNull() ? null : claimIds.get(k.get("claim_id").asText()),
                    AnnotationKind.fromCode(k.get("kind").asText()), artifact(set, store, k.get("file"), artifacts, true),
                    json(k, "geometry"),
                    k.get("derived_from").isNull() ? null : evidenceIds.get(k.get("derived_from").asText()),
                    reader.apply(k.get("reviewer"))));
        }
        for (JsonNode a : set.rows(SetTables.ACCEPTABILITY)) {
            store.setAcceptability(caseIds.get(a.get("case_id").asText()), reader.apply(a.get("reviewer")),
                    Acceptability.fromCode(a.get("acceptability").asText()), text(a, "note"));
        }
        return new Rebuilt(cases.size(), claims.size(), scores.size(), readers.size());
    }

    /**
     * Imports a set file as a project artifact once, with its label names beside it when the set has them, and for
     * a corrected mask its provenance sidecar (which names the edited map by sha256, the same bytes here).
     */
    private static ArtifactRef artifact(SetFolder set, ProjectStore store, JsonNode file, Map<String, ArtifactRef> done,
                                        boolean correction) throws IOException {
        if (file == null || file.isNull()) {
            return null;
        }
        String rel = file.asText();
        ArtifactRef ref = done.get(rel);
        if (ref == null) {
            Path source = set.inside(rel);
            String name = source.getFileName().toString();
            Path names = LabelDescriptions.sidecarOf(source);
            if (Files.isRegularFile(names)) {
                store.importArtifact(names, LabelDescriptions.sidecarOf(Path.of(name)).toString());
            }
            Path provenance = CorrectedMask.sidecarOf(source);
            if (correction && !provenance.equals(source) && Files.isRegularFile(provenance)) {
                store.importArtifact(provenance, CorrectedMask.sidecarOf(Path.of(name)).toString());
            }
            ref = store.importArtifact(source, name);
            done.put(rel, ref);
        }
        return ref;
    }

    private static String text(JsonNode row, String key) {
        JsonNode v = row.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode row, String key) {
        JsonNode v = row.get(key);
        return v == null || v.isNull() ? null : SetJson.line(v);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary project left behind is harmless
        }
    }
}
