package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The tables of a benchmark set and their columns: the one definition that the writer, the schema files, the
 * Croissant record sets, the importer and docs/export.md follow. Enumerated values are the codes the project
 * stores (lower-case names).
 */
public final class SetTables {
    private SetTables() {
    }

    static final String CASE = "case";
    static final String RUN = "run";
    static final String CLAIM = "claim";
    static final String MISSED = "missed";
    static final String EVIDENCE_PREFIX = "evidence";
    static final String CORRECTION = "correction";
    static final String READER = "reader";

    private static <E extends Enum<E>> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    static final List<String> VERDICTS = codes(Verdict.values(), Verdict::code);
    static final List<String> SUPPORTS = codes(EvidenceSupport.values(), EvidenceSupport::code);

    private static Column reader(String name, String description) {
        return Column.reader(name, description, false).references("reviewers/reviewer");
    }

    public static final TableSpec REVIEWERS = new TableSpec("reviewers",
            "One reviewer of the project, by pseudonym (reader-1, reader-2, ... in the order they joined the project).",
            List.of("reviewer"), List.of(
            Column.reader("reviewer", "the reviewer's pseudonym; no name is exported", false),
            Column.integer("scores", "claims this reviewer has a current score for", 0),
            Column.integer("missed_findings", "findings this reviewer said the models missed", 0)));

    public static final TableSpec CASES = new TableSpec("cases",
            "One study or series under review.", List.of("case_id"), List.of(
            Column.id("case_id", CASE, "the case's pseudonym in this set"),
            Column.textOrNull("study_ref", "series:<Series Instance UID> with the UID replaced as in the de-identified"
                    + " DICOM (HMAC under the project key), or null when the case was opened from a file"),
            Column.textOrNull("site", "the site, as recorded, when the export retains institution identity; else a"
                    + " pseudonym (site-1, ...); null when unknown"),
            Column.textOrNull("scanner", "the scanner, as recorded, when the export retains device identity; else a"
                    + " pseudonym (scanner-1, ...); null when unknown"),
            Column.textOrNull("modality", "the DICOM modality (CT, MR, ...), null when unknown"),
            Column.textOrNull("image", "the image as NIfTI, relative to the set (images/case-0001.nii.gz); null when"
                    + " the project could not read it at export time"),
            Column.textOrNull("image_dicom", "the folder of the de-identified DICOM series (with --dicom), else null")));

    public static final TableSpec MODEL_RUNS = new TableSpec("model_runs",
            "One model applied to one case.", List.of("run_id"), List.of(
            Column.id("run_id", RUN, "the run's identifier in this set"),
            Column.id("case_id", CASE, "the case the model ran on").references("cases/case_id"),
            Column.text("model_id", "the model's identifier"),
            Column.textOrNull("model_version", "the model's version"),
            Column.textOrNull("weights_sha256", "sha256 of the weights file"),
            Column.objectOrNull("parameters", "the run's parameters as recorded (absolute paths reduced to file names)"),
            Column.textOrNull("engine", "inference engine and version"),
            Column.textOrNull("device", "the device it ran on (cpu, gpu)"),
            Column.numberOrNull("duration_s", "seconds from start to end of the run; the clock times are not exported")));

