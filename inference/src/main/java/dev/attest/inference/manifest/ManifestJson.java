package dev.attest.inference.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}: the record fields as JSON keys, enums in any case. */
public final class ManifestJson {

    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ManifestJson() {
    }

    public static ModelManifest read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ManifestFormatException(file, "cannot read: " + e.getMessage(), e);
        }
        return read(bytes, file);
    }

    /** Parses manifest text that did not come from a file of its own (a classpath resource); {@code source} names it in errors. */
    public static ModelManifest read(byte[] json, Path source) {
        try {
            return MAPPER.readValue(json, ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new ManifestFormatException(source, "not a valid model manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ManifestFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    public static String toJson(ModelManifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest not serialisable", e);
        }
    }

    public static void write(ModelManifest manifest, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(manifest));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
