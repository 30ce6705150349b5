package dev.attest.reports.lexicon;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a vocabulary JSON file (format {@value Vocabulary#FORMAT}, described in docs/reports.md) and
 * validates it, so that everything downstream can trust every reference in it.
 */
public final class VocabularyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private VocabularyReader() {
    }

    public static Vocabulary read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads and validates one vocabulary.
     *
     * @param source names the input in error messages (a file or resource path)
     * @throws VocabularyFormatException if the JSON is malformed, has unknown or missing fields, or fails a check
     */
    public static Vocabulary read(InputStream in, String source) throws IOException {
        Vocabulary vocabulary;
        try {
            vocabulary = MAPPER.readValue(in, Vocabulary.class);
        } catch (JsonMappingException e) {
            throw new VocabularyFormatException(source, jsonPath(e), e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new VocabularyFormatException(source, "", "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (vocabulary == null) {
            throw new VocabularyFormatException(source, "", "the file holds JSON null, not a vocabulary");
        }
        new VocabularyValidator(source).validate(vocabulary);
        return vocabulary;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
