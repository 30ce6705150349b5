package dev.attest.reports.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.reports.ReferenceData;
import dev.attest.reports.TestData;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.GridMismatchException;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.PhraseGrounder;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import dev.attest.core.phantom.CtPhantom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of TotalSegmentator's example segmentation over its CT, against numpy: one sentence per label
 * present with the volume text, voxel count and mean HU numpy gives, and each sentence grounding back.
 */
class TotalSegmentatorReportTest {
    private static AnatomyMap anatomy;
    private static NiftiImage ct;
    private static List<ReportSentence> report;

    @BeforeAll
    static void generate() throws IOException {
        NiftiImage seg = NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz"));
        ct = NiftiReader.read(TestData.nifti("totalsegmentator_example_ct_sm.nii.gz"));
        ModelVocabulary vocabulary = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.TOTALSEGMENTATOR),
                LabelDescriptions.fromNifti(seg));
        anatomy = AnatomyMap.of(seg.volume(), vocabulary);
        report = ReportGenerator.generate(anatomy, ct.volume(), "HU");
    }

    @Test
    void sentencesVolumesAndMeansAreThoseNumpyGives() {
        JsonNode expected = ReferenceData.grounding().get("totalsegmentator_sentences");
        List<String> texts = new ArrayList<>();
        expected.forEach(e -> texts.add(e.get("text").asText()));
        assertEquals(texts, report.stream().map(ReportSentence::text).toList());
        for (int i = 0; i < report.size(); i++) {
            Finding f = report.get(i).finding();
            JsonNode e = expected.get(i);
            assertEquals(e.get("label").asInt(), f.label());
            assertEquals(e.get("name").asText(), f.labelName());
            assertEquals(e.get("voxels").asLong(), f.voxelCount());
            assertEquals(e.get("volume_ml").asDouble(), f.volumeMl(), 1e-9);
            assertEquals(e.get("mean_hu").asDouble(), f.meanValue(), 1e-9);
            assertEquals(FindingKind.ORGAN_VOLUME, f.kind());
        }
        assertEquals("Liver volume 1,043 mL.", report.get(4).text());
        assertEquals("Right middle lobe volume 0.03 mL.", report.get(11).text());
    }

    @Test
    void everySentenceGroundsBackToItsLabel() {
        for (ReportSentence s : report) {
            Grounding.Grounded g = assertInstanceOf(Grounding.Grounded.class, PhraseGrounder.ground(s.text(), anatomy), s.text());
            assertEquals(List.of(s.finding().label()), g.labels(), s.text());
            assertEquals(s.mask(), g.region(), s.text());
        }
    }

    @Test
    void boxesCoverWholeVoxelsInPatientMillimetres() {
        JsonNode expected = ReferenceData.grounding().get("totalsegmentator_sentences");
        for (int i = 0; i < report.size(); i++) {
            JsonNode min = expected.get(i).get("box_min");
            JsonNode max = expected.get(i).get("box_max");
            PatientBox box = report.get(i).box();
            assertEquals(0, box.min().distance(new Vec3(min.get(0).asDouble(), min.get(1).asDouble(), min.get(2).asDouble())),
                    1e-6, report.get(i).text());
            assertEquals(0, box.max().distance(new Vec3(max.get(0).asDouble(), max.get(1).asDouble(), max.get(2).asDouble())),
                    1e-6, report.get(i).text());
        }
    }

    @Test
    void refusesAnImageOnAnotherGrid() {
        Exception e = assertThrows(GridMismatchException.class, () -> ReportGenerator.generate(anatomy,
                CtPhantom.generate(8, 8, 8, 1, 1, 0, 1).ct(), "HU"));
        assertTrue(e.getMessage().contains("totalsegmentator_example_seg.nii.gz"), e.getMessage());
    }
}
