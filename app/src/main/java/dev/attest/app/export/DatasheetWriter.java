package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * README.md of a set: a datasheet in plain words, worded from the same {@link SetFacts} as croissant.json's
 * Responsible-AI fields, with the table definitions from {@link SetTables}.
 */
final class DatasheetWriter {
    private DatasheetWriter() {
    }

    static void write(Path file, SetFacts f) throws IOException {
        Files.writeString(file, text(f), StandardCharsets.UTF_8);
    }

    static String text(SetFacts f) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(f.name()).append("\n\n");
        s.append(f.description()).append("\n\n");
        s.append("Set layout version ").append(SetFacts.SET_VERSION).append(", exported ").append(f.published())
                .append(" by ").append(f.annotationPlatform()).append(". Licence: ")
                .append(f.license() != null ? f.license() : "not specified (ask the publisher before any use)")
                .append(". Creator: ").append(f.creator() != null ? f.creator() : "not specified").append(".\n\n");

        s.append("## At a glance\n\n| | |\n|---|---|\n");
        row(s, "cases", f.cases() + " (" + f.casesWithImage() + " with an image" + (f.casesWithDicom() > 0
                ? ", " + f.casesWithDicom() + " with de-identified DICOM" : "") + ")");
        row(s, "claims", f.claims() + " (" + join(f.claimsByKind()) + ")");
        row(s, "evidence", join(f.evidenceByKind()));
        row(s, "scores", f.scores() + " by " + f.reviewers() + " reviewers");
        row(s, "missed findings", Integer.toString(f.missedFindings()));
        row(s, "corrections", Integer.toString(f.corrections()));
        row(s, "models", String.join("; ", f.models()));
        row(s, "modalities", join(f.modalities()));
        row(s, "sites", join(f.sites()) + (f.sitesKept() ? " (names as recorded)" : " (pseudonyms)"));
        row(s, "scanners", join(f.scanners()) + (f.scannersKept() ? " (names as recorded)" : " (pseudonyms)"));
        s.append('\n');

        s.append("## Files\n\n");
        s.append("- `croissant.json`: MLCommons Croissant 1.1 metadata with the Responsible-AI fields and the sha256 of"
                + " every other file.\n");
        s.append("- `README.md`: this datasheet.\n");
        for (TableSpec t : SetTables.ALL) {
            s.append("- `").append(t.file()).append("`: ").append(t.description()).append(" Schema: `")
                    .append(t.schemaFile()).append("`.\n");
        }
        s.append("- `images/`: one NIfTI image per case (`images/case-0001.nii.gz`)")
                .append(f.casesWithDicom() > 0 ? "; `images/dicom/` the de-identified DICOM series" : "").append(".\n");
        s.append("- `labels/`: the models' label maps as NIfTI, with label names beside each (`.labels.txt`, ITK-SNAP"
                + " format), and reviewers' corrected masks (`case-NNNN-correction-N.nii.gz`) with their provenance"
                + " beside them when the mask editor made them (`.json`: the map edited, by set file and sha256, the"
                + " reader and the edit operations); `maps/`: heat maps, when any.\n");
        int coco = f.objects().getOrDefault("COCO", 0);
        int radFact = f.objects().getOrDefault("RADFACT", 0);
        int seg = f.objects().getOrDefault("SEG", 0);
        int sr = f.objects().getOrDefault("SR", 0);
        if (coco > 0) {
            s.append("- `labels/coco.json`: every case's boxes in one COCO object-detection file, one image per annotated"
                    + " slice of the case's NIfTI (x along its first axis, y along its second); a model's mask gives each"
                    + " slice's bounding box and RLE; `labels/case-NNNN.coco.json` the same per case (").append(coco)
                    .append(" files).\n");
        }
        if (radFact > 0) {
            s.append("- `labels/case-NNNN.radfact.json`: the model's report and the reviewed report (claims most"
                    + " reviewers kept, reviewers' text edits and missed findings) as RadFact grounded-reporting examples,"
                    + " boxes normalised on a key slice (").append(radFact).append(" files).\n");
        }
        if (seg > 0) {
            s.append("- `labels/case-NNNN-segN.dcm`: each label map as a DICOM Segmentation (binary, one segment per"
                    + " label, coded categories and types, the model as algorithm); for a DICOM case it refers to the"
                    + " slices by the de-identified images' UIDs (").append(seg).append(" files).\n");
        }
        if (sr > 0) {
            s.append("- `sr/case-NNNN-sr.dcm`: DICOM SR (TID 1500 measurement report), one measurement group per claim"
                    + " with the reviewers' verdicts and evidence support as coded qualitative evaluations (private scheme"
                    + " 99ATTEST, observers as reader-N), referring to the Segmentations and images (").append(sr)
                    .append(" files).\n");
        }
        s.append("- `metrics.json`: claim-level metrics with bootstrap intervals and reviewer agreement, and the"
                + " models' masks, boxes and heat maps measured against reviewers' corrections (`groundTruth`: Dice,"
                + " IoU, HD95, surface Dice; box IoU and pixel precision/recall; pointing game and energy in region),"
                + " overall and by site, scanner, modality and model, with the Attest version and bootstrap seed.\n");
        s.append("- `deid.json`: what de-identification did.\n\n");

