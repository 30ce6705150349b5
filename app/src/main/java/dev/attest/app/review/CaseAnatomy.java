package dev.attest.app.review;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.lexicon.Vocabularies;

import java.util.Objects;
import java.util.Optional;

/**
 * One case's segmentation as the report code reads it: the label map of a segmentation run, read once into an
 * {@link AnatomyMap} with the built-in vocabulary that knows its names best, the project artifact holding that
 * map (so sentences point at it rather than copying it), and the image for the sentences' mean values.
 *
 * @param caseId   the project case
 * @param runId    the segmentation run that made the label map
 * @param labelMap the label-map artifact that the run's finding claims show as evidence
 * @param image    the image on the label map's grid, or null when only the labels are at hand
 * @param unit     the unit of the image's values ("HU" for CT, "" when none)
 */
public record CaseAnatomy(long caseId, long runId, ArtifactRef labelMap, AnatomyMap anatomy, Volume image, String unit) {
    public CaseAnatomy {
        Objects.requireNonNull(labelMap, "labelMap");
        Objects.requireNonNull(anatomy, "anatomy");
        unit = unit == null ? "" : unit;
    }

    /** The anatomy of a run that {@link CaseImport#add} has just stored. */
    public static CaseAnatomy of(CaseImport.ImportedCase imported, Volume image, Volume labels, LabelDescriptions names,
                                 String unit) {
        return new CaseAnatomy(imported.reviewCase().id(), imported.run().id(), imported.labelMap(),
                AnatomyMap.of(labels, Vocabularies.bestFor(names)), image, unit);
    }

    /**
     * The anatomy of the case's newest segmentation run from what the project stores, for a case reopened
     * without its model: the label-map artifact of the newest finding evidence, with the labels and image
     * already read by the caller (CaseReopen).
     */
    public static Optional<CaseAnatomy> of(ProjectStore store, ReviewCase c, Volume image, Volume labels,
                                           LabelDescriptions names, String unit) {
        return newestLabelMapEvidence(store, c.id()).map(found -> new CaseAnatomy(c.id(), found.runId(),
                found.evidence().artifact(), AnatomyMap.of(labels, Vocabularies.bestFor(names)), image, unit));
    }

    /** A finding claim's label-map evidence and the run of that claim. */
    record RunEvidence(long runId, Evidence evidence) {
    }

    /**
     * The newest mask evidence of a segmentation finding of the case: the label map of the case's newest run.
     * Sentence and phrase evidence is skipped because a grounded region is not a label map.
     */
    static Optional<RunEvidence> newestLabelMapEvidence(ProjectStore store, long caseId) {
        RunEvidence newest = null;
        for (Claim claim : store.claims(caseId)) {
            if (claim.kind() != ClaimKind.FINDING || claim.runId() == null) {
                continue;
            }
            for (Evidence e : store.evidence(claim.id())) {
                if (e.kind() == EvidenceKind.MASK && e.artifact() != null
                        && (newest == null || e.id() > newest.evidence().id())) {
                    newest = new RunEvidence(claim.runId(), e);
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}
