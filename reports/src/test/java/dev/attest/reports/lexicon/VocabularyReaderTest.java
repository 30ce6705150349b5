package dev.attest.reports.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Broken vocabulary files are refused with the file, the JSON path and what is wrong. */
class VocabularyReaderTest {
    private static final String CONCEPTS = """
            "concepts": [
              {"id": "kidney", "kind": "anatomy", "display": "kidney", "terms": ["kidney", "renal"]},
              {"id": "cyst", "kind": "lesion", "display": "kidney cyst", "terms": ["kidney cyst"], "site": "kidney"}
            ]""";

    private static String vocabulary(String concepts, String structures) {
        return """
                {"format": "attest-vocabulary/1", "id": "test", "title": "Test", "source": "here",
                 "midline": [], "abbreviations": {"rk": "right kidney"},
                 %s,
                 "structures": %s}""".formatted(concepts, structures);
    }

    private static VocabularyFormatException refused(String json) {
        return assertThrows(VocabularyFormatException.class,
                () -> VocabularyReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
    }

    @Test
    void readsAValidVocabulary() throws IOException {
        Vocabulary v = VocabularyReader.read(new ByteArrayInputStream(vocabulary(CONCEPTS,
                "[{\"label\": \"kidney_left\", \"concept\": \"kidney\", \"side\": \"left\", \"display\": \"left kidney\"}]")
                .getBytes(StandardCharsets.UTF_8)), "test.json");
        assertEquals(Side.LEFT, v.structures().get(0).side());
        assertEquals(ConceptKind.LESION, v.concept("cyst").orElseThrow().kind());
        assertEquals("kidney", v.concept("cyst").orElseThrow().site());
    }

    @Test
    void readsFromAFileNamingItInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"attest-vocabulary/1\", ");
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> VocabularyReader.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(true, e.getMessage().startsWith(file + ": not valid JSON: "), e.getMessage());
    }

    @Test
    void namesTheFieldOfATypeError() {
        VocabularyFormatException e = refused(vocabulary(CONCEPTS.replace("\"anatomy\"", "\"organ\""), "[]"));
        assertEquals("$.concepts[0].kind", e.where());
    }

    @Test
    void refusesUnknownFields() {
        VocabularyFormatException e = refused(vocabulary(CONCEPTS, "[{\"label\": \"x\", \"concept\": \"kidney\", "
                + "\"display\": \"x\", \"colour\": 3}]"));
        assertEquals("$.structures[0].colour", e.where());
    }

    @Test
    void eachRuleIsCheckedWithItsPlace() {
        assertEquals("test.json at $.format: expected \"attest-vocabulary/1\", found \"attest-vocabulary/2\"",
                refused(vocabulary(CONCEPTS, "[]").replace("vocabulary/1", "vocabulary/2")).getMessage());
        assertEquals("test.json at $.concepts[1].id: concept \"kidney\" is defined twice",
                refused(vocabulary(CONCEPTS.replace("\"id\": \"cyst\"", "\"id\": \"kidney\""), "[]")).getMessage());
        assertEquals("test.json at $.concepts[0].terms[1]: term \"left renal\" of \"kidney\" contains \"left\", a side or "
                        + "negation word that the parser reads before terms",
                refused(vocabulary(CONCEPTS.replace("\"renal\"", "\"left renal\""), "[]")).getMessage());
        assertEquals("test.json at $.concepts[1].terms[0]: term \"kidney\" names both \"kidney\" and \"cyst\"",
                refused(vocabulary(CONCEPTS.replace("[\"kidney cyst\"]", "[\"Kidney\"]").replace("\"Kidney\"", "\"kidney\""),
                        "[]")).getMessage());
        assertEquals("test.json at $.concepts[1].site: lesion \"cyst\" needs a site naming an anatomy concept, found nothing",
                refused(vocabulary(CONCEPTS.replace(", \"site\": \"kidney\"", ""), "[]")).getMessage());
        assertEquals("test.json at $.concepts[0].includes[0]: \"kidney\" includes unknown concept \"ureter\"",
                refused(vocabulary(CONCEPTS.replace("\"terms\": [\"kidney\", \"renal\"]",
                        "\"terms\": [\"kidney\"], \"includes\": [\"ureter\"]"), "[]")).getMessage());
        assertEquals("test.json at $.structures[0].concept: label \"x\" names unknown concept \"liver\"",
                refused(vocabulary(CONCEPTS, "[{\"label\": \"x\", \"concept\": \"liver\", \"display\": \"x\"}]")).getMessage());
        assertEquals("test.json at $.structures[1].label: label \"x\" is listed twice",
                refused(vocabulary(CONCEPTS, "[{\"label\": \"x\", \"concept\": \"kidney\", \"display\": \"x\"},"
                        + "{\"label\": \"x\", \"concept\": \"kidney\", \"display\": \"x\"}]")).getMessage());
        assertEquals("test.json at $.abbreviations.r k: an abbreviation must be one lower-case word, found \"r k\"",
                refused(vocabulary(CONCEPTS, "[]").replace("\"rk\"", "\"r k\"")).getMessage());
    }

    @Test
    void refusesIncludeCycles() {
        String cyclic = """
                "concepts": [
                  {"id": "a", "kind": "anatomy", "display": "a", "terms": ["aa"], "includes": ["b"]},
                  {"id": "b", "kind": "anatomy", "display": "b", "terms": ["bb"], "includes": ["a"]}
                ]""";
        assertEquals("test.json at $.concepts (a): concept \"a\" includes itself through [a, b]",
                refused(vocabulary(cyclic, "[]")).getMessage());
    }
}