        s.append("## Tables\n\nEvery row has every column (null where there is no value). Identifiers (`case-0001`,"
                + " `claim-0001`, `reader-1`, ...) join the tables.\n\n");
        for (TableSpec t : SetTables.ALL) {
            s.append("### ").append(t.file()).append("\n\n").append(t.description()).append(" Key: ")
                    .append(String.join(" + ", t.key())).append(".\n\n| column | type | meaning |\n|---|---|---|\n");
            for (Column c : t.columns()) {
                s.append("| `").append(c.name()).append("` | ").append(typeOf(c)).append(" | ")
                        .append(c.description().replace("|", "\\|")).append(" |\n");
            }
            s.append('\n');
        }

        section(s, "How the data were collected", List.of(f.dataCollection()));
        section(s, "How claims were judged", List.of(f.annotationProtocol(), "Reviewers per claim: " + f.annotationsPerItem()
                + ".", f.annotatorDemographics()));
        section(s, "Processing", f.preprocessing());
        section(s, "Personal and sensitive information", f.personalSensitiveInformation());
        section(s, "Known biases", f.dataBiases());
        section(s, "Limitations", f.dataLimitations());
        section(s, "Intended uses", f.dataUseCases());
        section(s, "Maintenance", List.of(f.maintenancePlan()));
        s.append("## Reading the set without Attest\n\n```python\nimport json, nibabel as nib\nrows = lambda t: [json.loads(l)"
                + " for l in open(t + '.jsonl')]\ncases = {c['case_id']: c for c in rows('cases')}\nfor s in rows('scores'):\n"
                + "    print(s['claim_id'], s['reviewer'], s['verdict'])\nimage = nib.load(cases['case-0001']['image'])\n"
                + "```\n\n`attest import-set` checks every sha256 in croissant.json, rebuilds a project from the set and"
                + " reports whether it reproduces metrics.json exactly.\n");
        return s.toString();
    }

    /** "string or null: correct, incorrect" from the column's schema. */
    private static String typeOf(Column c) {
        List<String> types = new java.util.ArrayList<>();
        JsonNode t = c.schema().path("type");
        if (t.isArray()) {
            t.forEach(x -> types.add(x.asText()));
        } else {
            types.add(t.asText());
        }
        String out = String.join(" or ", types);
        JsonNode values = c.schema().get("enum");
        if (values != null) {
            List<String> named = new java.util.ArrayList<>();
            values.forEach(v -> {
                if (!v.isNull()) {
                    named.add(v.asText());
                }
            });
            out += ": " + String.join(", ", named);
        }
        return out;
    }

    private static void row(StringBuilder s, String k, String v) {
        s.append("| ").append(k).append(" | ").append(v.isEmpty() ? "none" : v).append(" |\n");
    }

    private static String join(Map<String, Integer> m) {
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<String> paragraphs) {
        s.append("## ").append(title).append("\n\n");
        if (paragraphs.size() == 1) {
            s.append(paragraphs.get(0)).append("\n\n");
        } else {
            paragraphs.forEach(p -> s.append("- ").append(p).append('\n'));
            s.append('\n');
        }
    }
}
