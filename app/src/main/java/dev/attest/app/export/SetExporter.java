package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.deid.DeidBatch;
import dev.attest.dicom.deid.DeidOption;
import dev.attest.dicom.deid.DeidReport;
import dev.attest.dicom.deid.Deidentifier;
import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.deid.UidMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Exports a project as a benchmark set (SCORING.md, "The benchmark set"; docs/export.md): per case the image and
 * label maps as NIfTI (and de-identified DICOM when asked), then the JSONL tables and their schemas, metrics.json,
 * deid.json, README.md and croissant.json, and optionally a zip. Headless; the caller supplies progress and
 * cancellation (the GUI runs it on a background task).
 *
 * <pre>{@code
 * ExportSummary s = SetExporter.export(store, out, ExportOptions.DEFAULT.withZip(true), progress, cancellation);
 * }</pre>
 */
public final class SetExporter {
    private SetExporter() {
    }

    /**
     * Writes the set into out, which must be missing or empty (and OUT.zip must not exist when zipping). On any
     * failure or cancel, what was written is removed again.
     *
     * @throws ExportTargetNotEmptyException if out holds files, or the zip exists
     * @throws dev.attest.core.progress.CancelledException when cancelled
     */
    public static ExportSummary export(ProjectStore store, Path out, ExportOptions options, ProgressListener progress,
                                       Cancellation cancel) throws IOException {
        Path zip = options.zip() ? zipOf(out) : null;
        boolean created = prepare(out, zip);
        try {
            return write(store, out, zip, options, progress, cancel);
        } catch (IOException | RuntimeException | Error e) {
            removeWritten(out, created);
            if (zip != null) {
                Files.deleteIfExists(zip);
            }
            throw e;
        }
    }

