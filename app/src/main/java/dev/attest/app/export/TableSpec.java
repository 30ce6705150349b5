package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One JSONL table of a benchmark set: its name, file, meaning, key and columns. Every row carries every column
 * (null where there is no value), in the order listed here.
 *
 * @param name        the table's name, also its Croissant RecordSet id ("claims")
 * @param description what one row is
 * @param key         the columns whose values identify a row
 * @param columns     the columns in row order
 */
public record TableSpec(String name, String description, List<String> key, List<Column> columns) {
    /** JSON Schema's 2020-12 dialect, which every schema file of a set declares. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    public TableSpec {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(k))) {
                throw new IllegalArgumentException("table " + name + " has no key column " + k);
            }
        }
    }

    /** The table's file in the set: "claims.jsonl". */
    public String file() {
        return name + ".jsonl";
    }

    /** The table's schema file in the set: "schemas/claims.schema.json". */
    public String schemaFile() {
        return SetLayout.SCHEMAS + "/" + name + ".schema.json";
    }

    /** The JSON Schema every row of the table satisfies: each column required, no other key allowed. */
    public ObjectNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("$schema", DIALECT);
        s.put("title", name);
        s.put("description", description);
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        for (Column c : columns) {
            ObjectNode p = c.schema().deepCopy();
            p.put("description", c.description());
            properties.set(c.name(), p);
            required.add(c.name());
        }
        s.put("additionalProperties", false);
        return s;
    }
}
