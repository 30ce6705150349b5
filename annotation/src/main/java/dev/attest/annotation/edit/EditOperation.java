package dev.attest.annotation.edit;

import dev.attest.core.geometry.Vec3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user action on a label map: what an {@link EditSession} applies and undoes, and what the
 * sidecar of a corrected mask lists as type + parameters.
 */
public sealed interface EditOperation {

    /** A short stable name for the sidecar, such as "paint" or "flood_fill". */
    String type();

    /** The parameters that reproduce the operation, in JSON-friendly values. */
    Map<String, Object> parameters();

    /** Sets every voxel of region to label, or only those whose reference value lies in limit when limit is not null. */
    record Paint(int label, Region region, IntensityRange limit) implements EditOperation {
        public Paint {
            requireLabel(label);
            Objects.requireNonNull(region, "region");
        }

        public Paint(int label, Region region) {
            this(label, region, null);
        }

        @Override
        public String type() {
            return "paint";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("label", label);
            p.putAll(region.parameters());
            putLimit(p, limit);
            return p;
        }
    }

    /** Sets voxels of region to 0: all of them when onlyLabel is 0, otherwise only those holding onlyLabel. */
    record Erase(Region region, int onlyLabel) implements EditOperation {
        public Erase {
            Objects.requireNonNull(region, "region");
            if (onlyLabel < 0) {
                throw new IllegalArgumentException("label to erase must be >= 0 (0: every label), got " + onlyLabel);
            }
        }

        public static Erase all(Region region) {
            return new Erase(region, 0);
        }

        public static Erase only(int label, Region region) {
            requireLabel(label);
            return new Erase(region, label);
        }

        @Override
        public String type() {
            return "erase";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("only_label", onlyLabel);
            p.putAll(region.parameters());
            return p;
        }
    }

    /**
     * Sets to label the 4-connected region in plane around seed whose voxels hold the seed's label
     * (and, when limit is not null, whose reference value lies in limit).
     */
    record FloodFill(int label, SlicePlane plane, VoxelIndex seed, IntensityRange limit) implements EditOperation {
        public FloodFill {
            requireLabel(label);
            Objects.requireNonNull(plane, "plane");
            Objects.requireNonNull(seed, "seed");
        }

        public FloodFill(int label, SlicePlane plane, VoxelIndex seed) {
            this(label, plane, seed, null);
        }

        @Override
        public String type() {
            return "flood_fill";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("label", label);
            p.put("plane", plane.name());
            p.put("seed", Region.indexList(seed));
            putLimit(p, limit);
            return p;
        }
    }

    /** Records a point in LPS millimetres for label; changes no voxel. */
    record PlacePoint(int label, Vec3 lps) implements EditOperation {
        public PlacePoint {
            requireLabel(label);
            Objects.requireNonNull(lps, "lps");
        }

        @Override
        public String type() {
            return "point";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("label", label, "lps_mm", List.of(lps.x(), lps.y(), lps.z()));
        }
    }

    /** Records an index-space box for label (a bounding box drawn by the reviewer); changes no voxel. */
    record PlaceBox(int label, IndexBox box) implements EditOperation {
        public PlaceBox {
            requireLabel(label);
            Objects.requireNonNull(box, "box");
        }

        @Override
        public String type() {
            return "box";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("label", label, "min", Region.indexList(box.min()), "max", Region.indexList(box.max()));
        }
    }

    private static void requireLabel(int label) {
        if (label <= 0) {
            throw new IllegalArgumentException("label values start at 1 (0 is background), got " + label);
        }
    }

    private static void putLimit(Map<String, Object> p, IntensityRange limit) {
        if (limit != null) {
            p.put("intensity_min", limit.lo());
            p.put("intensity_max", limit.hi());
            p.put("intensity_reference", limit.reference().name());
        }
    }
}
