package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
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
     * The label value mask evidence shows: labelValue in its method JSON (as case import writes it), else
     * the claim's label value.
     *
     * @throws ComparisonSkipped NO_LABEL when neither names a usable label
     */
    Integer maskLabel(Evidence e) throws ComparisonSkipped {
        Integer fromMethod = methodLabel(e);
        Integer label = fromMethod != null ? fromMethod : claims.get(e.claimId()).labelValue();
        return requireLabel(label, "evidence " + e.id() + " (" + e.kind().code() + ")");
    }

    /**
     * The label of a claim: its label value, else that of its mask evidence; null when neither has one.
     */
    Integer claimLabel(Claim claim) throws ComparisonSkipped {
        if (claim.labelValue() != null) {
            return claim.labelValue();
        }
        for (Evidence e : evidenceOf(claim)) {
            if (e.kind() == EvidenceKind.MASK) {
                Integer label = methodLabel(e);
                if (label != null) {
                    return label;
                }
            }
        }
        return null;
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

    private static Integer methodLabel(Evidence e) throws ComparisonSkipped {
        if (e.methodJson() == null || e.methodJson().isBlank()) {
            return null;
        }
        JsonNode method = GeometryFields.read(e.methodJson(), "evidence " + e.id() + " method");
        JsonNode label = method.get("labelValue");
        return label != null && label.canConvertToExactIntegral() ? label.asInt() : null;
    }
}
