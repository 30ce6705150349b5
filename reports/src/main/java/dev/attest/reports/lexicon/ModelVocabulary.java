package dev.attest.reports.lexicon;

import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A vocabulary bound to the label table of the model in use: which label value is which structure, and so
 * which concepts this model can show. A label name matches a structure exactly or, failing that, ignoring
 * case, '*' and the difference between '-', '_' and spaces. Labels the vocabulary does not know are kept
 * (reported by {@link #unknownLabels()}) and treated as anatomy named by their own text. Immutable.
 */
public final class ModelVocabulary {
    private final Lexicon lexicon;
    private final LabelDescriptions labels;
    private final Map<Integer, StructureEntry> byValue = new TreeMap<>();
    private final Map<String, List<Integer>> valuesByConcept = new HashMap<>();
    private final Set<String> activeConcepts = new HashSet<>();
    private final List<LabelDescription> unknown = new ArrayList<>();

    private ModelVocabulary(Lexicon lexicon, LabelDescriptions labels) {
        this.lexicon = lexicon;
        this.labels = labels;
        Map<String, StructureEntry> exact = new HashMap<>();
        Map<String, StructureEntry> loose = new HashMap<>();
        for (StructureEntry s : lexicon.vocabulary().structures()) {
            exact.put(s.label(), s);
            loose.putIfAbsent(looseKey(s.label()), s);
        }
        for (LabelDescription d : labels.all()) {
            StructureEntry s = exact.getOrDefault(d.name(), loose.get(looseKey(d.name())));
            if (s == null) {
                unknown.add(d);
            } else {
                byValue.put(d.value(), s);
                valuesByConcept.computeIfAbsent(s.concept(), k -> new ArrayList<>()).add(d.value());
            }
        }
        for (Concept c : lexicon.vocabulary().concepts()) {
            if (!values(c.id()).isEmpty()) {
                activeConcepts.add(c.id());
            }
        }
    }

    /** Binds a vocabulary to a model's label table. */
    public static ModelVocabulary bind(Vocabulary vocabulary, LabelDescriptions labels) {
        return new ModelVocabulary(Lexicon.of(vocabulary), labels);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Vocabulary vocabulary() {
        return lexicon.vocabulary();
    }

    public LabelDescriptions labels() {
        return labels;
    }

    /** The structure a label value is, if the vocabulary knows its name. */
    public Optional<StructureEntry> structure(int value) {
        return Optional.ofNullable(byValue.get(value));
    }

    /** The concept of a label value; empty for a label the vocabulary does not know. */
    public Optional<Concept> concept(int value) {
        return structure(value).map(s -> lexicon.concept(s.concept()));
    }

    /** The kind of a label value; a label the vocabulary does not know counts as anatomy. */
    public ConceptKind kind(int value) {
        return concept(value).map(Concept::kind).orElse(ConceptKind.ANATOMY);
    }

    /** The label name in the model's table, or "label N". */
    public String labelName(int value) {
        return labels.get(value).map(LabelDescription::name).orElse("label " + value);
    }

    /** The words a report uses for a label: the vocabulary's display, else the label's own name. */
    public String display(int value) {
        return structure(value).map(StructureEntry::display).orElseGet(() -> labelName(value));
    }

    /** The label values of every structure in the concept's closure, ascending. */
    public List<Integer> values(String conceptId) {
        List<Integer> out = new ArrayList<>();
        for (String id : lexicon.closure(conceptId)) {
            out.addAll(valuesByConcept.getOrDefault(id, List.of()));
        }
        Collections.sort(out);
        return out;
    }

    /** Tells whether this model labels at least one structure of the concept. */
    public boolean isActive(String conceptId) {
        return activeConcepts.contains(conceptId);
    }

    /** Labels of the model's table whose names the vocabulary does not know. */
    public List<LabelDescription> unknownLabels() {
        return List.copyOf(unknown);
    }

    private static String looseKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("*", "").replaceAll("[-_\\s]+", " ").strip();
    }
}
