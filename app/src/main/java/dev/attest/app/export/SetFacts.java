package dev.attest.app.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is true of one exported set, gathered once and worded once: croissant.json's Responsible-AI fields and the
 * README datasheet both read their sentences from here, so the machine-readable and the plain-words description
 * cannot drift apart. Counts only: no name, path or original identifier is ever part of the facts.
 *
 * @param name               the set's name
 * @param published          the export date (UTC)
 * @param license            the licence URL, or null when none was chosen
 * @param creator            who made the set, or null
 * @param url                where it is published, or null
 * @param attestVersion      the Attest version that wrote it
 * @param cases              cases
 * @param casesWithImage     cases with a NIfTI image
 * @param casesWithDicom     cases with de-identified DICOM
 * @param claimsByKind       claims per kind (finding, sentence, phrase)
 * @param evidenceByKind     evidence per kind (mask, box, point, heatmap)
 * @param scores             current scores
 * @param reviewers          reviewers
 * @param reviewersPerClaim  claims per number of reviewers who scored them (0, 1, 2, ...)
 * @param missedFindings     missed findings
 * @param corrections        corrected annotations
 * @param acceptability      report acceptability judgements
 * @param models             "model-id version" of every model with a run
 * @param sites              cases per site (as the set names them; "(none)" for unknown)
 * @param scanners           cases per scanner
 * @param modalities         cases per modality
 * @param sitesKept          whether site names are the recorded ones
 * @param scannersKept       whether scanner names are the recorded ones
 * @param deidOptions        the PS3.15 options chosen, in words
 * @param textsScanned       free-text values checked for identifiers
 * @param redactions         values that had identifiers taken out
 * @param dicomWritten       de-identified DICOM files
 * @param dicomNotWritten    DICOM files left out (excluded, refused, failed)
 * @param metrics            the metrics options, in words
 * @param objects            standard-object files written per kind (COCO, RADFACT, SEG, SR), the joined COCO
 *                           file not counted
 * @param objectsSkipped     objects or boxes left out, "KIND reason" → how many times
 */
