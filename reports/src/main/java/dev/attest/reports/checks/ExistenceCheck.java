package dev.attest.reports.checks;

import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.grounding.ResolvedClaim;

/**
 * A positive claim needs evidence that shows something, a negated claim ("no nodule") evidence that shows
 * nothing. A mask shows something when it has a voxel, a box when it holds a voxel centre of the label map,
 * a heat map when its maximum exceeds its presence threshold. The value is the evidence mass.
 */
final class ExistenceCheck {
    private ExistenceCheck() {
    }

    static CheckResult evaluate(ResolvedClaim claim, Evidence evidence, EvidenceMass mass) {
        boolean negated = claim.phrase().negated();
        String shows = mass.present ? "the evidence shows something" : "the evidence shows nothing";
        String says = negated ? "the claim denies the finding (\"" + claim.phrase().negationCue() + "\")"
                : "the claim asserts a finding";
        Outcome outcome = negated != mass.present ? Outcome.PASS : Outcome.FAIL;
        return new CheckResult(CheckKind.EXISTENCE, outcome, mass.total, measure(evidence), says + " and " + shows);
    }

    private static String measure(Evidence evidence) {
        return switch (evidence) {
            case Evidence.Mask m -> "evidence voxels";
            case Evidence.Box b -> "label-map voxels inside the box";
            case Evidence.HeatMap h -> "sum of the heat map's positive values";
        };
    }
}
