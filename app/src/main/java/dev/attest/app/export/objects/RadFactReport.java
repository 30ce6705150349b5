package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Verdict;
import dev.attest.core.geometry.ImageGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case's claims as a RadFact grounded-reporting example, the input format of Microsoft's RadFact metric (as in
 * its examples/grounded_reporting_examples.json, read by radfact.data_utils.grounded_phrase_list): a JSON list
 * holding one example {@code {"example_id", "prediction", "target"}}, where each report is a list of phrases
 * {@code {"text": ..., "boxes": null | [{"x_min", "y_min", "x_max", "y_max"}]}} with boxes normalised to [0, 1]
 * on the image.
 *
 * <p>RadFact's images are 2D; a case is a volume. Each box is therefore given on one key slice of the case image
 * (the grid's third index k, axial for an axial scan), normalised by that slice's size from pixel edges:
 * x_min = i0 / width, x_max = (i1 + 1) / width for voxels i0..i1 along the first index, y likewise along the
 * second with the height. The key slice of a 3D box is its middle slice (the lower of two); a claim's mask gives
 * the label's bounding box on the slice where the label has most voxels. Which slice each box is on, and where
 * each phrase came from, is under "attest" beside the phrases, because RadFact accepts no other keys in a phrase.
 *
 * <p>prediction is the model's report: every claim in id order with its boxes (box evidence, then masks). target
 * is the reviewed report: the claims most of whose gradable verdicts are correct or partially correct (ungradable
 * verdicts do not count), with their newest revised text, the reviewers' corrected boxes where they drew any, else
 * the model's; then the findings reviewers said were missed, with their box when they drew one.
 */
final class RadFactReport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final CaseObjectsInput in;
    private final CaseRecords records;
    private final CaseGeometry geometry;

    /**
     * A phrase's box on its key slice, and where it came from.
     *
     * @param idKey    what the record id is: "evidence_id", "correction_id" or "missed_finding_id"
     * @param reviewer the reviewer's pseudonym, "" for the model's
     */
    private record KeyBox(VoxelBox box, int slice, String source, String idKey, long recordId, String reviewer) {
    }

    private RadFactReport(CaseObjectsInput in, CaseRecords records, CaseGeometry geometry) {
        this.in = in;
        this.records = records;
        this.geometry = geometry;
    }

    /** The example as a one-element list (RadFact's file format), or empty when the case has no claims. */
    static Optional<ArrayNode> build(CaseObjectsInput in, CaseRecords records, CaseGeometry geometry) {
        if (records.claims().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RadFactReport(in, records, geometry).document());
    }

    private ArrayNode document() {
        ObjectNode example = F.objectNode();
        example.put("example_id", in.casePseudonym());
        ArrayNode prediction = example.putArray("prediction");
        ArrayNode target = example.putArray("target");
        ObjectNode attest = example.putObject("attest");
        ImageGrid grid = in.imageGrid();
        attest.put("image", in.imageFile());
        attest.put("width", grid.sizeX());
        attest.put("height", grid.sizeY());
        attest.put("slice_count", grid.sizeZ());
        attest.put("normalisation", "boxes lie on one key slice (third voxel index) of the image, normalised by the"
                + " slice's width (first index) and height (second index) from pixel edges: x_min = i0 / width,"
                + " x_max = (i1 + 1) / width");
        ArrayNode predictionSources = attest.putArray("prediction");
        ArrayNode targetSources = attest.putArray("target");
        for (Claim claim : records.claims()) {
            List<KeyBox> modelBoxes = modelBoxes(claim);
            addPhrase(prediction, in.textScrubber().apply(claim.text()), modelBoxes);
            ObjectNode source = claimSource(predictionSources, claim, modelBoxes);
            source.put("kind", claim.kind().code());
        }
        for (Claim claim : records.claims()) {
            if (!keptByReviewers(claim)) {
                continue;
            }
            List<KeyBox> reviewed = geometry.boxesOf(claim.id(), CaseGeometry.BoxSource.REVIEWER_BOX).stream()
                    .map(b -> middle(b.box(), b.source().code, "correction_id", b.recordId(), b.reviewer())).toList();
            List<KeyBox> boxes = reviewed.isEmpty() ? modelBoxes(claim) : reviewed;
            addPhrase(target, in.textScrubber().apply(records.currentText(claim)), boxes);
            ObjectNode source = claimSource(targetSources, claim, boxes);
            source.put("revised", records.newestRevision().containsKey(claim.id()));
        }
        for (MissedFinding m : records.missedFindings()) {
            List<KeyBox> boxes = new ArrayList<>();
            String reviewer = in.pseudonymOf(m.reviewerId());
            if (m.geometryJson() != null) {
                try {
                    BoxGeometry b = BoxGeometry.parse(m.geometryJson(), in.imageGrid(), "missed finding " + m.id());
                    boxes.add(middle(b.box(), "reviewer_missed_finding", "missed_finding_id", m.id(), reviewer));
                } catch (BoxGeometry.InvalidBoxException notABox) {
                    // A missed finding is usually a clicked point, which has no extent to draw as a box.
                }
            }
            addPhrase(target, in.textScrubber().apply(m.text()), boxes);
            ObjectNode source = targetSources.addObject();
            source.putNull("claim_id");
            source.put("missed_finding_id", in.names().missed().apply(m.id()));
            source.put("reviewer", reviewer);
            source.set("boxes", sources(boxes));
        }
        ArrayNode file = F.arrayNode();
        file.add(example);
        return file;
    }

    /** The model's boxes of a claim: its box evidence on their middle slices, then its masks on their key slices. */
    private List<KeyBox> modelBoxes(Claim claim) {
        List<KeyBox> out = new ArrayList<>();
        for (CaseGeometry.LocatedBox b : geometry.boxesOf(claim.id(), CaseGeometry.BoxSource.MODEL_BOX)) {
            out.add(middle(b.box(), b.source().code, "evidence_id", b.recordId(), ""));
        }
        for (CaseGeometry.ClaimMask m : geometry.masksOf(claim.id())) {
            m.map().extents().keySlice(m.label()).ifPresent(k -> out.add(new KeyBox(
                    m.map().extents().sliceBox(m.label(), k).orElseThrow(), k, "model_mask", "evidence_id", m.evidenceId(), "")));
        }
        return out;
    }

    private String nameOf(String idKey, long id) {
        return switch (idKey) {
            case "evidence_id" -> in.names().evidence().apply(id);
            case "correction_id" -> in.names().correction().apply(id);
            case "missed_finding_id" -> in.names().missed().apply(id);
            default -> throw new IllegalArgumentException("no record kind " + idKey);
        };
    }

    private static KeyBox middle(VoxelBox box, String source, String idKey, long recordId, String reviewer) {
        return new KeyBox(box, (box.z0() + box.z1() - 1) / 2, source, idKey, recordId, reviewer);
    }

    /** Kept when correct or partially correct verdicts are more than half of the gradable ones. */
    private boolean keptByReviewers(Claim claim) {
        int gradable = 0;
        int positive = 0;
        for (Score s : records.scores().get(claim.id())) {
            if (s.verdict() == Verdict.UNGRADABLE) {
                continue;
            }
            gradable++;
            if (s.verdict() == Verdict.CORRECT || s.verdict() == Verdict.PARTIALLY_CORRECT) {
                positive++;
            }
        }
        return gradable > 0 && 2 * positive > gradable;
    }

    private void addPhrase(ArrayNode report, String text, List<KeyBox> boxes) {
        ObjectNode phrase = report.addObject();
        phrase.put("text", text);
        if (boxes.isEmpty()) {
            // RadFact refuses an empty list: a phrase without boxes has null.
            phrase.putNull("boxes");
            return;
        }
        ArrayNode list = phrase.putArray("boxes");
        ImageGrid grid = in.imageGrid();
        for (KeyBox b : boxes) {
            ObjectNode n = list.addObject();
            n.put("x_min", (double) b.box().x0() / grid.sizeX());
            n.put("y_min", (double) b.box().y0() / grid.sizeY());
            n.put("x_max", (double) b.box().x1() / grid.sizeX());
            n.put("y_max", (double) b.box().y1() / grid.sizeY());
        }
    }

    private ObjectNode claimSource(ArrayNode sources, Claim claim, List<KeyBox> boxes) {
        ObjectNode source = sources.addObject();
        source.put("claim_id", in.names().claim().apply(claim.id()));
        source.set("boxes", sources(boxes));
        return source;
    }

    private ArrayNode sources(List<KeyBox> boxes) {
        ArrayNode out = F.arrayNode();
        for (KeyBox b : boxes) {
            ObjectNode n = out.addObject();
            n.put("slice_index", b.slice());
            n.put("source", b.source());
            n.put(b.idKey(), nameOf(b.idKey(), b.recordId()));
            if (!b.reviewer().isEmpty()) {
                n.put("reviewer", b.reviewer());
            }
        }
        return out;
    }
}
