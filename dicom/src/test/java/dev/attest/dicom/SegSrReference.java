package dev.attest.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reference/segsr/seg_sr_reference.json}, written by tools/reference/make_seg_sr_refs.py
 * with pydicom, nibabel and numpy: what the SEG and SR tests compare Attest against.
 */
public final class SegSrReference {
    private static JsonNode json;

    private SegSrReference() {
    }

    public static synchronized JsonNode json() {
        if (json == null) {
            try (InputStream in = SegSrReference.class.getResourceAsStream("/reference/segsr/seg_sr_reference.json")) {
                json = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** Asserts that PS3.16 (pydicom's copy) gives {@code code}'s value in its scheme the meaning {@code code} has. */
    public static void assertKnown(Code code) {
        JsonNode meanings = json().get("codes").get(code.scheme() + ":" + code.value());
        assertTrue(meanings != null, code + " is not in the reference list: add it to make_seg_sr_refs.py");
        List<String> known = new ArrayList<>();
        meanings.forEach(m -> known.add(m.asText()));
        assertTrue(known.contains(code.meaning()), code + ": PS3.16 gives " + known);
    }
}
