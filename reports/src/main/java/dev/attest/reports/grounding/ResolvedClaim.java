package dev.attest.reports.grounding;

import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;

import java.util.List;

/**
 * A parsed sentence tied to the label map: what it is about ({@code target}), where it says that is
 * ({@code location}: the anatomy named, which for a sentence about an organ is the organ itself; null for a
 * lesion named without a place), the side and the patient x that side is judged from, and the qualifiers.
 * When something could not be tied, {@code problem} says why (null otherwise) and the other fields hold
 * what could be.
 *
 * @param claimedStructure   label values of the structure the claim places its finding in, on both sides
 *                           (for a lesion named without a place: its vocabulary site); empty if unknown
 * @param sideReferenceX     patient x (mm) that left and right are judged from; null when no side is named
 * @param sideReferenceSource what that x is, for explanations
 */
public record ResolvedClaim(ParsedPhrase phrase, Selection target, Selection location, List<Integer> claimedStructure,
                            String claimedConcept, Side side, Double sideReferenceX, String sideReferenceSource,
                            List<Part> parts, UngroundedReason problem, String problemDetail) {
    public ResolvedClaim {
        claimedStructure = List.copyOf(claimedStructure);
        parts = List.copyOf(parts);
    }

    public boolean resolved() {
        return problem == null;
    }
}
