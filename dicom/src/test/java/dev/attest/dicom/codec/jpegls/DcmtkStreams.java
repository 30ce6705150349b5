package dev.attest.dicom.codec.jpegls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The codestreams DCMTK's dcmcjpls encoded for these tests, with what dcmdjpls decodes them to
 * ({@code src/test/resources/jpegls}, made by {@code tools/reference/make_jpegls_streams.py}).
 */
final class DcmtkStreams {
    private DcmtkStreams() {
    }

    /** One stream and its reference. */
    record Stream(String name, JsonNode reference) {
        int rows() {
            return reference.get("rows").asInt();
        }

        int columns() {
            return reference.get("columns").asInt();
        }

        int components() {
            return reference.get("components").asInt();
        }

        int bytesPerSample() {
            return reference.get("bitsAllocated").asInt() / 8;
        }

        byte[] bytes() {
            return resource(name + ".jls");
        }

        @Override
        public String toString() {
            return name + " (dcmcjpls " + reference.get("dcmcjpls").asText() + ")";
        }
    }

    static List<Stream> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(resource("streams.json"));
            List<Stream> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : root.get("streams").properties()) {
                out.add(new Stream(e.getKey(), e.getValue()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stream " + name));
    }

    static byte[] resource(String name) {
        try (InputStream in = DcmtkStreams.class.getResourceAsStream("/jpegls/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: jpegls/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