    /** The zip an export of out writes: OUT.zip beside the folder. */
    public static Path zipOf(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + ".zip");
    }

    private static ExportSummary write(ProjectStore store, Path out, Path zip, ExportOptions options,
                                       ProgressListener progress, Cancellation cancel) throws IOException {
        ProjectSnapshot p = ProjectSnapshot.read(store);
        ExportIds ids = ExportIds.of(p);
        int steps = p.cases().size() + 5;
        int step = 0;
        SetFiles files = new SetFiles(out);
        List<String> warnings = new ArrayList<>();
        RedactionLog redactions = new RedactionLog();
        ProjectSecret secret = ProjectKeys.secret(store.folder());
        UidMap uids = ProjectKeys.uidMap(store.folder(), secret);
        Deidentifier deid = new Deidentifier(options.deid(), uids);
        DeidReport deidReport = new DeidReport(options.deid(), false);
        List<String> reviewerNames = p.reviewers().stream().map(Reviewer::name).toList();
        Map<String, String> artifactFiles = new HashMap<>();
        Map<Long, SetTablesWriter.CaseOutput> perCase = new LinkedHashMap<>();
        Map<Long, List<Claim>> claimsByCase = p.claimsByCase();
        long dicomWritten = 0;
        long dicomNotWritten = 0;
        int withoutImage = 0;
        SetObjects objects = new SetObjects();
        JsonBlobCleaner blobs = new JsonBlobCleaner(uids);

        for (ReviewCase c : p.cases()) {
            cancel.throwIfCancelled();
            String caseId = ids.caseId(c.id());
            progress.progress(step++, steps, "exporting " + caseId);
            CaseImages.Read image = CaseImages.image(c, caseId, files, ProgressListener.NONE, cancel);
            if (image.problem() != null) {
                warnings.add(image.problem());
                withoutImage++;
            }
            String dicomFolder = null;
            if (options.dicom()) {
                DicomImages.Written d = DicomImages.write(image.opened(), caseId, deid, secret, deidReport, files);
                dicomFolder = d.folder();
                if (d.outcome() != null) {
                    dicomWritten += d.outcome().count(DeidBatch.Status.WRITTEN);
                    for (DeidBatch.Outcome o : d.outcome().outcomes()) {
                        if (o.status() != DeidBatch.Status.WRITTEN) {
                            dicomNotWritten++;
                            warnings.add(caseId + ": " + o.source() + " " + o.status().name().toLowerCase(Locale.ROOT)
                                    + ": " + o.message());
                        }
                    }
                }
            }
            TextRedactor text = TextRedactor.forCase(image.header(), reviewerNames, options.keepsSites(), redactions);
            writeArtifacts(store, p, claimsByCase.getOrDefault(c.id(), List.of()), c, caseId, files, artifactFiles,
                    ids, text, blobs);
            perCase.put(c.id(), new SetTablesWriter.CaseOutput(image.file(), dicomFolder, text));
            objects.writeCase(new CaseExportContext(store, c, caseId, image.opened(), image.file(), ids, uids, deid,
                    text, artifactFiles, out.resolve(SetLayout.LABELS), out.resolve(SetLayout.SR), files), warnings);
        }

        objects.finish(files, options.name());

        cancel.throwIfCancelled();
        progress.progress(step++, steps, "writing the tables");
        GroupNames sites = GroupNames.of(p.cases().stream().map(ReviewCase::site).toList(), options.keepsSites(), "site");
        GroupNames scanners = GroupNames.of(p.cases().stream().map(ReviewCase::scanner).toList(), options.keepsScanners(),
                "scanner");
        new SetTablesWriter(p, ids, perCase, artifactFiles, sites, scanners, uids, files).writeAll();
        for (TableSpec t : SetTables.ALL) {
            SetJson.writeDocument(files.resolve(t.schemaFile()), t.schema());
            files.register(t.schemaFile(), "JSON Schema (draft 2020-12) of every row of " + t.file());
        }

        cancel.throwIfCancelled();
        progress.progress(step++, steps, "computing the metrics");
        ProjectMetricsReport report = ProjectMetrics.compute(store, options.metrics());
        ObjectNode metrics = SetMetrics.normalise(report, ids, sites, scanners);
        SetJson.writeDocument(files.resolve(SetLayout.METRICS), SetMetrics.document(metrics, options.metrics()));
        files.register(SetLayout.METRICS, "claim-level metrics with bootstrap intervals and reviewer agreement, the"
                + " model's masks, boxes and heat maps against reviewers' corrections, overall and by site, scanner,"
                + " modality and model; Attest version and bootstrap seed");

        progress.progress(step++, steps, "writing deid.json and the datasheet");
        SetJson.writeDocument(files.resolve(SetLayout.DEID), deidDocument(deidReport, options, redactions));
        files.register(SetLayout.DEID, "what de-identification did: profile, options, per-attribute actions, counts,"
                + " free-text redactions (never the UID map or key)");
        ProjectKeys.saveUidMap(store.folder(), uids);
        SetFacts facts = facts(p, ids, perCase, sites, scanners, options, redactions, dicomWritten, dicomNotWritten,
                objects);
        DatasheetWriter.write(files.resolve(SetLayout.README), facts);
        files.register(SetLayout.README, "datasheet in plain words");
        CroissantWriter.write(files.resolve(SetLayout.CROISSANT), facts, files.entries());

        cancel.throwIfCancelled();
        progress.progress(step++, steps, options.zip() ? "writing the zip" : "done");
        if (zip != null) {
            List<String> all = new ArrayList<>(files.entries().stream().map(SetFiles.Entry::path).toList());
            all.add(SetLayout.CROISSANT);
            SetZip.write(out, all, zip);
        }
        progress.progress(steps, steps, "exported " + p.cases().size() + " cases");
        long bytes = files.entries().stream().mapToLong(SetFiles.Entry::bytes).sum();
        return new ExportSummary(out, zip, p.cases().size(), withoutImage, p.claims().size(), p.scores().size(),
                p.reviewers().size(), files.entries().size(), bytes, redactions.textsScanned(),
                redactions.redactions().size(), dicomWritten, dicomNotWritten, warnings);
    }

    /**
     * Writes the case's label maps, heat maps and corrected masks into the set, each once however many pieces of
     * evidence share it, and records where each went; a corrected mask's provenance sidecar goes beside it.
     */
    private static void writeArtifacts(ProjectStore store, ProjectSnapshot p, List<Claim> claims, ReviewCase c,
                                       String caseId, SetFiles files, Map<String, String> artifactFiles, ExportIds ids,
                                       TextRedactor text, JsonBlobCleaner blobs) throws IOException {
        Map<String, String> setFileOfSha = new HashMap<>();
        int masks = 0;
        int maps = 0;
        int corrected = 0;
        for (Claim claim : claims) {
            for (Evidence e : p.evidence().getOrDefault(claim.id(), List.of())) {
                if (e.artifact() == null || artifactFiles.containsKey(e.artifact().relativePath())) {
                    continue;
                }
                boolean heat = e.kind() == EvidenceKind.HEATMAP;
                String rel = heat ? SetLayout.MAPS + "/" + caseId + "-map-" + (++maps) + ".nii.gz"
                        : SetLayout.LABELS + "/" + caseId + "-labels-" + (++masks) + ".nii.gz";
                CaseImages.artifact(store.resolveArtifact(e.artifact()), rel, caseId, files, heat
                        ? "heat map shown as evidence for claims of " + caseId
                        : "label map shown as evidence for claims of " + caseId);
                artifactFiles.put(e.artifact().relativePath(), rel);
                setFileOfSha.put(e.artifact().sha256(), rel);
            }
        }
        for (CorrectedAnnotation k : p.corrections()) {
            if (k.caseId() != c.id() || k.artifact() == null || artifactFiles.containsKey(k.artifact().relativePath())) {
                continue;
            }
            String rel = SetLayout.LABELS + "/" + caseId + "-correction-" + (++corrected) + ".nii.gz";
            Path mask = store.resolveArtifact(k.artifact());
            CaseImages.artifact(mask, rel, caseId, files, "a reviewer's corrected mask for " + caseId);
            artifactFiles.put(k.artifact().relativePath(), rel);
            CorrectionSidecars.write(mask, k.artifact().sha256(), rel, ids.reader(k.editorId()), setFileOfSha, files,
                    blobs, text, ids.correctionId(k.id()));
        }
    }

    static ObjectNode deidDocument(DeidReport dicom, ExportOptions options, RedactionLog log) {
        ObjectNode d = SetJson.object();
        d.set("dicom", SetJson.MAPPER.valueToTree(dicom.toTree()));
        ObjectNode set = d.putObject("set");
        set.put("dicomExported", options.dicom());
        set.put("identifiers", "cases, model runs, claims, evidence, missed findings and corrections are numbered"
                + " case-0001, run-0001, ... in the project's order; reviewers are reader-1, reader-2, ...; no name of"
                + " a patient or reviewer is exported");
        set.put("studyRefs", "series:<UID> with the Series Instance UID replaced through the same UID map as the DICOM"
                + " (2.25.<HMAC-SHA256 under the project key>); references to files are dropped");
        set.put("site", options.keepsSites() ? "kept as recorded (Retain Institution Identity: stratification by site)"
                : "replaced by site-1, site-2, ...");
        set.put("scanner", options.keepsScanners() ? "kept as recorded (Retain Device Identity: stratification by scanner)"
                : "replaced by scanner-1, scanner-2, ...");
        set.put("times", "the times of model runs, scores and edits are not exported; run durations are");
        set.put("metrics", "metrics.json names cases, claims, evidence and corrections by their set ids and reviewers by"
                + " reader number; the ground-truth comparisons' study references and skip details are left out");
        set.put("objects", "DICOM SEG and SR carry the case pseudonym as Patient's Name and ID, observers as reader-N,"
                + " UIDs from the same map as the images (new ones derived from names under the project key), no"
                + " date of the source study; COCO and RadFact name records by set id");
        set.put("images", "NIfTI re-written by Attest from voxels and geometry only; the header description holds the"
                + " case pseudonym and no extension is written");
        set.put("recordedJson", "in run parameters and evidence geometry/method: UIDs replaced through the UID map,"
                + " absolute paths cut to file names, other strings checked like free text");
        ObjectNode text = set.putObject("freeText");
        text.put("method", "dicom.deid FreeTextScrubber: the case's own header identifiers, every reviewer's name,"
                + " and identifier-shaped text (dates, phone numbers, e-mail addresses, UIDs, long numbers, titled"
                + " names), each replaced by a placeholder");
        text.put("scanned", log.textsScanned());
        text.put("redacted", log.redactions().size());
        ObjectNode kinds = text.putObject("byKind");
        log.byKind().forEach(kinds::put);
        ArrayNode where = text.putArray("redactions");
        for (Redaction r : log.redactions()) {
            ObjectNode o = where.addObject();
            o.put("table", r.table());
            o.put("row", r.row());
            o.put("field", r.field());
            ArrayNode k = o.putArray("kinds");
            r.kinds().forEach(k::add);
        }
        ArrayNode never = d.putArray("neverExported");
        for (String s : List.of("the project's de-identification key", "the UID map", "per-patient date offsets",
                "reviewer and patient names", "original file paths", "original UIDs")) {
            never.add(s);
        }
        return d;
    }

    private static SetFacts facts(ProjectSnapshot p, ExportIds ids, Map<Long, SetTablesWriter.CaseOutput> perCase,
                                  GroupNames sites, GroupNames scanners, ExportOptions options, RedactionLog log,
                                  long dicomWritten, long dicomNotWritten, SetObjects objects) {
        Map<String, Integer> claimsByKind = new LinkedHashMap<>();
        for (ClaimKind k : ClaimKind.values()) {
            int n = (int) p.claims().stream().filter(c -> c.kind() == k).count();
            if (n > 0) {
                claimsByKind.put(k.code() + (n == 1 ? "" : "s"), n);
            }
        }
        Map<String, Integer> evidenceByKind = new LinkedHashMap<>();
        for (EvidenceKind k : EvidenceKind.values()) {
            int n = (int) p.allEvidence().stream().filter(e -> e.kind() == k).count();
            if (n > 0) {
                evidenceByKind.put(k.code() + (n == 1 ? "" : (k == EvidenceKind.BOX ? "es" : "s")), n);
            }
        }
        Map<Long, Integer> perClaim = new HashMap<>();
        p.claims().forEach(c -> perClaim.put(c.id(), 0));
        for (Score s : p.scores()) {
            perClaim.merge(s.claimId(), 1, Integer::sum);
        }
        Map<Integer, Integer> reviewersPerClaim = new TreeMap<>();
        perClaim.values().forEach(n -> reviewersPerClaim.merge(n, 1, Integer::sum));
        TreeSet<String> models = new TreeSet<>();
        for (ModelRun r : p.runs()) {
            models.add(r.modelId() + (r.modelVersion() == null ? "" : " " + r.modelVersion()));
        }
        Map<String, Integer> siteCounts = new TreeMap<>();
        Map<String, Integer> scannerCounts = new TreeMap<>();
        Map<String, Integer> modalities = new TreeMap<>();
        for (ReviewCase c : p.cases()) {
            siteCounts.merge(orUnknown(sites.apply(c.site())), 1, Integer::sum);
            scannerCounts.merge(orUnknown(scanners.apply(c.scanner())), 1, Integer::sum);
            modalities.merge(orUnknown(c.modality()), 1, Integer::sum);
        }
        int withImage = (int) perCase.values().stream().filter(o -> o.image() != null).count();
        int withDicom = (int) perCase.values().stream().filter(o -> o.dicomFolder() != null).count();
        MetricsOptions m = options.metrics();
        String metricsWords = String.format(Locale.ROOT, "%d case-level bootstrap resamples, %.0f%% intervals, seed %d;"
                        + " partially correct counted as %s", m.bootstrap().resamples(), m.bootstrap().level() * 100,
                m.bootstrap().seed(), m.partialCountsAsCorrect() ? "correct" : "not correct");
        List<String> deidWords = options.deid().options().stream().map(DeidOption::meaning).toList();
        return new SetFacts(options.name(), LocalDate.now(ZoneOffset.UTC), options.license(), options.creator(),
                options.url(), SetMetrics.attestVersion(), p.cases().size(), withImage, withDicom, claimsByKind,
                evidenceByKind, p.scores().size(), p.reviewers().size(), reviewersPerClaim, p.missed().size(),
                p.corrections().size(), p.acceptability().size(), List.copyOf(models), siteCounts, scannerCounts,
                modalities, options.keepsSites(), options.keepsScanners(), deidWords, log.textsScanned(),
                log.redactions().size(), dicomWritten, dicomNotWritten, metricsWords, objectsByKind(objects),
                objects.skipped());
    }

    private static Map<String, Integer> objectsByKind(SetObjects objects) {
        Map<String, Integer> out = new LinkedHashMap<>();
        objects.written().forEach((k, n) -> out.put(k.name(), n));
        return out;
    }

    private static String orUnknown(String v) {
        return v == null || v.isBlank() ? "unknown" : v;
    }

    /** Checks the targets and creates out; returns whether this export created the folder. */
    private static boolean prepare(Path out, Path zip) throws IOException {
        if (zip != null && Files.exists(zip)) {
            throw new ExportTargetNotEmptyException(zip, "the zip already exists");
        }
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new ExportTargetNotEmptyException(out, "it is a file");
            }
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new ExportTargetNotEmptyException(out, "the folder is not empty");
                }
            }
            return false;
        }
        Files.createDirectories(out);
        return true;
    }

    /** Removes a failed or cancelled export: only what this export wrote into a folder that was empty. */
    private static void removeWritten(Path out, boolean created) {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!f.equals(out) || created) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // Best effort: the original failure is what the caller needs to see.
        }
    }
}
