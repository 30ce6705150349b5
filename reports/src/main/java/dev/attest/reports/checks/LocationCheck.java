package dev.attest.reports.checks;

import dev.attest.reports.grounding.ResolvedClaim;
import dev.attest.reports.lexicon.ModelVocabulary;

import java.util.Locale;

/**
 * Compares the structure a claim places its finding in with the structure under the evidence peak, on the
 * location map (where a lesion's voxels read as the organ it lies in), ignoring sides: side is the
 * laterality check's business. Passes when the peak is in the claimed structure and at least
 * {@link Tolerances#locationInside()} of the mass is; fails when neither holds; the value is the fraction
 * inside.
 */
final class LocationCheck {
    private LocationCheck() {
    }

    static CheckResult evaluate(ResolvedClaim claim, EvidenceMass mass, ModelVocabulary v, Tolerances t) {
        if (claim.claimedStructure().isEmpty()) {
            return CheckResult.unknown(CheckKind.LOCATION, claim.problemDetail() != null ? claim.problemDetail()
                    : "the claim names no structure");
        }
        if (!(mass.total > 0)) {
            return CheckResult.unknown(CheckKind.LOCATION, "the evidence has no mass to place");
        }
        double fraction = mass.inside(claim.claimedStructure()) / mass.total;
        boolean peakInside = claim.claimedStructure().contains(mass.peakStructure);
        Outcome outcome = peakInside && fraction >= t.locationInside() ? Outcome.PASS
                : !peakInside && fraction < t.locationInside() ? Outcome.FAIL : Outcome.UNKNOWN;
        String claimed = v.lexicon().concept(claim.claimedConcept()).display();
        String peak = mass.peakStructure == 0 ? "no labelled structure"
                : v.labelName(mass.peakStructure) + " (label " + mass.peakStructure + ")";
        String reason = String.format(Locale.ROOT, "%s %s; %.0f%% of the evidence mass is inside the claimed %s",
                capitalise(mass.peakRule), peak, 100 * fraction, claimed);
        return new CheckResult(CheckKind.LOCATION, outcome, fraction, "fraction of evidence mass inside the claimed structure",
                reason);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? "The evidence lies in" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
