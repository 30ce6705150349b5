package dev.attest.reports.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.Vec3;
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
 * Grounding on a brain label map stored LIA (FreeSurfer-conformed 256^3): the ONNX Runtime white/grey
 * matter segmentation of brainchop's sample T1, with the labels of brainchop's colormap3. Unpaired labels
 * are halved at their centroid; the regions must be the voxels numpy finds.
 */
class BrainGroundingTest {
    private static AnatomyMap anatomy;
    private static JsonNode reference;

    @BeforeAll
    static void read() throws IOException {
        NiftiImage seg = NiftiReader.read(TestData.file("models/reference-outputs/t1_crop_model5_gw_ae_onnxruntime_seg.nii.gz"));
        assertEquals("LIA", seg.volume().grid().orientationCode());
        ModelVocabulary vocabulary = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.FREESURFER),
                ReferenceData.brainchopLabels(TestData.file("models/brainchop/model5_gw_ae/colormap3.json")));
        anatomy = AnatomyMap.of(seg.volume(), vocabulary);
        reference = ReferenceData.grounding();
    }

    @Test
    void halvesOfUnpairedBrainLabelsAreTheVoxelsNumpyFinds() {
        for (Map.Entry<String, JsonNode> e : reference.get("brain").properties()) {
            Grounding.Grounded g = assertInstanceOf(Grounding.Grounded.class, PhraseGrounder.ground(e.getKey(), anatomy),
                    e.getKey());
            JsonNode ref = e.getValue();
            assertEquals(ReferenceData.ints(ref.get("labels")), g.labels(), e.getKey());
            assertEquals(ref.get("count").asInt(), g.region().count(), e.getKey());
            assertEquals(ref.get("linear_index_sum").asLong(), IntStream.of(g.region().indices()).asLongStream().sum(),
                    e.getKey());
            JsonNode c = ref.get("centroid_lps");
            assertEquals(0, g.centroidLps().distance(new Vec3(c.get(0).asDouble(), c.get(1).asDouble(),
                    c.get(2).asDouble())), 1e-6, e.getKey());
        }
        assertEquals(reference.get("brain_midline_x").asDouble(), anatomy.midlineX().orElseThrow(), 1e-9);
    }

    @Test
    void leftWhiteMatterIsPatientLeftThoughTheFileRunsRightToLeft() {
        Grounding.Grounded left = (Grounding.Grounded) PhraseGrounder.ground("left white matter", anatomy);
        Grounding.Grounded right = (Grounding.Grounded) PhraseGrounder.ground("right white matter", anatomy);
        assertTrue(left.centroidLps().x() > left.sideReferenceX() && right.centroidLps().x() < right.sideReferenceX());
        assertEquals(left.sideReferenceX(), right.sideReferenceX());
        // "cerebral" has no label in a white/grey model, so "left cerebral white matter" is left white matter.
        assertEquals(left.region(), ((Grounding.Grounded) PhraseGrounder.ground("left cerebral white matter", anatomy)).region());
    }
}
