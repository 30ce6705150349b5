package dev.attest.reports.checks;

import dev.attest.reports.grounding.ResolvedClaim;
import dev.attest.reports.lexicon.Side;

import java.util.Locale;

/**
 * Compares the side a claim names with the side holding the evidence mass in patient LPS (left = +x). Left
 * and right are judged from the x the claim resolves to: the body midline, or the centroid of the unpaired
 * structure whose half is named. The value is the fraction of the mass on the claimed side (mass exactly on
 * the reference counts half).
 */
final class LateralityCheck {
    private LateralityCheck() {
    }

    static CheckResult evaluate(ResolvedClaim claim, EvidenceMass mass, Tolerances t) {
        Side side = claim.side();
        if (claim.phrase().sides().size() > 1) {
            return CheckResult.unknown(CheckKind.LATERALITY, "the claim names both sides");
        }
        if (side == null) {
            return CheckResult.unknown(CheckKind.LATERALITY, "the claim names no side");
        }
        if (claim.sideReferenceX() == null) {
            return CheckResult.unknown(CheckKind.LATERALITY, "no reference for left and right: " + claim.sideReferenceSource());
        }
        if (!(mass.total > 0)) {
            return CheckResult.unknown(CheckKind.LATERALITY, "the evidence has no mass to place");
        }
        double onSide = (side == Side.LEFT ? mass.left : mass.right) + mass.onReference / 2;
        double fraction = onSide / mass.total;
        Outcome outcome = fraction >= t.lateralityPass() ? Outcome.PASS
                : fraction <= t.lateralityFail() ? Outcome.FAIL : Outcome.UNKNOWN;
        String reason = String.format(Locale.ROOT, "%.0f%% of the evidence mass lies on the patient's %s of x = %.1f mm (%s)",
                100 * fraction, side.word(), claim.sideReferenceX(), claim.sideReferenceSource())
                + (outcome == Outcome.UNKNOWN ? "; it straddles the reference" : "");
        return new CheckResult(CheckKind.LATERALITY, outcome, fraction, "fraction of evidence mass on the claimed side",
                reason);
    }
}
