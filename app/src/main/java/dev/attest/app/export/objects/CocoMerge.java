package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Joins the cases' COCO files into one for the whole benchmark set ({@code labels/coco.json}), since COCO tools
 * expect one file: images and annotations are numbered again from 1 across the set (each keeps its case and slice
 * under "attest"), and categories are joined by name, keeping label values as ids where no two names want the
 * same one.
 */
public final class CocoMerge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CocoMerge() {
    }

    /** An input that is not one of our per-case COCO files. */
    public static final class CocoMergeException extends IOException {
        CocoMergeException(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    /**
     * Reads the per-case files, in the order given, and writes the joined file.
     *
     * @param description the set's description for info.description
     * @param created     info.date_created, e.g. the export's time as ISO 8601
     */
    public static void merge(List<Path> caseFiles, Path out, String description, String created) throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (Path f : caseFiles) {
            JsonNode doc = JSON.readTree(f.toFile());
            String problem = problem(doc);
            if (problem != null) {
                throw new CocoMergeException(f, problem);
            }
            cases.add(doc);
        }
        ObjectNode merged = merge(cases, description, created);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), merged);
    }

    /** What makes {@code doc} unfit to merge, or null: missing arrays, or an annotation naming an image or category it lacks. */
    static String problem(JsonNode doc) {
        for (String key : List.of("images", "annotations", "categories")) {
            if (doc == null || !doc.path(key).isArray()) {
                return "has no \"" + key + "\" array: not a COCO file";
            }
        }
        Set<Integer> images = new HashSet<>();
        Set<Integer> categories = new HashSet<>();
        doc.get("images").forEach(i -> images.add(i.path("id").asInt(-1)));
        doc.get("categories").forEach(c -> categories.add(c.path("id").asInt(-1)));
        for (JsonNode a : doc.get("annotations")) {
            if (!images.contains(a.path("image_id").asInt(-1)) || !categories.contains(a.path("category_id").asInt(-1))) {
                return "annotation " + a.path("id") + " names an image or category the file does not list";
            }
        }
        return null;
    }

    static ObjectNode merge(List<JsonNode> cases, String description, String created) {
        CocoCategories categories = new CocoCategories();
        // Labelled categories of every case first, so an unlabelled one never takes a label's number.
        for (boolean labelled : new boolean[] {true, false}) {
            for (JsonNode doc : cases) {
                for (JsonNode c : doc.get("categories")) {
                    JsonNode label = c.path("attest").path("label_value");
                    if (label.isInt() == labelled) {
                        categories.add(c.get("name").asText(), labelled ? OptionalInt.of(label.asInt()) : OptionalInt.empty());
                    }
                }
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode info = out.putObject("info");
        info.put("description", description);
        info.put("version", "1.0");
        info.put("date_created", created);
        if (!cases.isEmpty() && cases.get(0).path("info").has("attest")) {
            info.set("attest", cases.get(0).path("info").get("attest").deepCopy());
        }
        out.putArray("licenses");
        ArrayNode images = out.putArray("images");
        ArrayNode annotations = out.putArray("annotations");
        for (JsonNode doc : cases) {
            Map<Integer, Integer> imageIds = new HashMap<>();
            for (JsonNode image : doc.get("images")) {
                ObjectNode copy = image.deepCopy();
                copy.put("id", images.size() + 1);
                imageIds.put(image.get("id").asInt(), images.size() + 1);
                images.add(copy);
            }
            Map<Integer, Integer> categoryIds = new HashMap<>();
            for (JsonNode c : doc.get("categories")) {
                JsonNode label = c.path("attest").path("label_value");
                categoryIds.put(c.get("id").asInt(), categories.add(c.get("name").asText(),
                        label.isInt() ? OptionalInt.of(label.asInt()) : OptionalInt.empty()));
            }
            for (JsonNode a : doc.get("annotations")) {
                ObjectNode copy = a.deepCopy();
                copy.put("id", annotations.size() + 1);
                copy.put("image_id", imageIds.get(a.get("image_id").asInt()));
                copy.put("category_id", categoryIds.get(a.get("category_id").asInt()));
                annotations.add(copy);
            }
        }
        out.set("categories", categories.toJson());
        return out;
    }
}
