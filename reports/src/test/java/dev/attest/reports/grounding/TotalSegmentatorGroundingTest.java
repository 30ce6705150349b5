package dev.attest.reports.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.reports.ReferenceData;
import dev.attest.reports.TestData;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grounding on TotalSegmentator's example label map (3 mm, stored RAS), against regions computed with
 * nibabel + numpy by tools/reference/make_grounding_refs.py: same voxels (count and index sum), same
 * centroid, and the sides and halves where they belong in patient LPS.
 */
class TotalSegmentatorGroundingTest {
    private static AnatomyMap anatomy;
    private static JsonNode reference;

    @BeforeAll
    static void read() throws IOException {
        NiftiImage seg = NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        ModelVocabulary vocabulary = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.TOTALSEGMENTATOR),
                LabelDescriptions.fromNifti(seg));
        anatomy = AnatomyMap.of(seg.volume(), vocabulary);
        reference = ReferenceData.grounding();
    }

    private static Grounding.Grounded ground(String phrase) {
        return assertInstanceOf(Grounding.Grounded.class, PhraseGrounder.ground(phrase, anatomy), phrase);
    }

    @Test
    void groundedRegionsAreTheVoxelsNumpyFinds() {
        int n = 0;
        for (Map.Entry<String, JsonNode> e : reference.get("totalsegmentator").properties()) {
            Grounding.Grounded g = ground(e.getKey());
            JsonNode ref = e.getValue();
            assertEquals(ReferenceData.ints(ref.get("labels")), g.labels(), e.getKey());
            assertEquals(ref.get("count").asInt(), g.region().count(), e.getKey());
            assertEquals(ref.get("linear_index_sum").asLong(), IntStream.of(g.region().indices()).asLongStream().sum(),
                    e.getKey());
            JsonNode c = ref.get("centroid_lps");
            assertEquals(0, g.centroidLps().distance(new Vec3(c.get(0).asDouble(), c.get(1).asDouble(),
                    c.get(2).asDouble())), 1e-6, e.getKey());
            n++;
        }
        assertEquals(27, n);
    }

    @Test
    void midlineIsTheCentroidOfSpineAndSpinalCord() {
        assertEquals(reference.get("totalsegmentator_midline").get("x").asDouble(), anatomy.midlineX().orElseThrow(), 1e-9);
        assertEquals("centroid of vertebrae_L2, vertebrae_L1, vertebrae_T12, vertebrae_T11, spinal_cord",
                anatomy.midlineSource());
    }

    @Test
    void pairedStructuresLieOnTheirSideInPatientLps() {
        double midline = anatomy.midlineX().orElseThrow();
        for (String left : new String[] {"left kidney", "left lower lobe", "LLL", "left upper lobe", "left lung",
            "left 7th rib", "left half of the L1 vertebra"}) {
            double x = ground(left).centroidLps().x();
            assertTrue(x > 0 && x > midline, left + " at x = " + x);
        }
        for (String right : new String[] {"right kidney", "R kidney", "right lower lobe", "right half of the L1 vertebra"}) {
            double x = ground(right).centroidLps().x();
            assertTrue(x < 0 && x < midline, right + " at x = " + x);
        }
    }

    @Test
    void upperAndLowerHalvesAreOrderedAlongPatientZ() {
        assertTrue(ground("upper pole of the right kidney").centroidLps().z()
                > ground("lower pole of the right kidney").centroidLps().z());
        assertTrue(ground("upper part of the left lower lobe").centroidLps().z()
                > ground("lower part of the left lower lobe").centroidLps().z());
        assertTrue(ground("anterior left lower lobe").centroidLps().y() < ground("left lower lobe").centroidLps().y());
        assertTrue(Math.abs(ground("medial part of the left kidney").centroidLps().x() - anatomy.midlineX().orElseThrow())
                < Math.abs(ground("lateral part of the left kidney").centroidLps().x() - anatomy.midlineX().orElseThrow()));
    }

    /**
     * This CT holds only the lung bases (z up to 181 mm). There the left upper lobe is its lingula, which
     * lies in front of the lower lobe and reaches further down: the upper lobe is anterior to the lower
     * lobe, and its centroid is 4.3 mm lower. Grounding reports the labels' true positions; "upper" in
     * "upper lobe" is a name, not a qualifier.
     */
    @Test
    void atTheLungBaseTheUpperLobeLiesInFrontOfTheLowerLobe() {
        Vec3 upper = ground("left upper lobe").centroidLps();
        Vec3 lower = ground("left lower lobe").centroidLps();
        assertTrue(upper.y() < lower.y() - 100, "upper lobe anterior: " + upper + " vs " + lower);
        assertEquals(-4.321, upper.z() - lower.z(), 1e-3);
        assertEquals(java.util.List.of(), ground("left upper lobe").parts());
    }

    @Test
    void namesThatCannotBePlacedSayWhy() {
        Map<String, UngroundedReason> cases = Map.of(
                "right upper lobe", UngroundedReason.ABSENT_FROM_LABEL_MAP,
                "third left rib", UngroundedReason.ABSENT_FROM_LABEL_MAP,
                "left middle lobe", UngroundedReason.NO_SUCH_SIDE,
                "right atrial appendage", UngroundedReason.NO_SUCH_SIDE,
                "pleural effusion", UngroundedReason.NO_STRUCTURE,
                "upper and lower pole of the left kidney", UngroundedReason.CONFLICTING_PARTS,
                "left and right kidney", UngroundedReason.CONFLICTING_SIDES,
                "left kidney cyst", UngroundedReason.ABSENT_FROM_LABEL_MAP);
        cases.forEach((phrase, reason) -> assertEquals(reason,
                assertInstanceOf(Grounding.Ungrounded.class, PhraseGrounder.ground(phrase, anatomy), phrase).reason(), phrase));
        Grounding.Ungrounded middle = (Grounding.Ungrounded) PhraseGrounder.ground("left middle lobe", anatomy);
        assertEquals("this model labels no left middle lobe (only lung_middle_lobe_right (label 13))", middle.detail());
        Grounding.Ungrounded absent = (Grounding.Ungrounded) PhraseGrounder.ground("right upper lobe", anatomy);
        assertTrue(absent.detail().startsWith("'upper lobe' is lung_upper_lobe_right (label 12), which has no voxels in "),
                absent.detail());
    }
}
