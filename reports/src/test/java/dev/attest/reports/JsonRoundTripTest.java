package dev.attest.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.checks.CheckResult;
import dev.attest.reports.checks.ConsistencyChecks;
import dev.attest.reports.findings.ReportGenerator;
import dev.attest.reports.findings.ReportSentence;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.PhraseGrounder;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Vocabularies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sentences, groundings and check results are stored and exported as JSON and read back equal. */
class JsonRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AnatomyMap anatomy;
    private static List<ReportSentence> report;

    @BeforeAll
    static void setUp() {
        CtPhantom.Result phantom = CtPhantom.generate(64, 48, 40, 5, 5, 10, 3);
        anatomy = AnatomyMap.of(phantom.labels(), ModelVocabulary.bind(Vocabularies.builtIn(Vocabularies.DEMO),
                CtPhantom.labelDescriptions()));
        report = ReportGenerator.generate(anatomy, phantom.ct(), "HU");
    }

    @Test
    void reportSentencesRoundTrip() throws Exception {
        String text = JSON.writeValueAsString(report);
        assertEquals(report, JSON.readValue(text, new TypeReference<List<ReportSentence>>() { }));
        JsonNode first = JSON.readTree(text).get(0);
        assertEquals(List.of("text", "finding", "mask", "box"), fieldNames(first));
        assertEquals(List.of("size", "indexToLps", "runs"), fieldNames(first.get("mask")));
    }

    @Test
    void checkResultsRoundTrip() throws Exception {
        List<CheckResult> results = new ArrayList<>();
        for (ReportSentence s : report) {
            results.addAll(ConsistencyChecks.run(s.text(), s.asEvidence(), anatomy));
        }
        String text = JSON.writeValueAsString(results);
        assertEquals(results, JSON.readValue(text, new TypeReference<List<CheckResult>>() { }));
        // An undecided check has no number, and leaves the field out rather than writing a non-JSON NaN:
        // the liver's sentence names no side.
        assertEquals("Liver volume", report.get(2).text().substring(0, 12));
        assertEquals(List.of("check", "outcome", "reason"), fieldNames(JSON.readTree(text).get(2 * 4 + 1)));
    }

    @Test
    void groundingsRoundTripWithTheirStatus() throws Exception {
        for (String sentence : List.of(report.get(7).text(), "left lobe of the moon")) {
            Grounding g = PhraseGrounder.ground(sentence, anatomy);
            String text = JSON.writeValueAsString(g);
            assertEquals(g, JSON.readValue(text, Grounding.class));
            assertEquals(g instanceof Grounding.Grounded ? "grounded" : "ungrounded", JSON.readTree(text).get("status").asText());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
