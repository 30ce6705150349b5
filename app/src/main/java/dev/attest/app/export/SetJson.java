package dev.attest.app.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JSON reading and writing of a benchmark set: one mapper, UTF-8, "\n" line ends, indented documents. */
final class SetJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SetJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The stored JSON text as a tree, or null for null; text that is not JSON is an error naming where it was. */
    static JsonNode parseStored(String json, String where) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " holds JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** One line of JSON. */
    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Writes an indented JSON document ending in a newline. */
    static void writeDocument(Path file, Object value) throws IOException {
        String text = PRETTY.writeValueAsString(value).replace("\r\n", "\n") + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The tree Jackson makes of value after a trip through text, so NaN and Infinity read as they are stored. */
    static JsonNode asStoredTree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record tree always serialises", e);
        }
    }

    static JsonNode read(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
