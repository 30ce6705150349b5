package dev.attest.reports.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.reports.OneVoxelPerLabel;
import dev.attest.reports.ReferenceData;
import dev.attest.reports.TestData;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.PhraseGrounder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shipped vocabularies cover every label of the tables they were made for, read here from the sources
 * themselves (TotalSegmentator's NIfTI extension through core's reader, brainchop's colormaps, the phantom
 * and the demo model's manifest), and each label's display words ground back to exactly that label.
 */
class BuiltInVocabulariesTest {

    private static Map<String, LabelDescriptions> brainchopTables() throws IOException {
        Map<String, LabelDescriptions> out = new TreeMap<>();
        Path root = TestData.root().resolve("models/brainchop");
        try (DirectoryStream<Path> models = Files.newDirectoryStream(root)) {
            for (Path model : models) {
                try (DirectoryStream<Path> maps = Files.newDirectoryStream(model, "colormap*.json")) {
                    for (Path map : maps) {
                        out.put(root.relativize(map).toString(), ReferenceData.brainchopLabels(map));
                    }
                }
            }
        }
        return out;
    }

    private static LabelDescriptions totalSegmentator() throws IOException {
        return LabelDescriptions.fromNifti(NiftiReader.read(TestData.nifti("totalsegmentator_example_seg.nii.gz")));
    }

    private static LabelDescriptions demoManifest() throws IOException {
        JsonNode labels = new ObjectMapper().readTree(
                Path.of("../inference/src/main/resources/dev/attest/models/demo-ct-seg/manifest.json").toFile())
                .get("outputs").get(0).get("labels");
        List<LabelDescription> out = new ArrayList<>();
        labels.forEach(l -> {
            if (l.get("value").asInt() > 0) {
                out.add(new LabelDescription(l.get("value").asInt(), l.get("name").asText(), l.get("rgb").asInt()));
            }
        });
        return new LabelDescriptions(out);
    }

    @Test
    void everyShippedLabelTableIsFullyKnown() throws IOException {
        assertEquals(117, totalSegmentator().all().size());
        assertBoundWholly(Vocabularies.TOTALSEGMENTATOR, totalSegmentator());
        assertBoundWholly(Vocabularies.DEMO, CtPhantom.labelDescriptions());
        assertBoundWholly(Vocabularies.DEMO, demoManifest());
        Map<String, LabelDescriptions> brainchop = brainchopTables();
        assertEquals(8, brainchop.size());
        brainchop.values().forEach(t -> assertBoundWholly(Vocabularies.FREESURFER, t));
    }

    @Test
    void everyLabelsDisplayGroundsBackToThatLabelAlone() throws IOException {
        List<LabelDescriptions> tables = new ArrayList<>(List.of(totalSegmentator(), CtPhantom.labelDescriptions()));
        tables.addAll(brainchopTables().values());
        int checked = 0;
        for (LabelDescriptions table : tables) {
            ModelVocabulary v = Vocabularies.bestFor(table);
            AnatomyMap map = OneVoxelPerLabel.map(v);
            for (LabelDescription d : table.all()) {
                String display = v.display(d.value());
                Grounding g = PhraseGrounder.ground(display, map);
                Grounding.Grounded grounded = assertInstanceOf(Grounding.Grounded.class, g, display + " of " + d.name());
                assertEquals(List.of(d.value()), grounded.labels(), display + " of " + d.name());
                checked++;
            }
        }
        // TotalSegmentator, phantom, then brainchop: mindgrab, model18cls, model20chan3cls, model21_104class,
        // model30chan18cls, model30chan50cls, model5_gw_ae (colormap, colormap3).
        assertEquals(117 + 13 + 1 + 17 + 2 + 103 + 17 + 49 + 1 + 2, checked);
    }

    @Test
    void theBestVocabularyForATableIsTheOneMadeForIt() throws IOException {
        assertEquals(Vocabularies.TOTALSEGMENTATOR, Vocabularies.bestFor(totalSegmentator()).vocabulary().id());
        assertEquals(Vocabularies.DEMO, Vocabularies.bestFor(CtPhantom.labelDescriptions()).vocabulary().id());
        // A table of one label, "brain" or "brain mask", fits several vocabularies; the others are brainchop's own.
        brainchopTables().forEach((file, table) -> {
            if (table.all().size() > 1) {
                assertEquals(Vocabularies.FREESURFER, Vocabularies.bestFor(table).vocabulary().id(), file);
            }
        });
    }

    @Test
    void unknownLabelsAreKeptAndReadAsAnatomyByTheirOwnName() {
        ModelVocabulary v = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.DEMO), new LabelDescriptions(List.of(
                new LabelDescription(4, "liver", 0), new LabelDescription(7, "gallbladder stone", 0))));
        assertEquals(List.of("gallbladder stone"), v.unknownLabels().stream().map(LabelDescription::name).toList());
        assertEquals(ConceptKind.ANATOMY, v.kind(7));
        assertEquals("gallbladder stone", v.display(7));
        assertEquals("liver", v.display(4));
        // Loose matching: case, '-', '_' and '*' do not matter.
        ModelVocabulary loose = ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.FREESURFER),
                new LabelDescriptions(List.of(new LabelDescription(1, "left_thalamus_proper", 0))));
        assertEquals("Left-Thalamus-Proper*", loose.structure(1).orElseThrow().label());
    }

    @Test
    void anUnknownBuiltInIdIsRefusedWithTheKnownOnes() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Vocabularies.builtIn("radlex"));
        assertEquals("no built-in vocabulary \"radlex\"; known: [attest-demo-ct, totalsegmentator-v2, freesurfer-brainchop]",
                e.getMessage());
    }

    private static void assertBoundWholly(String id, LabelDescriptions table) {
        ModelVocabulary v = ModelVocabulary.bind(Vocabularies.builtIn(id), table);
        assertEquals(List.of(), v.unknownLabels().stream().map(LabelDescription::name).toList(), id);
        table.all().forEach(d -> assertEquals(d.name(), v.structure(d.value()).orElseThrow().label()));
    }
}
