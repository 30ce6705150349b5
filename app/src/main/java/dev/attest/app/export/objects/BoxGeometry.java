package dev.attest.app.export.objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.OptionalInt;

/**
 * A box as a project stores it inline, placed on the image grid: {@code {"min_index":[i,j,k],"max_index":[i,j,k]}}
 * (corner voxels, both included) or, without them, {@code {"min_lps_mm":[x,y,z],"max_lps_mm":[x,y,z]}} (the corner
 * voxels' centres, rounded to the nearest voxel), with an optional {@code "label"} value. Index corners win when both
 * are given: they are what the reviewer drew, the millimetres a rounding of them.
 *
 * @param box     the voxels, half-open and clipped to the grid
 * @param label   the label value the box is for, if it says
 * @param clipped whether part of the stored box lay outside the grid
 */
record BoxGeometry(VoxelBox box, OptionalInt label, boolean clipped) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A box that cannot be placed: unreadable JSON, or wholly outside the image. */
    static final class InvalidBoxException extends Exception {
        private final SkipReason reason;

        InvalidBoxException(SkipReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        SkipReason reason() {
            return reason;
        }
    }

    /**
     * Reads the geometry.
     *
     * @param what names the record in errors, e.g. "evidence 12"
     */
    static BoxGeometry parse(String geometryJson, ImageGrid grid, String what) throws InvalidBoxException {
        JsonNode node;
        try {
            node = geometryJson == null ? null : JSON.readTree(geometryJson);
        } catch (JsonProcessingException e) {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": geometry is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": geometry is not a JSON object");
        }
        int[] min;
        int[] max;
        if (node.has("min_index") || node.has("max_index")) {
            min = indices(node, "min_index", what);
            max = indices(node, "max_index", what);
        } else if (node.has("min_lps_mm") && node.has("max_lps_mm")) {
            int[] a = nearestVoxel(grid, millimetres(node, "min_lps_mm", what));
            int[] b = nearestVoxel(grid, millimetres(node, "max_lps_mm", what));
            min = new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])};
            max = new int[] {Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])};
        } else {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": geometry has neither min_index/max_index"
                    + " nor min_lps_mm/max_lps_mm");
        }
        for (int a = 0; a < 3; a++) {
            if (min[a] > max[a]) {
                throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": min_index " + min[a] + " is above max_index "
                        + max[a] + " on axis " + a);
            }
        }
        int[] lo = new int[3];
        int[] hi = new int[3];
        boolean clipped = false;
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.max(0, min[a]);
            hi[a] = Math.min(grid.size(a) - 1, max[a]);
            clipped |= lo[a] != min[a] || hi[a] != max[a];
            if (lo[a] > hi[a]) {
                throw new InvalidBoxException(SkipReason.BOX_OUTSIDE_IMAGE, what + ": indices " + min[a] + ".." + max[a]
                        + " on axis " + a + " miss the image's 0.." + (grid.size(a) - 1));
            }
        }
        return new BoxGeometry(new VoxelBox(lo[0], lo[1], lo[2], hi[0] + 1, hi[1] + 1, hi[2] + 1), label(node, what), clipped);
    }

    private static int[] indices(JsonNode node, String key, String what) throws InvalidBoxException {
        JsonNode a = node.get(key);
        if (a == null || !a.isArray() || a.size() != 3) {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": " + key + " must be an array of 3 integers");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!a.get(i).canConvertToInt() || !a.get(i).isIntegralNumber()) {
                throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": " + key + "[" + i + "] is not an integer");
            }
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    private static Vec3 millimetres(JsonNode node, String key, String what) throws InvalidBoxException {
        JsonNode a = node.get(key);
        boolean numbers = a != null && a.isArray() && a.size() == 3 && a.get(0).isNumber() && a.get(1).isNumber()
                && a.get(2).isNumber();
        if (!numbers) {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": " + key + " must be an array of 3 numbers");
        }
        return new Vec3(a.get(0).doubleValue(), a.get(1).doubleValue(), a.get(2).doubleValue());
    }

    private static int[] nearestVoxel(ImageGrid grid, Vec3 lps) {
        Vec3 index = grid.lpsToIndex().apply(lps);
        return new int[] {(int) Math.floor(index.x() + 0.5), (int) Math.floor(index.y() + 0.5), (int) Math.floor(index.z() + 0.5)};
    }

    private static OptionalInt label(JsonNode node, String what) throws InvalidBoxException {
        JsonNode label = node.get("label");
        if (label == null || label.isNull()) {
            return OptionalInt.empty();
        }
        if (!label.isIntegralNumber() || !label.canConvertToInt() || label.intValue() <= 0) {
            throw new InvalidBoxException(SkipReason.BAD_GEOMETRY, what + ": label must be a positive integer label value");
        }
        return OptionalInt.of(label.intValue());
    }
}
