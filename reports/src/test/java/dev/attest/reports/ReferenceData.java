package dev.attest.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The numpy reference of tools/reference/make_grounding_refs.py and the brainchop label tables. */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static JsonNode grounding() {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/grounding_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A brainchop colormap's "labels" as a label table: value = position in the list, 0 (background) left out. */
    public static LabelDescriptions brainchopLabels(Path colormap) {
        try {
            JsonNode names = new ObjectMapper().readTree(colormap.toFile()).get("labels");
            List<LabelDescription> out = new ArrayList<>();
            for (int i = 1; i < names.size(); i++) {
                out.add(new LabelDescription(i, names.get(i).asText(), 0));
            }
            return new LabelDescriptions(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