    private static ObjectNode checksSchema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode item = f.objectNode();
        item.put("type", "object");
        ObjectNode p = item.putObject("properties");
        p.set("kind", Column.type("string"));
        ObjectNode outcome = Column.type("string");
        codes(CheckOutcome.values(), CheckOutcome::code).forEach(outcome.putArray("enum")::add);
        p.set("outcome", outcome);
        p.set("value", Column.type("number", "null"));
        p.set("detail", Column.type("string", "null"));
        item.putArray("required").add("kind").add("outcome").add("value").add("detail");
        item.put("additionalProperties", false);
        ObjectNode s = Column.type("array");
        s.set("items", item);
        return s;
    }

    public static final TableSpec CLAIMS = new TableSpec("claims",
            "One thing a model asserted about a case: a segmented finding, a report sentence or a grounded phrase.",
            List.of("claim_id"), List.of(
            Column.id("claim_id", CLAIM, "the claim's identifier in this set"),
            Column.id("case_id", CASE, "the case it is about").references("cases/case_id"),
            Column.idOrNull("run_id", RUN, "the model run that made it; null when a person added it")
                    .references("model_runs/run_id"),
            Column.oneOf("kind", "finding, sentence or phrase", codes(ClaimKind.values(), ClaimKind::code)),
            Column.text("text", "the claim's current text (the newest reviewer revision, else the model's), identifiers"
                    + " redacted"),
            Column.text("model_text", "the text as the model wrote it (version 1), identifiers redacted"),
            Column.integer("text_version", "the version of text: 1 for the model's, 2 and up after reviewer edits", 1),
            Column.integer("revisions", "how many times reviewers edited the text", 0),
            Column.reader("revised_by", "the reviewer who made the newest revision, null if none", true)
                    .references("reviewers/reviewer"),
            Column.integerOrNull("label_value", "the label value in the run's label map that the claim refers to"),
            Column.numberOrNull("value", "the measured number the claim states (e.g. a volume)"),
            Column.textOrNull("unit", "the unit of value (mL, mm)"),
            Column.structured("checks", "the newest automatic consistency check of each kind: [{kind, outcome"
                    + " (pass/fail/unknown), value, detail}]", checksSchema())));

    public static final TableSpec EVIDENCE = new TableSpec("evidence",
            "What a model showed for a claim: a mask, box, point or heat map in the case's patient grid.",
            List.of("evidence_id"), List.of(
            Column.id("evidence_id", SetTables.EVIDENCE_PREFIX, "the evidence's identifier in this set"),
            Column.id("claim_id", CLAIM, "the claim it supports").references("claims/claim_id"),
            Column.oneOf("kind", "mask, box, point or heatmap", codes(EvidenceKind.values(), EvidenceKind::code)),
            Column.textOrNull("file", "the NIfTI file in the set (labels/... for masks, maps/... for heat maps), or null"
                    + " for inline geometry"),
            Column.objectOrNull("geometry", "inline geometry as the project stores it: a box is {min_lps_mm:[x,y,z],"
                    + " max_lps_mm:[x,y,z], min_index:[i,j,k], max_index:[i,j,k]}, a point {point_lps_mm:[x,y,z]};"
                    + " LPS millimetres, voxel indices of the case image"),
            Column.objectOrNull("method", "how the evidence was made, as recorded (for a mask: its label value, name,"
                    + " centroid and bounding box)")));

    public static final TableSpec SCORES = new TableSpec("scores",
            "One reviewer's current (latest) judgement of one claim: one row per claim per reviewer.",
            List.of("claim_id", "reviewer"), List.of(
            Column.id("claim_id", CLAIM, "the claim judged").references("claims/claim_id"),
            reader("reviewer", "the reviewer's pseudonym"),
            Column.oneOf("verdict", "is the claim true", VERDICTS),
            Column.oneOf("evidence_support", "does the evidence support the claim", SUPPORTS),
            Column.oneOfOrNull("localisation", "how well the evidence localises the finding; null when not judged",
                    codes(Localisation.values(), Localisation::code)),
            Column.oneOfOrNull("error_type", "the kind of error when not correct; null otherwise or when not given",
                    codes(ErrorType.values(), ErrorType::code)),
            Column.oneOfOrNull("significance", "whether it matters clinically; null when not given",
                    codes(Significance.values(), Significance::code)),
            Column.textOrNull("note", "the reviewer's note, identifiers redacted"),
            Column.integer("version", "how many times this reviewer scored the claim; this row is the newest", 1)));

    public static final TableSpec MISSED_FINDINGS = new TableSpec("missed_findings",
            "A finding a reviewer said the models missed in a case.", List.of("missed_id"), List.of(
            Column.id("missed_id", MISSED, "the missed finding's identifier in this set"),
            Column.id("case_id", CASE, "the case").references("cases/case_id"),
            reader("reviewer", "who reported it"),
            Column.text("text", "the finding in the reviewer's words, identifiers redacted"),
            Column.objectOrNull("geometry", "where it is, as the project stores it ({point_lps_mm:[x,y,z]} or a box),"
                    + " or null")));

    private static ObjectNode votesSchema(List<String> codes) {
        ObjectNode s = Column.type("object");
        ObjectNode names = Column.type("string");
        codes.forEach(names.putArray("enum")::add);
        s.set("propertyNames", names);
        ObjectNode count = Column.type("integer");
        count.put("minimum", 0);
        s.set("additionalProperties", count);
        return s;
    }

    public static final TableSpec CONSENSUS = new TableSpec("consensus",
            "Per claim, the reviewers' majority verdict and majority evidence support. A tie goes to the least"
                    + " favourable answer for the model: incorrect before partially_correct before correct before"
                    + " ungradable, and contradicts before none_or_off_target before partial before supports.",
            List.of("claim_id"), List.of(
            Column.id("claim_id", CLAIM, "the claim").references("claims/claim_id"),
            Column.integer("reviewers", "reviewers with a current score of the claim", 0),
            Column.oneOfOrNull("verdict", "the majority verdict, null when nobody scored the claim", VERDICTS),
            Column.structured("verdict_votes", "scores per verdict", votesSchema(VERDICTS)),
            Column.numberOrNull("verdict_share", "the share of reviewers who gave the majority verdict"),
            Column.bool("verdict_tie", "whether two or more verdicts tied for the majority"),
            Column.bool("unanimous", "whether every reviewer (at least two) gave the same verdict"),
            Column.oneOfOrNull("evidence_support", "the majority evidence support, null when nobody scored the claim",
                    SUPPORTS),
            Column.structured("evidence_support_votes", "scores per evidence support", votesSchema(SUPPORTS)),
            Column.numberOrNull("evidence_support_share", "the share of reviewers who gave the majority support"),
            Column.bool("evidence_support_tie", "whether two or more answers tied for the majority")));

    public static final TableSpec CORRECTIONS = new TableSpec("corrections",
            "A reviewer's corrected or added annotation (mask, box or point) for a case or claim.",
            List.of("correction_id"), List.of(
            Column.id("correction_id", CORRECTION, "the correction's identifier in this set"),
            Column.id("case_id", CASE, "the case").references("cases/case_id"),
            Column.idOrNull("claim_id", CLAIM, "the claim it corrects, or null").references("claims/claim_id"),
            Column.oneOf("kind", "mask, box or point", codes(AnnotationKind.values(), AnnotationKind::code)),
            Column.textOrNull("file", "the corrected mask as NIfTI in the set, or null for inline geometry"),
            Column.objectOrNull("geometry", "inline geometry as for evidence, or null"),
            Column.idOrNull("derived_from", SetTables.EVIDENCE_PREFIX, "the model evidence it was edited from, or null")
                    .references("evidence/evidence_id"),
            reader("reviewer", "who made it")));

    public static final TableSpec ACCEPTABILITY = new TableSpec("acceptability",
            "A reviewer's overall judgement of a case's report.", List.of("case_id", "reviewer"), List.of(
            Column.id("case_id", CASE, "the case").references("cases/case_id"),
            reader("reviewer", "who judged it"),
            Column.oneOf("acceptability", "acceptable, acceptable_with_edits or unacceptable",
                    codes(Acceptability.values(), Acceptability::code)),
            Column.textOrNull("note", "the reviewer's note, identifiers redacted")));

    /** Every table, in the order the set lists them. */
    public static final List<TableSpec> ALL = List.of(CASES, MODEL_RUNS, CLAIMS, EVIDENCE, SCORES, MISSED_FINDINGS,
            CONSENSUS, CORRECTIONS, ACCEPTABILITY, REVIEWERS);

    /** The table called name. */
    public static TableSpec named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }
}
