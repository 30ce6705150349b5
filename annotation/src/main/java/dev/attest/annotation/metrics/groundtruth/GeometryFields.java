package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.Vec3;
import java.util.Arrays;
import java.util.Locale;

/** Reads the fields of inline geometry and method JSON, turning every defect into a typed skip. */
final class GeometryFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeometryFields() {
    }

    static JsonNode read(String json, String what) throws ComparisonSkipped {
        if (json == null || json.isBlank()) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + " has no JSON");
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": " + json + " is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": " + json + " is not JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    /** The value of "label", or null when absent or 0 (no label). */
    static Integer label(JsonNode root, String what) throws ComparisonSkipped {
        JsonNode n = root.get("label");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral() || n.asInt() < 0) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": label " + n + " is not a label value");
        }
        return n.asInt() == 0 ? null : n.asInt();
    }

    static int[] indices(JsonNode root, String key, String what) throws ComparisonSkipped {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray() || n.size() != 3) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + " has no " + key + " of three voxel indices");
        }
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            if (!n.get(a).canConvertToExactIntegral()) {
                throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": " + key + " " + n + " holds a non-integer");
            }
            out[a] = n.get(a).asInt();
        }
        return out;
    }

    static Vec3 optionalPoint(JsonNode root, String key, String what) throws ComparisonSkipped {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray() || n.size() != 3 || !n.get(0).isNumber() || !n.get(1).isNumber() || !n.get(2).isNumber()) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": " + key + " " + n + " is not three numbers");
        }
        return new Vec3(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble());
    }

    static String show(int[] v) {
        return Arrays.toString(v);
    }

    /** A box by its corner voxels, both included, as the box JSON writes them: [i,j,k]..[i,j,k]. */
    static String show(VoxelBox b) {
        return "[" + b.x0() + "," + b.y0() + "," + b.z0() + "]..[" + (b.x1() - 1) + "," + (b.y1() - 1) + ","
                + (b.z1() - 1) + "]";
    }

    /** A point in LPS mm to the micrometre, or "-" when absent. */
    static String show(Vec3 v) {
        return v == null ? "-" : String.format(Locale.ROOT, "(%.3f, %.3f, %.3f) mm", v.x(), v.y(), v.z());
    }
}
