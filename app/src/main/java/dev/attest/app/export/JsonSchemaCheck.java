package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against the part of JSON Schema (draft 2020-12) that the set's schema files use: type,
 * enum, const, properties, required, additionalProperties, propertyNames, items, minItems, maxItems, minimum,
 * maximum, minLength and pattern. A keyword outside that part is refused rather than ignored, so a schema
 * can never pass a row by saying something this checker does not read. Written here because no JSON Schema
 * library is among the project's dependencies and the subset is small.
 */
public final class JsonSchemaCheck {
    /** Keywords that only annotate and constrain nothing. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$comment");
    private static final Set<String> CHECKED = Set.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "propertyNames", "items", "minItems", "maxItems", "minimum", "maximum", "minLength",
            "pattern");

    private JsonSchemaCheck() {
    }

    /** Every way value fails schema, each as "path: what is wrong"; empty when it conforms. */
    public static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(path + ": no value is allowed here");
            }
            return;
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ANNOTATIONS.contains(k) && !CHECKED.contains(k)) {
                throw new IllegalArgumentException("schema keyword '" + k + "' at " + path + " is not supported");
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && !matchesType(type, value)) {
            out.add(path + ": expected " + type + " but found " + kind(value));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && !contains(allowed, value)) {
            out.add(path + ": " + value + " is not one of " + allowed);
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(path + ": expected " + schema.get("const") + " but found " + value);
        }
        if (value.isObject()) {
            checkObject(schema, value, path, out);
        } else if (value.isArray()) {
            checkArray(schema, value, path, out);
        } else if (value.isNumber()) {
            if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
                out.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
                out.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        } else if (value.isTextual()) {
            String s = value.textValue();
            if (schema.has("minLength") && s.codePointCount(0, s.length()) < schema.get("minLength").intValue()) {
                out.add(path + ": shorter than " + schema.get("minLength") + " characters");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").textValue()).matcher(s).find()) {
                out.add(path + ": '" + s + "' does not match " + schema.get("pattern").textValue());
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> out) {
        JsonNode properties = schema.get("properties");
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode r : required) {
                if (!value.has(r.textValue())) {
                    out.add(path + ": required key '" + r.textValue() + "' is missing");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = path + "." + e.getKey();
            if (schema.has("propertyNames")) {
                check(schema.get("propertyNames"), com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()),
                        childPath + " (key)", out);
            }
            if (properties != null && properties.has(e.getKey())) {
                check(properties.get(e.getKey()), e.getValue(), childPath, out);
            } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), e.getValue(), childPath, out);
            }
        }
    }

    private static void checkArray(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
            out.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
            out.add(path + ": more than " + schema.get("maxItems") + " items");
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < value.size(); i++) {
                check(items, value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isType(t.textValue(), value)) {
                    return true;
                }
            }
            return false;
        }
        return isType(type.textValue(), value);
    }

    private static boolean isType(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            // 2020-12: any number with a zero fractional part is an integer, 1.0 included.
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                    && !Double.isInfinite(value.doubleValue()));
            default -> throw new IllegalArgumentException("unknown JSON Schema type '" + type + "'");
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode a : allowed) {
            if (a.equals(value) || (a.isNumber() && value.isNumber() && a.doubleValue() == value.doubleValue())) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode v) {
        return v.isNull() ? "null" : v.isIntegralNumber() ? "integer" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
