package dev.attest.reports.grounding;

import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.reports.OneVoxelPerLabel;
import dev.attest.reports.ReferenceData;
import dev.attest.reports.TestData;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Side;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synonyms land on the label names of the model in use, which differ between models for the same words. */
class LexiconMappingTest {
    private static AnatomyMap totalSegmentator;
    private static AnatomyMap model18;
    private static AnatomyMap model21;
    private static AnatomyMap whiteGrey;

    @BeforeAll
    static void bind() throws IOException {
        totalSegmentator = OneVoxelPerLabel.map(ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.TOTALSEGMENTATOR),
                LabelDescriptions.fromNifti(NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz")))));
        model18 = brainchop("model18cls/colormap.json");
        model21 = brainchop("model21_104class/colormap.json");
        whiteGrey = brainchop("model5_gw_ae/colormap3.json");
    }

    private static AnatomyMap brainchop(String colormap) {
        return OneVoxelPerLabel.map(ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.FREESURFER),
                ReferenceData.brainchopLabels(TestData.file("models/brainchop/" + colormap))));
    }

    private static ResolvedClaim resolve(String text, AnatomyMap map) {
        return ClaimResolver.resolve(PhraseParser.parse(text, map.vocabulary()), map);
    }

    private static List<String> labelNames(String text, AnatomyMap map) {
        ResolvedClaim c = resolve(text, map);
        assertTrue(c.resolved(), text + ": " + c.problemDetail());
        return c.target().labels().stream().map(map.vocabulary()::labelName).toList();
    }

    @Test
    void bodySynonymsNameTotalSegmentatorLabels() {
        assertEquals(List.of("kidney_right"), labelNames("right kidney", totalSegmentator));
        assertEquals(List.of("kidney_right"), labelNames("R kidney", totalSegmentator));
        assertEquals(List.of("kidney_right", "kidney_left"), labelNames("renal", totalSegmentator));
        assertEquals(List.of("kidney_right", "kidney_left"), labelNames("both kidneys", totalSegmentator));
        assertEquals(List.of("lung_lower_lobe_left"), labelNames("left lower lobe", totalSegmentator));
        assertEquals(List.of("lung_lower_lobe_left"), labelNames("LLL", totalSegmentator));
        assertEquals(List.of("lung_upper_lobe_left", "lung_lower_lobe_left"), labelNames("left lung", totalSegmentator));
        assertEquals(List.of("vertebrae_L1"), labelNames("L1 vertebra", totalSegmentator));
        assertEquals(List.of("vertebrae_L1"), labelNames("first lumbar vertebra", totalSegmentator));
        assertEquals(List.of("vertebrae_L1"), labelNames("1st lumbar vertebra", totalSegmentator));
        assertEquals(List.of("rib_left_3"), labelNames("left third rib", totalSegmentator));
        assertEquals(List.of("inferior_vena_cava"), labelNames("IVC", totalSegmentator));
        assertEquals(List.of("portal_vein_and_splenic_vein"), labelNames("portal vein", totalSegmentator));
        assertEquals(List.of("clavicula_right"), labelNames("right collarbone", totalSegmentator));
    }

    @Test
    void brainSynonymsFollowTheModelsOwnLabels() {
        assertEquals(List.of("Left-Hippocampus"), labelNames("left hippocampus", model21));
        assertEquals(List.of("Hippocampus"), labelNames("left hippocampus", model18));
        ResolvedClaim halved = resolve("left hippocampus", model18);
        assertTrue(halved.target().splitBySide(), "model18cls has one hippocampus label: the left is its left half");
        assertEquals(Side.LEFT, halved.side());
        assertEquals(List.of("Cerebral-White-Matter"), labelNames("cerebral white matter", model18));
        assertEquals(List.of("Left-Cerebral-White-Matter", "Right-Cerebral-White-Matter"),
                labelNames("cerebral white matter", model21));
        assertEquals(List.of("White Matter"), labelNames("cerebral white matter", whiteGrey));
        assertEquals(List.of("Cerebral-White-Matter", "Cerebellum-White-Matter"), labelNames("white matter", model18));
        assertEquals(List.of("ctx-lh-insula"), labelNames("left insular cortex", model21));
        assertEquals(List.of("ctx-rh-superiorfrontal"), labelNames("right superior frontal gyrus", model21));
        assertEquals(List.of("Left-Thalamus-Proper*"), labelNames("left thalamus", model21));
        assertEquals(List.of("3rd-Ventricle"), labelNames("third ventricle", model21));
    }

    @Test
    void wordsTheModelDoesNotLabelSayWhy() {
        ResolvedClaim c = resolve("left hippocampus", whiteGrey);
        assertEquals(UngroundedReason.NOT_IN_MODEL, c.problem());
        assertEquals("'hippocampus' names hippocampus, which the model's label table does not hold", c.problemDetail());
        assertEquals(UngroundedReason.NO_STRUCTURE, resolve("subdural haematoma", model21).problem());
    }
}
