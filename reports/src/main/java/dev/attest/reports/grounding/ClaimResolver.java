package dev.attest.reports.grounding;

import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.lexicon.Concept;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;
import dev.attest.reports.lexicon.StructureEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Ties a {@link ParsedPhrase} to a label map. The target is the first lesion term the model labels, else
 * the first anatomy term; the location is the first anatomy term. A side picks the structures of that side
 * when the concept has any (the sided label of a paired organ); otherwise it is one half of the unpaired
 * structure, judged from the structure's own centroid. Left and right of everything else (a paired organ, a
 * lesion named without a place) are judged from the body midline.
 */
public final class ClaimResolver {
    private ClaimResolver() {
    }

    public static ResolvedClaim resolve(ParsedPhrase phrase, AnatomyMap anatomy) {
        ModelVocabulary v = anatomy.vocabulary();
        Side side = phrase.side().orElse(null);
        Problem problem = null;
        if (phrase.sides().size() > 1) {
            problem = new Problem(UngroundedReason.CONFLICTING_SIDES, "the sentence names both left and right");
        }
        for (Part p : phrase.parts()) {
            if (problem == null && phrase.parts().contains(p.opposite())) {
                problem = new Problem(UngroundedReason.CONFLICTING_PARTS,
                        "the sentence names both " + p.word() + " and " + p.opposite().word());
            }
        }
        Mention lesion = first(phrase, ConceptKind.LESION);
        Mention anatomyTerm = first(phrase, ConceptKind.ANATOMY, ConceptKind.BODY);
        Mention targetTerm = lesion != null ? lesion : anatomyTerm;
        if (targetTerm == null) {
            Problem none = phrase.mentions().isEmpty()
                    ? new Problem(UngroundedReason.NO_STRUCTURE, "no term of vocabulary " + v.vocabulary().id()
                    + " in \"" + phrase.text() + "\"")
                    : new Problem(UngroundedReason.NOT_IN_MODEL, notLabelled(phrase, v));
            return new ResolvedClaim(phrase, null, null, List.of(), null, side, null, "", phrase.parts(),
                    problem != null ? problem.reason : none.reason, problem != null ? problem.detail : none.detail);
        }
        Selection target = select(targetTerm, side, v);
        // A sided lesion label ("left kidney cyst") carries the side itself; its organ is then named whole.
        Side locationSide = lesion != null && side != null && !target.splitBySide() ? null : side;
        Selection location = lesion == null ? target
                : anatomyTerm == null ? null : select(anatomyTerm, locationSide, v);
        if (problem == null && side != null) {
            problem = noSuchSide(target, targetTerm, side, v);
        }
        if (problem == null && location != null && locationSide != null) {
            problem = noSuchSide(location, anatomyTerm, locationSide, v);
        }
        if (problem == null) {
            problem = absent(target, targetTerm, anatomy);
        }
        if (problem == null && location != null && location != target) {
            problem = absent(location, anatomyTerm, anatomy);
        }

        List<Integer> claimed;
        String claimedConcept;
        if (location != null) {
            claimed = location.allSides();
            claimedConcept = location.conceptId();
        } else {
            String site = v.lexicon().concept(target.conceptId()).site();
            claimed = site == null ? target.allSides() : v.values(site);
            claimedConcept = site == null ? target.conceptId() : site;
        }

        Double refX = null;
        String refSource = "";
        if (side != null) {
            Selection placed = location != null ? location : target;
            boolean ownCentroid = placed.splitBySide() && placed.kind() != ConceptKind.LESION
                    && !anatomy.mask(placed.labels()).isEmpty();
            if (ownCentroid) {
                refX = anatomy.mask(placed.labels()).centroidLps().x();
                refSource = "centroid of the " + v.lexicon().concept(placed.conceptId()).display();
            } else {
                OptionalDouble mid = anatomy.midlineX();
                refX = mid.isPresent() ? mid.getAsDouble() : null;
                refSource = "body midline (" + anatomy.midlineSource() + ")";
            }
        }
        return new ResolvedClaim(phrase, target, location, claimed, claimedConcept, side,
                refX, refSource, phrase.parts(), problem == null ? null : problem.reason,
                problem == null ? null : problem.detail);
    }

    /** The labels of a concept on the side named (all of them when none is). */
    static Selection select(Mention m, Side side, ModelVocabulary v) {
        List<Integer> all = v.values(m.conceptId());
        if (side == null) {
            return new Selection(m.conceptId(), m.kind(), all, all, false);
        }
        List<Integer> sided = new ArrayList<>();
        List<Integer> unsided = new ArrayList<>();
        for (int value : all) {
            Side s = v.structure(value).map(StructureEntry::side).orElse(null);
            if (s == side) {
                sided.add(value);
            } else if (s == null) {
                unsided.add(value);
            }
        }
        if (!sided.isEmpty()) {
            return new Selection(m.conceptId(), m.kind(), sided, all, false);
        }
        return new Selection(m.conceptId(), m.kind(), unsided, all, true);
    }

    private static Problem noSuchSide(Selection s, Mention m, Side side, ModelVocabulary v) {
        if (s.labels().isEmpty()) {
            return new Problem(UngroundedReason.NO_SUCH_SIDE, "this model labels no " + side.word() + " "
                    + v.lexicon().concept(m.conceptId()).display() + " (only " + names(s.allSides(), v) + ")");
        }
        return null;
    }

    private static Problem absent(Selection s, Mention m, AnatomyMap anatomy) {
        if (s.labels().stream().noneMatch(anatomy::isPresent)) {
            return new Problem(UngroundedReason.ABSENT_FROM_LABEL_MAP, "'" + m.words() + "' is "
                    + names(s.labels(), anatomy.vocabulary()) + ", which has no voxels in " + anatomy.name());
        }
        return null;
    }

    private static String notLabelled(ParsedPhrase phrase, ModelVocabulary v) {
        Mention m = phrase.mentions().get(0);
        Concept c = v.lexicon().concept(m.conceptId());
        return "'" + m.words() + "' names " + c.display() + ", which the model's label table does not hold";
    }

    private static String names(List<Integer> values, ModelVocabulary v) {
        return String.join(", ", values.stream().map(x -> v.labelName(x) + " (label " + x + ")").toList());
    }

    private static Mention first(ParsedPhrase phrase, ConceptKind... kinds) {
        for (Mention m : phrase.mentions()) {
            if (m.labelled() && List.of(kinds).contains(m.kind())) {
                return m;
            }
        }
        return null;
    }

    private record Problem(UngroundedReason reason, String detail) {
    }
}
