package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Verdict;
import dev.attest.app.review.CaseRefs;
import dev.attest.dicom.deid.UidMap;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the JSONL tables of a set from a project snapshot: pseudonymous identifiers throughout, free text
 * redacted per case, recorded JSON cleaned, files referred to by their place in the set.
 */
final class SetTablesWriter {
    /** Verdicts, least favourable to the model first: the tie-break order of consensus.jsonl. */
    static final List<String> VERDICT_TIE_ORDER = List.of(Verdict.INCORRECT.code(), Verdict.PARTIALLY_CORRECT.code(),
            Verdict.CORRECT.code(), Verdict.UNGRADABLE.code());
    /** Evidence support, least favourable to the model first. */
    static final List<String> SUPPORT_TIE_ORDER = List.of(EvidenceSupport.CONTRADICTS.code(),
            EvidenceSupport.NONE_OR_OFF_TARGET.code(), EvidenceSupport.PARTIAL.code(), EvidenceSupport.SUPPORTS.code());

    /**
     * What the per-case stage left for the tables.
     *
     * @param image       the case's NIfTI in the set, or null
     * @param dicomFolder its de-identified DICOM series folder, or null
     * @param text        the case's free-text redactor
     */
    record CaseOutput(String image, String dicomFolder, TextRedactor text) {
    }

    private final ProjectSnapshot p;
    private final ExportIds ids;
    private final Map<Long, CaseOutput> perCase;
    private final Map<String, String> artifactFiles;
    private final Function<String, String> sites;
    private final Function<String, String> scanners;
    private final UidMap uids;
    private final JsonBlobCleaner blobs;
    private final SetFiles files;
    private final Map<Long, Claim> claims = new HashMap<>();

    SetTablesWriter(ProjectSnapshot p, ExportIds ids, Map<Long, CaseOutput> perCase, Map<String, String> artifactFiles,
                    Function<String, String> sites, Function<String, String> scanners, UidMap uids, SetFiles files) {
        this.p = p;
        this.ids = ids;
        this.perCase = perCase;
        this.artifactFiles = artifactFiles;
        this.sites = sites;
        this.scanners = scanners;
        this.uids = uids;
        this.blobs = new JsonBlobCleaner(uids);
        this.files = files;
        p.claims().forEach(c -> claims.put(c.id(), c));
    }

    private TextRedactor text(long caseId) {
        return perCase.get(caseId).text();
    }

    void writeAll() throws IOException {
        cases();
        runs();
        claimsAndConsensus();
        evidence();
        scores();
        missed();
        corrections();
        acceptability();
        reviewers();
    }

