package dev.attest.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.evidence.VoxelMask;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON a project stores beside report evidence: the method that placed a sentence's or phrase's mask
 * (with the label and centroid the viewer jumps to, as {@link CaseImport#target} reads them) and the inline
 * geometry of a box, in the same {@code min_lps_mm}/{@code max_lps_mm}/{@code min_index}/{@code max_index} form
 * as reviewers' corrected boxes.
 */
final class EvidenceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceJson() {
    }

    /**
     * Method JSON of a mask: how it was made, the label it shows (the first of several), and its centroid.
     *
     * @param component a lesion's component number (1 = largest), or 0 for a whole label or a region
     */
    static String method(String method, List<Integer> labels, String labelName, int component, Vec3 centroid,
                         Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("labelValue", labels.get(0));
        m.put("labels", labels);
        if (labelName != null) {
            m.put("labelName", labelName);
        }
        if (component > 0) {
            m.put("component", component);
        }
        m.put("centroidLps", List.of(centroid.x(), centroid.y(), centroid.z()));
        m.putAll(extra);
        return write(m);
    }

    /** A box as patient millimetres and the voxel index box of the mask's grid that holds it. */
    static String box(PatientBox box, VoxelMask mask) {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        ImageGrid g = mask.grid();
        for (int index : mask.indices()) {
            int x = index % g.sizeX();
            int y = (index / g.sizeX()) % g.sizeY();
            int z = index / (g.sizeX() * g.sizeY());
            int[] v = {x, y, z};
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], v[a]);
                max[a] = Math.max(max[a], v[a]);
            }
        }
        return String.format(Locale.ROOT, "{\"min_lps_mm\":%s,\"max_lps_mm\":%s,\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}",
                GeometryJson.lps(box.min()), GeometryJson.lps(box.max()), min[0], min[1], min[2], max[0], max[1], max[2]);
    }

    /**
     * A box a grounding model placed on one slice, in the form of {@link #box}: {@code min_index}/{@code max_index}
     * are the corner voxels of the voxels it stands for, {@code min_lps_mm}/{@code max_lps_mm} those voxels' extent
     * (outer faces, so the metrics and the checks read the same voxels as from a mask's box), and
     * {@code corners_lps_mm} the model's own four corners, which need not lie on voxel edges.
     */
    static String sliceBox(ImageGrid grid, int[] min, int[] max, List<Vec3> corners) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = grid.indexToLps().apply((corner & 1) == 0 ? min[0] - 0.5 : max[0] + 0.5,
                    (corner & 2) == 0 ? min[1] - 0.5 : max[1] + 0.5, (corner & 4) == 0 ? min[2] - 0.5 : max[2] + 0.5);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p.get(a));
                hi[a] = Math.max(hi[a], p.get(a));
            }
        }
        StringBuilder c = new StringBuilder();
        for (Vec3 v : corners) {
            c.append(c.isEmpty() ? "" : ",").append(GeometryJson.lps(v));
        }
        return String.format(Locale.ROOT, "{\"min_lps_mm\":%s,\"max_lps_mm\":%s,\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d],"
                        + "\"corners_lps_mm\":[%s]}", GeometryJson.lps(new Vec3(lo[0], lo[1], lo[2])),
                GeometryJson.lps(new Vec3(hi[0], hi[1], hi[2])), min[0], min[1], min[2], max[0], max[1], max[2], c);
    }

    /** Method JSON of any other evidence, its keys in the map's order. */
    static String method(Map<String, Object> method) {
        return write(method);
    }

    /** Reads a box back from its inline geometry. */
    static PatientBox readBox(String geometryJson) {
        JsonNode n = read(geometryJson);
        return new PatientBox(vec(n.get("min_lps_mm")), vec(n.get("max_lps_mm")));
    }

    /** The JSON tree of a method or geometry string. */
    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable evidence JSON: " + e.getMessage(), e);
        }
    }

    private static Vec3 vec(JsonNode a) {
        if (a == null || !a.isArray() || a.size() != 3) {
            throw new IllegalArgumentException("a box corner must be [x,y,z] in millimetres, got " + a);
        }
        return new Vec3(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
    }

    private static String write(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("evidence method could not be written as JSON", e);
        }
    }
}
