package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * COCO categories, one per name. A category for a label keeps the label value as its id, so a COCO user can read
 * the label maps with the same numbers; an id already taken by another name, and categories without a label (a
 * box that names none), get the next free id after the largest. Add labelled categories first so that the
 * unlabelled ones never take a label's number.
 */
final class CocoCategories {
    /** The name of boxes that carry no label. */
    static final String UNLABELLED = "finding";

    private record Category(int id, String name, OptionalInt labelValue) {
    }

    private final Map<String, Category> byName = new LinkedHashMap<>();
    private final TreeMap<Integer, Category> byId = new TreeMap<>();

    /** The id of the category with this name, adding it (with the label's value as id when free) if new. */
    int add(String name, OptionalInt labelValue) {
        Category known = byName.get(name);
        if (known != null) {
            return known.id();
        }
        int id = labelValue.isPresent() && labelValue.getAsInt() > 0 && !byId.containsKey(labelValue.getAsInt())
                ? labelValue.getAsInt() : (byId.isEmpty() ? 0 : byId.lastKey()) + 1;
        Category c = new Category(id, name, labelValue);
        byName.put(name, c);
        byId.put(id, c);
        return id;
    }

    /** The categories by id, as COCO lists them, with the label value they stand for under "attest". */
    ArrayNode toJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Category c : byId.values()) {
            ObjectNode n = out.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("supercategory", c.labelValue().isPresent() ? "structure" : UNLABELLED);
            ObjectNode attest = n.putObject("attest");
            if (c.labelValue().isPresent()) {
                attest.put("label_value", c.labelValue().getAsInt());
            } else {
                attest.putNull("label_value");
            }
        }
        return out;
    }
}
