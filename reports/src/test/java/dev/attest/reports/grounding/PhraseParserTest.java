package dev.attest.reports.grounding;

import dev.attest.core.labels.LabelDescriptions;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentence grammar: negation, sides and qualifiers, sizes and volumes, terms and abbreviations. */
class PhraseParserTest {
    private static final ModelVocabulary TS = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.TOTALSEGMENTATOR),
            LabelDescriptions.empty());

    /** Parses with every TotalSegmentator concept counted as labelled. */
    private static ParsedPhrase parse(String text) {
        return PhraseParser.parse(text, TS.lexicon(), id -> true);
    }

    private static List<String> concepts(ParsedPhrase p) {
        return p.mentions().stream().map(Mention::conceptId).toList();
    }

    @Test
    void negationCuesNegateAndPseudoNegationsDoNot() {
        assertEquals("no", parse("No focal liver lesion.").negationCue());
        assertEquals("without", parse("Kidneys without hydronephrosis.").negationCue());
        assertEquals("absent", parse("Left kidney absent.").negationCue());
        assertEquals("not seen", parse("The gallbladder is not seen.").negationCue());
        assertEquals("negative for", parse("Negative for pulmonary nodules.").negationCue());
        assertEquals("free of", parse("Liver free of lesions.").negationCue());
        assertTrue(parse("No evidence of a mass in the right kidney.").negated());
        for (String positive : new String[] {"No change in the 3 cm nodule of the left lower lobe.",
            "No interval change of the hepatic lesion.", "Metastasis cannot be ruled out.", "Not only the liver.",
            "Liver volume 1,512 mL.", "Nodule in the inferior lobe"}) {
            ParsedPhrase p = parse(positive);
            assertFalse(p.negated(), positive);
            assertEquals(null, p.negationCue(), positive);
        }
    }

    @Test
    void sidesAreReadFromWordsAbbreviationsAndLabelNames() {
        assertEquals(List.of(Side.RIGHT), parse("R kidney").sides());
        assertEquals(List.of(Side.LEFT), parse("lt kidney").sides());
        assertEquals(List.of(Side.LEFT), parse("kidney_left").sides());
        assertEquals(List.of(Side.LEFT), parse("LLL nodule").sides());
        assertEquals(List.of(Side.RIGHT, Side.LEFT), parse("right kidney larger than left").sides());
        assertEquals(List.of(), parse("L1 vertebra").sides());
        // Sides are taken out before terms, so a side inside a term still leaves the term whole.
        assertEquals(List.of("rib_3"), concepts(parse("third left rib")));
    }

    @Test
    void positionQualifiersAreWhatTermsLeaveOver() {
        assertEquals(List.of(Part.SUPERIOR), parse("upper pole of the left kidney").parts());
        assertEquals(List.of(Part.INFERIOR, Part.POSTERIOR), parse("lower posterior liver").parts());
        assertEquals(List.of(Part.ANTERIOR, Part.MEDIAL), parse("anterior medial spleen").parts());
        assertEquals(List.of(Part.LATERAL), parse("lateral part of the right kidney").parts());
        // "inferior lobe" is a term (the lower lobe), so only "superior" is left to qualify it.
        assertEquals(List.of(Part.SUPERIOR), parse("superior and inferior lobe").parts());
        assertEquals(List.of(Part.SUPERIOR, Part.INFERIOR), parse("upper and lower pole of the kidney").parts());
        // "upper lobe" and "inferior vena cava" are names: their words are not qualifiers.
        assertEquals(List.of(), parse("left upper lobe").parts());
        assertEquals(List.of("upper_lobe"), concepts(parse("left upper lobe")));
        assertEquals(List.of(), parse("inferior vena cava").parts());
        assertEquals(List.of(Part.INFERIOR), parse("lower part of the upper lobe").parts());
    }

    @Test
    void sizesAreReadInMillimetres() {
        assertEquals(List.of(30.0), parse("3 cm nodule").sizes().get(0).dimensionsMm());
        assertEquals(List.of(12.0), parse("12 mm nodule").sizes().get(0).dimensionsMm());
        SizeClaim two = parse("1.5 x 2 cm mass in the liver").sizes().get(0);
        assertEquals(List.of(15.0, 20.0), two.dimensionsMm());
        assertEquals(20.0, two.largestMm());
        assertEquals("1.5 x 2 cm", two.text());
        assertEquals(List.of(15.0, 20.0, 31.0), parse("15×20×31mm lesion").sizes().get(0).dimensionsMm());
        assertEquals(List.of(15.0, 20.0), parse("1.5 by 2 centimetres").sizes().get(0).dimensionsMm());
        assertEquals(List.of(8.0), parse("8 millimeters").sizes().get(0).dimensionsMm());
        assertEquals(List.of(30.0), parse("3cm").sizes().get(0).dimensionsMm());
        // A decimal comma is not a thousands separator: nothing is read rather than 5 cm.
        assertEquals(List.of(), parse("1,5 cm nodule").sizes());
        assertEquals(List.of(), parse("L3 cm").sizes());
        assertEquals(List.of(), parse("T12 vertebra").sizes());
    }

    @Test
    void volumesAreReadInMillilitresWithThousandsSeparators() {
        VolumeClaim v = parse("Liver volume 1,512 mL.").volumes().get(0);
        assertEquals(1512.0, v.millilitres());
        assertEquals("1,512 mL", v.text());
        assertEquals(1234567.5, parse("1,234,567.5 ml").volumes().get(0).millilitres());
        assertEquals(3.5, parse("3.5 cc").volumes().get(0).millilitres());
        assertEquals(12.0, parse("12 cm3").volumes().get(0).millilitres());
        assertEquals(12.0, parse("12 cm³").volumes().get(0).millilitres());
        assertEquals(List.of(), parse("12 cm³").sizes());
        assertEquals(List.of(), parse("1,512 mL").sizes());
    }

    @Test
    void termsMatchLongestFirstAndNoteFindingNouns() {
        assertEquals(List.of("kidney"), concepts(parse("right kidney")));
        assertEquals(List.of("kidney"), concepts(parse("renal")));
        assertEquals(List.of("lower_lobe"), concepts(parse("LLL")));
        assertEquals(List.of("vertebra_L1"), concepts(parse("L1 vertebra")));
        assertEquals(List.of("vertebra_L1"), concepts(parse("first lumbar vertebra")));
        assertEquals(List.of("vertebra_L1"), concepts(parse("vertebrae_L1")));
        assertEquals(List.of("upper_lobe", "lung"), concepts(parse("upper lobe of the left lung")));
        assertEquals(List.of("portal_and_splenic_vein"), concepts(parse("splenic vein")));
        assertEquals(List.of("spleen"), concepts(parse("splenic")));
        assertEquals(List.of("kidney_cyst", "kidney"), concepts(parse("Renal cyst in the left kidney")));
        assertEquals(ConceptKind.LESION, parse("renal cyst").mentions().get(0).kind());
        ParsedPhrase nodule = parse("3 cm nodule in the right lower lobe");
        assertEquals(List.of("nodule"), nodule.findingWords());
        assertEquals(List.of("lower_lobe"), concepts(nodule));
        assertEquals(List.of(), concepts(parse("pleural effusion")));
        assertEquals(List.of("effusion"), parse("pleural effusion").findingWords());
    }

    @Test
    void termsOfLabelledConceptsWinOverLongerTermsOfOthers() {
        ModelVocabulary fs50 = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.FREESURFER),
                new LabelDescriptions(List.of(new dev.attest.core.labels.LabelDescription(1, "Corpus callosum", 0))));
        ParsedPhrase p = PhraseParser.parse("anterior corpus callosum", fs50);
        assertEquals(List.of(new Mention("corpus_callosum", ConceptKind.ANATOMY, "corpus callosum", true)), p.mentions());
        assertEquals(List.of(Part.ANTERIOR), p.parts());
        ParsedPhrase other = PhraseParser.parse("left hippocampus", fs50);
        assertEquals(List.of(new Mention("hippocampus", ConceptKind.ANATOMY, "hippocampus", false)), other.mentions());
    }
}
