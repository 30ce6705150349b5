package dev.attest.reports.checks;

import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.grounding.ClaimResolver;
import dev.attest.reports.grounding.ParsedPhrase;
import dev.attest.reports.grounding.PhraseParser;
import dev.attest.reports.grounding.ResolvedClaim;
import dev.attest.reports.lexicon.ModelVocabulary;

import java.util.List;

/**
 * Runs the automatic evidence-consistency checks of one claim against its evidence: existence, laterality,
 * location and size, always in that order, each PASS, FAIL or UNKNOWN with its number and reason. The
 * checks read the claim's text only through the phrase parser and are independent of each other, so an
 * altered claim (side flipped, organ swapped, size changed, negation added) changes only its own check.
 * Definitions and tolerances: docs/reports.md.
 */
public final class ConsistencyChecks {
    private ConsistencyChecks() {
    }

    /** Reads the label map and checks one claim; for many claims build one {@link AnatomyMap}. */
    public static List<CheckResult> run(String claimText, Evidence evidence, Volume labels, ModelVocabulary vocabulary) {
        return run(claimText, evidence, AnatomyMap.of(labels, vocabulary), Tolerances.DEFAULT);
    }

    public static List<CheckResult> run(String claimText, Evidence evidence, AnatomyMap anatomy) {
        return run(claimText, evidence, anatomy, Tolerances.DEFAULT);
    }

    public static List<CheckResult> run(String claimText, Evidence evidence, AnatomyMap anatomy, Tolerances tolerances) {
        ParsedPhrase phrase = PhraseParser.parse(claimText, anatomy.vocabulary());
        ResolvedClaim claim = ClaimResolver.resolve(phrase, anatomy);
        EvidenceMass mass = EvidenceMass.of(evidence, anatomy, claim.sideReferenceX());
        return List.of(
                ExistenceCheck.evaluate(claim, evidence, mass),
                LateralityCheck.evaluate(claim, mass, tolerances),
                LocationCheck.evaluate(claim, mass, anatomy.vocabulary(), tolerances),
                SizeCheck.evaluate(claim, evidence, anatomy, tolerances));
    }
}
