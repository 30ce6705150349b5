package dev.attest.reports.grounding;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.anatomy.LabelComponent;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Part;

import java.util.List;

/**
 * Grounds a sentence to a region of the label map. For an organ: the voxels of its labels (the sided label
 * of a paired organ), cut to the half named by a side of an unpaired organ and then, one after another,
 * to the halves named by position qualifiers. For a lesion: the label's connected components whose
 * containing organ is one the sentence names and whose centroids lie in the named side and parts of it
 * (without a named place, the side of the body midline). Rules in detail: docs/reports.md.
 */
public final class PhraseGrounder {
    private PhraseGrounder() {
    }

    /** Reads the label map and grounds one sentence; for many sentences build one {@link AnatomyMap}. */
    public static Grounding ground(String text, Volume labels, ModelVocabulary vocabulary) {
        return ground(text, AnatomyMap.of(labels, vocabulary));
    }

    public static Grounding ground(String text, AnatomyMap anatomy) {
        ParsedPhrase phrase = PhraseParser.parse(text, anatomy.vocabulary());
        return ground(ClaimResolver.resolve(phrase, anatomy), anatomy);
    }

    /** Grounds a claim already resolved against this label map. */
    public static Grounding ground(ResolvedClaim claim, AnatomyMap anatomy) {
        ParsedPhrase phrase = claim.phrase();
        if (!claim.resolved()) {
            return new Grounding.Ungrounded(phrase, claim.problem(), claim.problemDetail());
        }
        double midline = anatomy.midlineX().orElse(0);
        Selection target = claim.target();
        VoxelMask region = target.kind() == ConceptKind.LESION
                ? lesionRegion(claim, anatomy, midline)
                : organRegion(claim, anatomy, midline);
        if (region.isEmpty()) {
            String what = anatomy.vocabulary().lexicon().concept(target.conceptId()).display();
            return target.kind() == ConceptKind.LESION
                    ? new Grounding.Ungrounded(phrase, UngroundedReason.NO_MATCHING_FINDING,
                    "no " + what + " component of " + anatomy.name() + " lies where \"" + phrase.text() + "\" places it")
                    : new Grounding.Ungrounded(phrase, UngroundedReason.EMPTY_REGION,
                    "the side and position qualifiers leave no voxel of the " + what);
        }
        ModelVocabulary v = anatomy.vocabulary();
        Selection location = claim.location();
        // The labels that hold the region's voxels: a group such as "lumbar spine" names L1-L5, but a map
        // may hold only some of them.
        List<Integer> labels = region.stream().map(anatomy::label).distinct().sorted().boxed().toList();
        return new Grounding.Grounded(phrase, target.conceptId(), labels, labels.stream().map(v::labelName).toList(),
                location == null ? null : location.conceptId(), location == null ? null : location.labels(),
                claim.side(), claim.sideReferenceX(), claim.parts(), region, region.bounds(), region.centroidLps());
    }

    private static VoxelMask organRegion(ResolvedClaim claim, AnatomyMap anatomy, double midline) {
        Selection target = claim.target();
        VoxelMask region = anatomy.mask(target.labels());
        if (claim.side() != null && target.splitBySide()) {
            region = RegionCuts.side(region, claim.side(), claim.sideReferenceX());
        }
        for (Part p : claim.parts()) {
            if (region.isEmpty()) {
                break;
            }
            region = RegionCuts.part(region, p, midline);
        }
        return region;
    }

    private static VoxelMask lesionRegion(ResolvedClaim claim, AnatomyMap anatomy, double midline) {
        Selection target = claim.target();
        Selection location = claim.location();
        VoxelMask place = location == null ? null : anatomy.mask(location.labels());
        boolean cutPlaceBySide = claim.side() != null && location != null && location.splitBySide();
        boolean cutLesionBySide = claim.side() != null && location == null && target.splitBySide();
        if (cutPlaceBySide) {
            place = RegionCuts.side(place, claim.side(), claim.sideReferenceX());
        }
        List<LabelComponent> candidates = target.labels().stream()
                .flatMap(l -> anatomy.components(l).stream())
                .filter(c -> location == null || location.labels().contains(c.containerLabel()))
                .filter(c -> !cutPlaceBySide && !cutLesionBySide
                        || RegionCuts.onSide(c.centroidLps(), claim.side(), claim.sideReferenceX()))
                .toList();
        if (!claim.parts().isEmpty() && !candidates.isEmpty()) {
            Vec3 centre = place != null && !place.isEmpty() ? place.centroidLps()
                    : unionOf(candidates, anatomy).centroidLps();
            candidates = candidates.stream()
                    .filter(c -> claim.parts().stream().allMatch(p -> RegionCuts.inPart(c.centroidLps(), p, centre, midline)))
                    .toList();
        }
        return unionOf(candidates, anatomy);
    }

    private static VoxelMask unionOf(List<LabelComponent> components, AnatomyMap anatomy) {
        VoxelMask out = VoxelMask.empty(anatomy.grid());
        for (LabelComponent c : components) {
            out = out.union(c.mask());
        }
        return out;
    }
}
