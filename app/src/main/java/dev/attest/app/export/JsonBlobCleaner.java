package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.attest.dicom.deid.UidMap;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cleans the JSON a project recorded beside its records (run parameters, evidence method and geometry) before it
 * goes into a set. Numbers and keys stay; every string is looked at: a DICOM UID is replaced through the
 * export's UID map (so it still matches the de-identified DICOM), an absolute file path is cut to its file name
 * (folders often carry user or patient names), and the rest goes through the case's free-text redactor.
 */
final class JsonBlobCleaner {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+){3,}");
    private static final Pattern ABSOLUTE = Pattern.compile("^(/|[A-Za-z]:[\\\\/]|\\\\\\\\).*");

    private final UidMap uids;

    JsonBlobCleaner(UidMap uids) {
        this.uids = uids;
    }

    /** A cleaned copy of stored JSON text, or null for null. */
    JsonNode clean(String storedJson, TextRedactor text, String table, String row, String field) {
        JsonNode tree = SetJson.parseStored(storedJson, table + " " + row + " " + field);
        return tree == null ? null : clean(tree, text, table, row, field);
    }

    JsonNode clean(JsonNode node, TextRedactor text, String table, String row, String path) {
        if (node.isTextual()) {
            return TextNode.valueOf(cleanString(node.textValue(), text, table, row, path));
        }
        if (node.isObject()) {
            ObjectNode out = SetJson.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), clean(e.getValue(), text, table, row, path + "." + e.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = SetJson.MAPPER.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(clean(node.get(i), text, table, row, path + "[" + i + "]"));
            }
            return out;
        }
        return node.deepCopy();
    }

    String cleanString(String s, TextRedactor text, String table, String row, String path) {
        String v = s.strip();
        if (UID.matcher(v).matches() && v.length() <= 64) {
            return uids.remap(v);
        }
        if (ABSOLUTE.matcher(v).matches()) {
            String name = v.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            text.record(table, row, path, "[PATH]");
            return text.clean(name, table, row, path);
        }
        return text.clean(s, table, row, path);
    }
}
