package dev.attest.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.claims.FindingClaim;
import dev.attest.annotation.claims.FindingClaims;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds an image and one segmentation run on it to a project in one call: the case (found again by its study
 * reference when it is already there), the run, one finding claim per label with its numbers, the label map
 * as a NIfTI artifact, and for each claim its mask evidence (the artifact and the label value, with the
 * centroid and bounding box the viewer jumps to), and the automatic consistency checks of each claim.
 */
public final class CaseImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseImport() {
    }

    /** What one import stored. */
    public record ImportedCase(ReviewCase reviewCase, ModelRun run, List<Claim> claims, List<Evidence> evidence,
                               ArtifactRef labelMap, List<ClaimCheck> checks) {
    }

    /**
     * Stores the case, run, claims, label-map artifact and evidence. The store commits each kind of record in
     * its own transaction (it has no wider one), so a failure part-way leaves the earlier records in place;
     * the artifact is written first so that no stored evidence ever points at a missing file.
     *
     * @param caseDraft the case; an existing case with the same study reference is reused
     * @param image     the image the labels were made from, for the claims' mean values
     * @param labels    the run's label map on the image's grid
     * @param unit      the unit of the image's values ("HU" for CT, "" for none)
     */
    public static ImportedCase add(ProjectStore store, CaseDraft caseDraft, Volume image, Volume labels,
                                   LabelDescriptions names, RunFacts run, String unit) {
        List<FindingClaim> findings = FindingClaims.fromSegmentation(labels, image, names, run.modelId(), unit);
        ReviewCase reviewCase = store.cases().stream().filter(c -> c.studyRef().equals(caseDraft.studyRef())).findFirst()
                .orElseGet(() -> store.importCases(List.of(caseDraft)).get(0));
        if (reviewCase.imageRef() == null && caseDraft.imageRef() != null) {
            reviewCase = store.setImageRef(reviewCase.id(), caseDraft.imageRef());
        }
        ArtifactRef artifact = writeLabels(store, labels, names, reviewCase.id());
        ModelRun stored = store.recordModelRun(new ModelRunDraft(reviewCase.id(), run.modelId(), run.modelVersion(),
                run.weightsSha256(), run.parametersJson(), run.engine(), run.device(), run.started(), run.ended()));
        List<ClaimDraft> drafts = new ArrayList<>();
        for (FindingClaim f : findings) {
            drafts.add(new ClaimDraft(reviewCase.id(), stored.id(), ClaimKind.FINDING, f.text(), f.labelValue(),
                    f.volumeMl(), "mL"));
        }
        List<Claim> claims = store.addClaims(drafts);
        List<EvidenceDraft> evidence = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            evidence.add(new EvidenceDraft(claims.get(i).id(), EvidenceKind.MASK, artifact, null, method(findings.get(i))));
        }
        List<Evidence> storedEvidence = store.addEvidence(evidence);
        List<ClaimCheck> checks = store.addChecks(FindingChecks.of(claims, labels, names));
        return new ImportedCase(reviewCase, stored, claims, storedEvidence, artifact, checks);
    }

    /**
     * The label map as a compressed NIfTI named for its case and a fresh number, so runs never overwrite each
     * other, with its names and colours beside it as an ITK-SNAP description that the viewer and other tools
     * read (written first, so the map never lies in the project without its names).
     */
    private static ArtifactRef writeLabels(ProjectStore store, Volume labels, LabelDescriptions names, long caseId) {
        String name = "case-" + caseId + "-labels-" + System.currentTimeMillis() + ".nii.gz";
        return NiftiArtifacts.store(store, labels, name, names, "the label map of case " + caseId);
    }

    /** Where a claim's mask evidence lies: its label value and the label's centroid in LPS millimetres. */
    public record MaskTarget(int labelValue, Vec3 centroidLps) {
    }

    /** Reads back what {@link #add} stored with mask evidence; empty for evidence of another kind or origin. */
    public static Optional<MaskTarget> target(Evidence e) {
        if (e.kind() != EvidenceKind.MASK || e.methodJson() == null) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(e.methodJson());
            JsonNode c = m.get("centroidLps");
            if (c == null || !c.isArray() || c.size() != 3 || !m.hasNonNull("labelValue")) {
                return Optional.empty();
            }
            return Optional.of(new MaskTarget(m.get("labelValue").asInt(),
                    new Vec3(c.get(0).asDouble(), c.get(1).asDouble(), c.get(2).asDouble())));
        } catch (IOException ex) {
            throw new IllegalArgumentException("evidence " + e.id() + " has unreadable method JSON: " + ex.getMessage(), ex);
        }
    }

    /** How the mask was made and where its label lies: what the viewer needs to show it without re-reading the mask. */
    static String method(FindingClaim f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "segmentation");
        m.put("labelValue", f.labelValue());
        m.put("labelName", f.labelName());
        m.put("centroidLps", List.of(f.centroidLps().x(), f.centroidLps().y(), f.centroidLps().z()));
        var b = f.boundingBox();
        m.put("boundingBoxIndex", List.of(List.of(b.min().i(), b.min().j(), b.min().k()), List.of(b.max().i(), b.max().j(), b.max().k())));
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("evidence method could not be written as JSON", e);
        }
    }
}
