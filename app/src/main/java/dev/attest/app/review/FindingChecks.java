package dev.attest.app.review;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.checks.ConsistencyChecks;
import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;

import java.util.ArrayList;
import java.util.List;

/**
 * The automatic evidence-consistency checks of a segmentation run's finding claims: each claim's text is
 * grounded with the built-in vocabulary that knows the model's labels best and checked against its own
 * mask (existence, laterality, location, size), so the reviewer sees likely inconsistencies first.
 */
public final class FindingChecks {
    private FindingChecks() {
    }

    /** Check results to store for the claims that carry a label of labels; claims without a label get none. */
    public static List<ClaimCheckDraft> of(List<Claim> claims, Volume labels, LabelDescriptions names) {
        ModelVocabulary vocabulary = Vocabularies.bestFor(names);
        AnatomyMap anatomy = AnatomyMap.of(labels, vocabulary);
        List<ClaimCheckDraft> out = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.labelValue() == null) {
                continue;
            }
            Evidence evidence = new Evidence.Mask(anatomy.mask(claim.labelValue()));
            out.addAll(ReportClaims.drafts(claim.id(), ConsistencyChecks.run(claim.text(), evidence, anatomy)));
        }
        return out;
    }
}
