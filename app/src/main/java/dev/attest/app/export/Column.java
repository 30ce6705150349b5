package dev.attest.app.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One field of an exported JSONL table: its name, what it means, the JSON Schema its values must satisfy and the
 * Croissant data type it is declared with. The same record feeds the table's schema file, its Croissant fields
 * and the datasheet, so the three cannot disagree.
 *
 * @param name          the key in every row
 * @param description   what the value means, in words
 * @param schema        the JSON Schema (draft 2020-12) of the value
 * @param croissantType the Croissant / schema.org data type (sc:Text, sc:Integer, sc:Float, sc:Boolean)
 * @param references    "table/column" this column points at (a foreign key), or null
 */
public record Column(String name, String description, ObjectNode schema, String croissantType, String references) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A column whose value is a JSON object or array, declared to Croissant as JSON text. */
    private static final String JSON_TEXT = "sc:Text";

    public Column {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column names are lower-case snake case, got '" + name + "'");
        }
    }

    /** The same column, declared as pointing at {@code tableColumn} ("cases/case_id"). */
    public Column references(String tableColumn) {
        return new Column(name, description, schema, croissantType, tableColumn);
    }

    static Column text(String name, String description) {
        return new Column(name, description, type("string"), "sc:Text", null);
    }

    static Column textOrNull(String name, String description) {
        return new Column(name, description, type("string", "null"), "sc:Text", null);
    }

    /** A set identifier such as "case-0001": a prefix, a dash and at least four digits. */
    static Column id(String name, String prefix, String description) {
        ObjectNode s = type("string");
        s.put("pattern", "^" + prefix + "-[0-9]{4,}$");
        return new Column(name, description, s, "sc:Text", null);
    }

    static Column idOrNull(String name, String prefix, String description) {
        ObjectNode s = type("string", "null");
        s.put("pattern", "^" + prefix + "-[0-9]{4,}$");
        return new Column(name, description, s, "sc:Text", null);
    }

    /** A reviewer pseudonym: "reader-" and a number from 1, unpadded. */
    static Column reader(String name, String description, boolean nullable) {
        ObjectNode s = nullable ? type("string", "null") : type("string");
        s.put("pattern", "^" + SetTables.READER + "-[1-9][0-9]*$");
        return new Column(name, description, s, "sc:Text", null);
    }

    static Column integer(String name, String description, long minimum) {
        ObjectNode s = type("integer");
        s.put("minimum", minimum);
        return new Column(name, description, s, "sc:Integer", null);
    }

    static Column integerOrNull(String name, String description) {
        return new Column(name, description, type("integer", "null"), "sc:Integer", null);
    }

    static Column numberOrNull(String name, String description) {
        return new Column(name, description, type("number", "null"), "sc:Float", null);
    }

    static Column number(String name, String description, double minimum, double maximum) {
        ObjectNode s = type("number");
        s.put("minimum", minimum);
        s.put("maximum", maximum);
        return new Column(name, description, s, "sc:Float", null);
    }

    static Column bool(String name, String description) {
        return new Column(name, description, type("boolean"), "sc:Boolean", null);
    }

    static Column oneOf(String name, String description, List<String> values) {
        ObjectNode s = type("string");
        ArrayNode e = s.putArray("enum");
        values.forEach(e::add);
        return new Column(name, description, s, "sc:Text", null);
    }

    static Column oneOfOrNull(String name, String description, List<String> values) {
        ObjectNode s = type("string", "null");
        ArrayNode e = s.putArray("enum");
        values.forEach(e::add);
        e.addNull();
        return new Column(name, description, s, "sc:Text", null);
    }

    /** A free JSON object (as the project stores it), or null. */
    static Column objectOrNull(String name, String description) {
        return new Column(name, description, type("object", "null"), JSON_TEXT, null);
    }

    /** A column with a hand-written schema (nested objects and arrays), declared as JSON text. */
    static Column structured(String name, String description, ObjectNode schema) {
        return new Column(name, description, schema, JSON_TEXT, null);
    }

    static ObjectNode type(String... types) {
        ObjectNode s = F.objectNode();
        if (types.length == 1) {
            s.put("type", types[0]);
        } else {
            ArrayNode a = s.putArray("type");
            for (String t : types) {
                a.add(t);
            }
        }
        return s;
    }
}
