package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The claims and evidence of one case, read once, with the labels and models they stand for. */
final class CaseRecords {
    private final ReviewCase reviewCase;
    private final Map<Long, Claim> claims = new HashMap<>();
    private final Map<Long, Evidence> evidence = new HashMap<>();
    private final Map<Long, List<Evidence>> evidenceOfClaim = new HashMap<>();
    private final Map<Long, String> models;

    private CaseRecords(ReviewCase reviewCase, Map<Long, String> models) {
        this.reviewCase = reviewCase;
        this.models = models;
    }

    /** Reads the case's claims and their evidence; models maps a model run id to its model id. */
    static CaseRecords read(ProjectStore store, ReviewCase reviewCase, Map<Long, String> models) {
        CaseRecords r = new CaseRecords(reviewCase, models);
        for (Claim c : store.claims(reviewCase.id())) {
            r.claims.put(c.id(), c);
            List<Evidence> list = store.evidence(c.id());
            r.evidenceOfClaim.put(c.id(), list);
            list.forEach(e -> r.evidence.put(e.id(), e));
        }
        return r;
    }

    ReviewCase reviewCase() {
        return reviewCase;
    }

    Claim claim(Long id) {
        return id == null ? null : claims.get(id);
    }

    Evidence evidence(long id) {
        return evidence.get(id);
    }

    List<Evidence> evidenceOf(Claim claim) {
        return evidenceOfClaim.getOrDefault(claim.id(), List.of());
    }

    /** The model id of the claim's run; "(none)" for a claim without a run (or none at all). */
    String modelOf(Claim claim) {
        return claim == null || claim.runId() == null ? Strata.NONE : models.getOrDefault(claim.runId(), Strata.NONE);
    }

    /**
     * The voxels mask evidence shows, read from its method JSON as case import and the report code write it:
     * {@code labels} (a sentence about several structures), else {@code labelValue}, else the claim's label;
     * {@code "region": true} for a region mask of its own.
     *
     * @throws ComparisonSkipped NO_LABEL when nothing names a usable label; UNSUPPORTED_EVIDENCE for one
     *     connected component of a label ({@code component} > 0), which a label map cannot single out
     */
    MaskSelection maskSelection(Evidence e) throws ComparisonSkipped {
        String what = EvidenceComparer.evidenceName(e);
        JsonNode method = method(e);
        if (method != null && method.path("component").asInt(0) > 0) {
            throw new ComparisonSkipped(SkipReason.UNSUPPORTED_EVIDENCE, what + " shows connected component "
                    + method.get("component").asInt() + " of its label, which no label of a corrected map stands for");
        }
        List<Integer> labels = new ArrayList<>();
        if (method != null && method.path("labels").isArray()) {
            for (JsonNode n : method.get("labels")) {
                if (n.canConvertToExactIntegral()) {
                    labels.add(n.asInt());
                }
            }
        }
        if (labels.isEmpty() && method != null && method.path("labelValue").canConvertToExactIntegral()) {
            labels.add(method.get("labelValue").asInt());
        }
        if (labels.isEmpty() && claims.get(e.claimId()).labelValue() != null) {
            labels.add(claims.get(e.claimId()).labelValue());
        }
        boolean region = method != null && method.path("region").asBoolean(false);
        if (labels.isEmpty() && !region) {
            throw new ComparisonSkipped(SkipReason.NO_LABEL, what + ": neither its method JSON nor its claim names"
                    + " a label value to compare");
        }
        for (int label : labels) {
            requireLabel(label, what);
        }
        return new MaskSelection(labels, region);
    }

    /**
     * The structure a claim is about, as a selection of labels (region masks and components set aside, since
     * a corrected label map holds labels): the labels of its first mask evidence that names some, else its
     * label value; null when neither exists.
     */
    MaskSelection claimLabels(Claim claim) throws ComparisonSkipped {
        for (Evidence e : evidenceOf(claim)) {
            if (e.kind() == EvidenceKind.MASK) {
                try {
                    MaskSelection s = maskSelection(e);
                    if (!s.labels().isEmpty()) {
                        return new MaskSelection(s.labels(), false);
                    }
                } catch (ComparisonSkipped unusable) {
                    // A component or label-less mask says nothing usable here; the claim's own label may.
                }
            }
        }
        return claim.labelValue() == null ? null : MaskSelection.of(requireLabel(claim.labelValue(),
                "claim " + claim.id()));
    }

    static int requireLabel(Integer label, String what) throws ComparisonSkipped {
        if (label == null) {
            throw new ComparisonSkipped(SkipReason.NO_LABEL, what + ": neither its method JSON nor its claim names"
                    + " a label value to compare");
        }
        if (label < 1 || label > LabelReader.MAX_LABEL) {
            throw new ComparisonSkipped(SkipReason.NO_LABEL, what + ": label " + label + " is not in 1 to "
                    + LabelReader.MAX_LABEL);
        }
        return label;
    }

    private static JsonNode method(Evidence e) throws ComparisonSkipped {
        if (e.methodJson() == null || e.methodJson().isBlank()) {
            return null;
        }
        return GeometryFields.read(e.methodJson(), "evidence " + e.id() + " method");
    }
}
