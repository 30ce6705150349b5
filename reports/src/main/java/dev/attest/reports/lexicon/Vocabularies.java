package dev.attest.reports.lexicon;

import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vocabularies shipped as resources of this module: {@value #DEMO} (the CT phantom and the demo-ct-seg
 * model), {@value #TOTALSEGMENTATOR} (TotalSegmentator v2, 117 classes) and {@value #FREESURFER} (FreeSurfer
 * labels of the brainchop models). Each is read and validated once, on first use.
 */
public final class Vocabularies {
    public static final String DEMO = "attest-demo-ct";
    public static final String TOTALSEGMENTATOR = "totalsegmentator-v2";
    public static final String FREESURFER = "freesurfer-brainchop";
    private static final List<String> BUILT_IN = List.of(DEMO, TOTALSEGMENTATOR, FREESURFER);
    private static final Map<String, Vocabulary> CACHE = new ConcurrentHashMap<>();

    private Vocabularies() {
    }

    public static List<String> ids() {
        return BUILT_IN;
    }

    /**
     * Returns a built-in vocabulary.
     *
     * @throws IllegalArgumentException if no built-in vocabulary has this id
     * @throws IllegalStateException if the shipped resource is broken (a packaging fault, never user input)
     */
    public static Vocabulary builtIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new IllegalArgumentException("no built-in vocabulary \"" + id + "\"; known: " + BUILT_IN);
        }
        return CACHE.computeIfAbsent(id, Vocabularies::load);
    }

    /**
     * The built-in vocabulary that knows the most label names of the table (ties go to the earlier one in
     * {@link #ids()}), bound to it: the choice for a model whose manifest names no vocabulary.
     */
    public static ModelVocabulary bestFor(LabelDescriptions labels) {
        return BUILT_IN.stream()
                .map(id -> ModelVocabulary.bind(builtIn(id), labels))
                .max(Comparator.comparingInt((ModelVocabulary m) -> known(m, labels))
                        .thenComparing(m -> -BUILT_IN.indexOf(m.vocabulary().id())))
                .orElseThrow();
    }

    private static int known(ModelVocabulary m, LabelDescriptions labels) {
        return (int) labels.all().stream().map(LabelDescription::value).filter(v -> m.structure(v).isPresent()).count();
    }

    private static Vocabulary load(String id) {
        String resource = id + ".json";
        try (InputStream in = Vocabularies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in vocabulary resource is missing: " + resource);
            }
            return VocabularyReader.read(in, "classpath:dev/attest/reports/lexicon/" + resource);
        } catch (IOException e) {
            throw new IllegalStateException("built-in vocabulary " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