    private void cases() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.CASES, files)) {
            for (ReviewCase c : p.cases()) {
                CaseOutput out = perCase.get(c.id());
                String series = CaseRefs.seriesUid(c.studyRef());
                ObjectNode r = SetJson.object();
                r.put("case_id", ids.caseId(c.id()));
                r.put("study_ref", series == null ? null : CaseRefs.SERIES + uids.remap(series));
                r.put("site", sites.apply(c.site()));
                r.put("scanner", scanners.apply(c.scanner()));
                r.put("modality", c.modality() == null || c.modality().isBlank() ? null : c.modality());
                r.put("image", out.image());
                r.put("image_dicom", out.dicomFolder());
                w.write(r);
            }
        }
    }

    private void runs() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.MODEL_RUNS, files)) {
            for (ModelRun run : p.runs()) {
                String id = ids.runId(run.id());
                TextRedactor t = text(run.caseId());
                ObjectNode r = SetJson.object();
                r.put("run_id", id);
                r.put("case_id", ids.caseId(run.caseId()));
                // Kept as recorded: the metrics group by it, and it names a model, not a person.
                r.put("model_id", run.modelId());
                r.put("model_version", run.modelVersion());
                r.put("weights_sha256", run.weightsSha256());
                r.set("parameters", blobs.clean(run.parametersJson(), t, "model_runs", id, "parameters"));
                r.put("engine", run.engine());
                r.put("device", run.device());
                r.put("duration_s", run.ended() == null ? null
                        : Duration.between(run.started(), run.ended()).toMillis() / 1000.0);
                w.write(r);
            }
        }
    }

    private void claimsAndConsensus() throws IOException {
        Map<Long, List<Score>> scoresByClaim = new HashMap<>();
        p.scores().forEach(s -> scoresByClaim.computeIfAbsent(s.claimId(), k -> new ArrayList<>()).add(s));
        try (JsonlWriter w = new JsonlWriter(SetTables.CLAIMS, files);
             JsonlWriter cw = new JsonlWriter(SetTables.CONSENSUS, files)) {
            for (Claim c : p.claims()) {
                String id = ids.claimId(c.id());
                TextRedactor t = text(c.caseId());
                List<ClaimRevision> revisions = p.revisions().getOrDefault(c.id(), List.of());
                ClaimRevision newest = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
                ObjectNode r = SetJson.object();
                r.put("claim_id", id);
                r.put("case_id", ids.caseId(c.caseId()));
                r.put("run_id", ids.runId(c.runId()));
                r.put("kind", c.kind().code());
                r.put("text", t.clean(newest == null ? c.text() : newest.text(), "claims", id, "text"));
                r.put("model_text", t.clean(c.text(), "claims", id, "model_text"));
                r.put("text_version", newest == null ? 1 : newest.version());
                r.put("revisions", revisions.size());
                r.put("revised_by", newest == null ? null : ids.reader(newest.editorId()));
                r.put("label_value", c.labelValue());
                r.put("value", c.numericValue());
                r.put("unit", c.unit());
                ArrayNode checks = r.putArray("checks");
                for (ClaimCheck k : p.checks().getOrDefault(c.id(), List.of())) {
                    ObjectNode o = checks.addObject();
                    o.put("kind", k.kind());
                    o.put("outcome", k.outcome().code());
                    o.put("value", k.value());
                    o.put("detail", t.clean(k.detail(), "claims", id, "checks." + k.kind()));
                }
                w.write(r);
                cw.write(consensus(id, scoresByClaim.getOrDefault(c.id(), List.of())));
            }
        }
    }

    static ObjectNode consensus(String claimId, List<Score> scores) {
        Consensus v = Consensus.of(scores.stream().map(s -> s.verdict().code()).toList(), SetTables.VERDICTS,
                VERDICT_TIE_ORDER);
        Consensus s = Consensus.of(scores.stream().map(x -> x.support().code()).toList(), SetTables.SUPPORTS,
                SUPPORT_TIE_ORDER);
        ObjectNode r = SetJson.object();
        r.put("claim_id", claimId);
        r.put("reviewers", scores.size());
        r.put("verdict", v.answer());
        ObjectNode vv = r.putObject("verdict_votes");
        v.votes().forEach(vv::put);
        r.put("verdict_share", v.share());
        r.put("verdict_tie", v.tie());
        r.put("unanimous", v.unanimous());
        r.put("evidence_support", s.answer());
        ObjectNode sv = r.putObject("evidence_support_votes");
        s.votes().forEach(sv::put);
        r.put("evidence_support_share", s.share());
        r.put("evidence_support_tie", s.tie());
        return r;
    }

    private void evidence() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.EVIDENCE, files)) {
            for (Evidence e : p.allEvidence()) {
                String id = ids.evidenceId(e.id());
                TextRedactor t = text(claims.get(e.claimId()).caseId());
                ObjectNode r = SetJson.object();
                r.put("evidence_id", id);
                r.put("claim_id", ids.claimId(e.claimId()));
                r.put("kind", e.kind().code());
                r.put("file", e.artifact() == null ? null : artifactFile(e.artifact().relativePath()));
                r.set("geometry", blobs.clean(e.geometryJson(), t, "evidence", id, "geometry"));
                r.set("method", blobs.clean(e.methodJson(), t, "evidence", id, "method"));
                w.write(r);
            }
        }
    }

    private String artifactFile(String projectPath) {
        String f = artifactFiles.get(projectPath);
        if (f == null) {
            throw new IllegalStateException("artifact " + projectPath + " was not written into the set");
        }
        return f;
    }

    private void scores() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.SCORES, files)) {
            for (Score s : p.scores()) {
                String claim = ids.claimId(s.claimId());
                ObjectNode r = SetJson.object();
                r.put("claim_id", claim);
                r.put("reviewer", ids.reader(s.reviewerId()));
                r.put("verdict", s.verdict().code());
                r.put("evidence_support", s.support().code());
                r.put("localisation", s.localisation() == null ? null : s.localisation().code());
                r.put("error_type", s.errorType() == null ? null : s.errorType().code());
                r.put("significance", s.significance() == null ? null : s.significance().code());
                r.put("note", text(claims.get(s.claimId()).caseId()).clean(s.note(), "scores",
                        claim + "/" + ids.reader(s.reviewerId()), "note"));
                r.put("version", s.version());
                w.write(r);
            }
        }
    }

    private void missed() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.MISSED_FINDINGS, files)) {
            for (MissedFinding m : p.missed()) {
                String id = ids.missedId(m.id());
                TextRedactor t = text(m.caseId());
                ObjectNode r = SetJson.object();
                r.put("missed_id", id);
                r.put("case_id", ids.caseId(m.caseId()));
                r.put("reviewer", ids.reader(m.reviewerId()));
                r.put("text", t.clean(m.text(), "missed_findings", id, "text"));
                r.set("geometry", blobs.clean(m.geometryJson(), t, "missed_findings", id, "geometry"));
                w.write(r);
            }
        }
    }

    private void corrections() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.CORRECTIONS, files)) {
            for (CorrectedAnnotation c : p.corrections()) {
                String id = ids.correctionId(c.id());
                ObjectNode r = SetJson.object();
                r.put("correction_id", id);
                r.put("case_id", ids.caseId(c.caseId()));
                r.put("claim_id", ids.claimId(c.claimId()));
                r.put("kind", c.kind().code());
                r.put("file", c.artifact() == null ? null : artifactFile(c.artifact().relativePath()));
                r.set("geometry", blobs.clean(c.geometryJson(), text(c.caseId()), "corrections", id, "geometry"));
                r.put("derived_from", ids.evidenceId(c.derivedFromEvidenceId()));
                r.put("reviewer", ids.reader(c.editorId()));
                w.write(r);
            }
        }
    }

    private void acceptability() throws IOException {
        try (JsonlWriter w = new JsonlWriter(SetTables.ACCEPTABILITY, files)) {
            for (ReportAcceptability a : p.acceptability()) {
                String caseId = ids.caseId(a.caseId());
                ObjectNode r = SetJson.object();
                r.put("case_id", caseId);
                r.put("reviewer", ids.reader(a.reviewerId()));
                r.put("acceptability", a.acceptability().code());
                r.put("note", text(a.caseId()).clean(a.note(), "acceptability", caseId + "/" + ids.reader(a.reviewerId()),
                        "note"));
                w.write(r);
            }
        }
    }

    private void reviewers() throws IOException {
        Map<Long, Integer> scores = new LinkedHashMap<>();
        Map<Long, Integer> missed = new HashMap<>();
        p.scores().forEach(s -> scores.merge(s.reviewerId(), 1, Integer::sum));
        p.missed().forEach(m -> missed.merge(m.reviewerId(), 1, Integer::sum));
        try (JsonlWriter w = new JsonlWriter(SetTables.REVIEWERS, files)) {
            for (Reviewer rv : p.reviewers()) {
                ObjectNode r = SetJson.object();
                r.put("reviewer", ids.reader(rv.id()));
                r.put("scores", scores.getOrDefault(rv.id(), 0));
                r.put("missed_findings", missed.getOrDefault(rv.id(), 0));
                w.write(r);
            }
        }
    }
}