public record SetFacts(String name, LocalDate published, String license, String creator, String url,
                       String attestVersion, int cases, int casesWithImage, int casesWithDicom,
                       Map<String, Integer> claimsByKind, Map<String, Integer> evidenceByKind, int scores,
                       int reviewers, Map<Integer, Integer> reviewersPerClaim, int missedFindings, int corrections,
                       int acceptability, List<String> models, Map<String, Integer> sites,
                       Map<String, Integer> scanners, Map<String, Integer> modalities, boolean sitesKept,
                       boolean scannersKept, List<String> deidOptions, long textsScanned, int redactions,
                       long dicomWritten, long dicomNotWritten, String metrics,
                       Map<String, Integer> objects, Map<String, Integer> objectsSkipped) {

    /** The set's version: the layout of Attest benchmark sets, so a reader knows which tables to expect. */
    public static final String SET_VERSION = "1.0.0";

    public int claims() {
        return claimsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int claimsScoredBy(int atLeast) {
        return reviewersPerClaim.entrySet().stream().filter(e -> e.getKey() >= atLeast).mapToInt(Map.Entry::getValue).sum();
    }

    private static String count(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public String description() {
        return "Claims made by " + plural(models.size(), "model", "models") + " (" + String.join("; ", models) + ") about "
                + plural(cases, "medical imaging case", "medical imaging cases") + ", each claim with the evidence the"
                + " model showed for it (" + (evidenceByKind.isEmpty() ? "none" : count(evidenceByKind))
                + ") and the judgements of " + plural(reviewers, "reviewer",
                "reviewers") + " made in Attest: whether the claim is true, whether the evidence supports it, how well it"
                + " localises, the kind of error, and the findings the models missed. Exported by Attest " + attestVersion
                + " as JSON Lines tables, NIfTI images and label maps, "
                + "COCO boxes, RadFact grounded reports, DICOM Segmentations and TID 1500 structured reports of the"
                + " verdicts, and the claim-level metrics.";
    }

    /** How to cite the set (Croissant's citeAs): who made it, its name and layout, when it was exported, where it is. */
    public String citation() {
        return (creator != null ? creator : "Creator not specified") + ". " + name + ": Attest benchmark set (layout "
                + SET_VERSION + "), exported " + published + (url != null ? ". " + url : "") + ".";
    }

    public String dataCollection() {
        return plural(cases, "case was", "cases were") + " chosen by the project's owner and opened in Attest ("
                + (modalities.isEmpty() ? "modality not recorded" : count(modalities)) + "). Models ran on them locally"
                + " and each output became claims: " + count(claimsByKind) + ", with " + count(evidenceByKind)
                + " as evidence. Reviewers then scored the claims in Attest's review screen. Sites: " + count(sites)
                + ". Scanners: " + count(scanners) + ".";
    }

    public List<String> dataCollectionType() {
        return List.of("Manual Human Curator", "Software Collection");
    }

    public String annotationProtocol() {
        return "Each reviewer scores each claim on its own, every field on a key: verdict (correct, partially correct,"
                + " incorrect, ungradable); evidence support (supports, partial, contradicts, none or off-target);"
                + " localisation when there is a mask, box or map (good, hit only, miss); error type when not correct"
                + " (false finding, wrong location incl. laterality, wrong severity or size, false comparison, omitted"
                + " comparison, negation error, device error); clinical significance. Per case, reviewers list the"
                + " findings the models missed (optionally with a point or box) and judge the report's overall"
                + " acceptability. A reviewer may correct a mask, box or point, and edit a claim's text (kept as a new"
                + " version). Only each reviewer's latest score of a claim is exported. consensus.jsonl holds the"
                + " majority verdict and evidence support per claim; ties go to the answer least favourable to the model.";
    }

    public String annotationPlatform() {
        return "Attest " + attestVersion + " (evidence-grounded review workstation)";
    }

    public String annotationsPerItem() {
        StringBuilder s = new StringBuilder();
        reviewersPerClaim.forEach((n, claims) -> s.append(s.isEmpty() ? "" : "; ").append(plural(claims, "claim", "claims"))
                .append(" scored by ").append(plural(n, "reviewer", "reviewers")));
        return s + " (" + plural(scores, "score", "scores") + " in all, one row per claim per reviewer in scores.jsonl)";
    }

    public String annotatorDemographics() {
        return "Not recorded. Reviewers appear only as reader-1, reader-2, ... in the order they joined the project;"
                + " their names, training and experience are not part of the set.";
    }

    public List<String> machineAnnotationTools() {
        List<String> out = new ArrayList<>(models);
        out.add("Attest automatic consistency checks (existence, laterality, location, size) in claims.jsonl checks");
        return out;
    }

    public List<String> dataBiases() {
        List<String> out = new ArrayList<>();
        out.add("Cases were selected by the project's owner, not sampled: the set need not represent any population of"
                + " patients, sites or scanners.");
        out.add("Site mix: " + count(sites) + "; scanner mix: " + count(scanners) + ". Metrics stratified by site and"
                + " scanner are in metrics.json; groups with few cases have wide intervals.");
        if (reviewers < 3) {
            out.add("Judgements come from " + plural(reviewers, "reviewer", "reviewers")
                    + ", so they carry those readers' habits; agreement statistics are in metrics.json.");
        }
        out.add("Only outputs of the models listed were judged; a claim exists only where a model made one, so findings"
                + " no model reported appear only as reviewers' missed findings.");
        return out;
    }

    public List<String> dataLimitations() {
        List<String> out = new ArrayList<>();
        out.add("A benchmark of " + plural(claims(), "claim", "claims") + " on " + plural(cases, "case", "cases")
                + ": too small to support claims about clinical performance.");
        if (casesWithImage < cases) {
            out.add((cases - casesWithImage) + " of " + cases + " cases have no image in the set: the project could not"
                    + " read it at export time.");
        }
        out.add("Free text was de-identified by pattern and by the identifiers the DICOM headers and the project knew;"
                + " names or numbers in other shapes can pass. Read the text before wider release.");
        out.add("Earlier versions of scores and the intermediate text revisions of claims are not exported, nor are"
                + " the times of model runs and reviews (run durations are).");
        if (!objectsSkipped.isEmpty()) {
            out.add("Standard objects left out (the tables still hold everything): " + objectsSkipped.entrySet().stream()
                    .map(e -> e.getKey() + " (" + plural(e.getValue(), "time", "times") + ")")
                    .collect(Collectors.joining("; ")) + ".");
        }
        out.add("Images are NIfTI written from the voxels and geometry; DICOM-only information (acquisition"
                + " parameters, per-frame data) is only in the de-identified DICOM when it was exported.");
        return out;
    }

    public List<String> personalSensitiveInformation() {
        List<String> out = new ArrayList<>();
        out.add("Medical images of patients, de-identified: case keys, run, claim and evidence identifiers are"
                + " pseudonyms; DICOM UIDs are replaced by HMAC-derived UIDs under a key that stays with the project;"
                + " no patient name, ID, birth date or file path is exported.");
        out.add(sitesKept ? "Site names are kept as recorded (Retain Institution Identity), because stratifying results"
                + " by site needs them." : "Site names are replaced by site-1, site-2, ...");
        out.add(scannersKept ? "Scanner names are kept as recorded (Retain Device Identity), because stratifying results"
                + " by scanner needs them." : "Scanner names are replaced by scanner-1, scanner-2, ...");
        out.add(plural(textsScanned, "free-text value was", "free-text values were") + " checked for identifiers and "
                + plural(redactions, "had", "had") + " identifiers replaced by placeholders such as [NAME]; deid.json"
                + " lists where.");
        if (casesWithDicom > 0 || dicomWritten > 0) {
            out.add("DICOM follows PS3.15 Annex E, Basic Application Level Confidentiality Profile, with options: "
                    + (deidOptions.isEmpty() ? "none" : String.join(", ", deidOptions)) + ". " + dicomWritten
                    + " files written, " + dicomNotWritten + " left out (see deid.json).");
        }
        out.add("Head images can show the face when rendered in 3D; recognisable features are not removed.");
        return out;
    }

    public List<String> dataUseCases() {
        return List.of("Evaluating whether imaging models' claims are true and grounded in their evidence, and comparing"
                        + " models, sites and scanners on that.",
                "Studying reviewer agreement on model claims.",
                "Not for clinical use, and not for training a diagnostic model without further review of the data.");
    }

    public String maintenancePlan() {
        return "A snapshot exported on " + published + " (set layout version " + SET_VERSION + "); it does not change."
                + " A newer export of the same project is a new set; replacement UIDs and case order stay the same"
                + " across exports of one project.";
    }

    public List<String> preprocessing() {
        return List.of("Images and label maps re-written as NIfTI-1 by Attest from voxels and geometry (LPS in the"
                        + " project, RAS+ affine in the files).",
                "Identifiers replaced, free text redacted and recorded JSON cleaned as described in deid.json.",
                "Metrics computed with " + metrics + ".");
    }

    /** A one-line figure for the datasheet's table of contents. */
    String headline() {
        return String.format(Locale.ROOT, "%d cases, %d claims, %d scores by %d reviewers", cases, claims(), scores, reviewers);
    }
}
