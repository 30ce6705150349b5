package dev.attest.inference.monai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.inference.manifest.ManifestFormatException;
import dev.attest.inference.manifest.Normalisation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MONAI bundle configuration read without Python: follows {@code "@name"} and {@code "@a#b#0"}
 * references to other entries, reads literal values, and notes every {@code "$..."} expression it has
 * to leave out. Transform parameters are checked against what Attest's normalisations can express.
 */
final class BundleConfig {
    private final JsonNode root;
    private final Path file;
    private final List<String> notes;

    BundleConfig(JsonNode root, Path file, List<String> notes) {
        this.root = root;
        this.file = file;
        this.notes = notes;
    }

    /** The simple class name of a component: "monai.transforms.Spacingd" -> "Spacingd". */
    static String target(JsonNode component) {
        String t = component.path("_target_").asText("");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    /** Follows references (at most a few levels, against cycles); a $ expression gives null. */
    JsonNode resolve(JsonNode v) {
        for (int depth = 0; v != null && v.isTextual() && depth < 8; depth++) {
            String s = v.asText();
            if (s.startsWith("@")) {
                JsonNode n = root;
                for (String part : s.substring(1).split("#")) {
                    n = n.isArray() && part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
                    if (n == null) {
                        notes.add(file.getFileName() + ": reference " + s + " not found; left out");
                        return null;
                    }
                }
                v = n;
            } else if (s.startsWith("$")) {
                notes.add(file.getFileName() + ": expression " + s + " cannot be evaluated; left out");
                return null;
            } else {
                return v;
            }
        }
        return v;
    }

    /** The enabled transforms of a Compose entry ("preprocessing", "postprocessing"), references followed. */
    List<JsonNode> transforms(String key) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode compose = resolve(root.get(key));
        if (compose == null) {
            return out;
        }
        JsonNode list = compose.isArray() ? compose : resolve(compose.get("transforms"));
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode t : list) {
            JsonNode r = resolve(t);
            if (r != null && r.isObject() && !r.path("_disabled_").asBoolean(false)) {
                out.add(r);
            }
        }
        return out;
    }

    String text(JsonNode component, String key) {
        JsonNode v = resolve(component.get(key));
        return v == null || v.isNull() ? null : v.asText();
    }

    double number(JsonNode component, String key, double fallback) {
        JsonNode v = resolve(component.get(key));
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw bad(target(component) + " " + key + " must be a number, not " + v);
        }
        return v.doubleValue();
    }

    boolean bool(JsonNode component, String key, boolean fallback) {
        JsonNode v = resolve(component.get(key));
        return v == null || v.isNull() ? fallback : v.asBoolean(fallback);
    }

    /** Spacingd pixdim: one number for all axes or three (MONAI axis order x, y, z). */
    double[] spacing(JsonNode t) {
        JsonNode v = resolve(t.get("pixdim"));
        if (v != null && v.isNumber()) {
            return new double[] {v.doubleValue(), v.doubleValue(), v.doubleValue()};
        }
        if (v != null && v.isArray() && v.size() == 3) {
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                JsonNode e = resolve(v.get(i));
                if (e == null || !e.isNumber() || e.doubleValue() <= 0) {
                    throw bad("Spacingd pixdim " + v + " must be three positive numbers");
                }
                s[i] = e.doubleValue();
            }
            return s;
        }
        if (v == null) {
            return null;
        }
        throw bad("Spacingd pixdim " + v + " must be one number or three");
    }

    /** ScaleIntensityRanged: clip (optionally) to [a_min, a_max] and map onto [b_min, b_max], which must be [0, 1]. */
    Normalisation window(JsonNode t) {
        double aMin = required(t, "a_min");
        double aMax = required(t, "a_max");
        double bMin = number(t, "b_min", Double.NaN);
        double bMax = number(t, "b_max", Double.NaN);
        if (bMin != 0 || bMax != 1) {
            throw bad("ScaleIntensityRanged maps to [" + bMin + ", " + bMax + "]; Attest's window maps to [0, 1] only");
        }
        return new Normalisation(Normalisation.Kind.WINDOW, aMin, aMax, bool(t, "clip", false), false);
    }

    /** NormalizeIntensityd with its own mean and standard deviation (nonzero: over non-zero voxels only). */
    Normalisation zscore(JsonNode t) {
        if (resolve(t.get("subtrahend")) != null || resolve(t.get("divisor")) != null) {
            throw bad("NormalizeIntensityd with a fixed subtrahend or divisor is not supported");
        }
        return Normalisation.zscore(bool(t, "nonzero", false));
    }

    /** ScaleIntensityd to [minv, maxv], which must be MONAI's default [0, 1]. */
    Normalisation minMax(JsonNode t) {
        if (number(t, "minv", 0) != 0 || number(t, "maxv", 1) != 1 || resolve(t.get("factor")) != null) {
            throw bad("ScaleIntensityd other than to [0, 1] is not supported");
        }
        return Normalisation.minMax();
    }

    /** ScaleIntensityRangePercentilesd: percentiles lower..upper onto [0, 1]. */
    Normalisation percentile(JsonNode t) {
        if (number(t, "b_min", 0) != 0 || number(t, "b_max", 1) != 1) {
            throw bad("ScaleIntensityRangePercentilesd other than onto [0, 1] is not supported");
        }
        return Normalisation.percentile(required(t, "lower"), required(t, "upper"), bool(t, "clip", false));
    }

    private double required(JsonNode t, String key) {
        double v = number(t, key, Double.NaN);
        if (Double.isNaN(v)) {
            throw bad(target(t) + " needs " + key);
        }
        return v;
    }

    private ManifestFormatException bad(String problem) {
        return new ManifestFormatException(file, problem, null);
    }
}
