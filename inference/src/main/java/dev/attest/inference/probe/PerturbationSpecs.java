package dev.attest.inference.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads perturbations as written on the command line, {@code KIND[:PARAM=L1,L2,...][:OPTION=VALUE]...}, one
 * perturbation per level:
 * <pre>
 *   identity
 *   noise:snr=20,10,5            Gaussian noise at these SNRs (seeded)
 *   scale:factor=0.9,1.1         physical value × factor
 *   shift:offset=-100,100        physical value + offset
 *   blur:sigma=1,2               Gaussian blur, sigma in mm
 *   downsample:factor=2,3        block-average down, trilinear back; option axes=xyz|xy|z|...
 *   rotate:deg=2,5               about the volume centre; option axis=L|P|S (default S)
 *   missing:every=4,2            every n-th slice replaced; option fill=neighbour|zero
 * </pre>
 */
public final class PerturbationSpecs {

    /** What a probe runs when the user names nothing: each kind at a mild and a strong level. */
    public static final List<String> DEFAULTS = List.of("identity", "noise:snr=20,10,5", "scale:factor=0.9,1.1",
            "shift:offset=-100,100", "blur:sigma=1,2", "downsample:factor=2,3", "rotate:deg=2,5", "missing:every=4,2");

    private static final Map<String, String> PARAMETERS = Map.of("noise", "snr", "scale", "factor", "shift", "offset",
            "blur", "sigma", "downsample", "factor", "rotate", "deg", "missing", "every");
    private static final Map<String, List<String>> OPTIONS = Map.of("downsample", List.of("axes"), "rotate",
            List.of("axis"), "missing", List.of("fill"));

    private PerturbationSpecs() {
    }

    /** Every perturbation of every spec, in order; seed goes to those that draw random numbers. */
    public static List<Perturbation> parseAll(List<String> specs, long seed) {
        List<Perturbation> out = new ArrayList<>();
        for (String s : specs) {
            out.addAll(parse(s, seed));
        }
        return out;
    }

    /**
     * The perturbations one spec names, one per level in the order written.
     *
     * @throws PerturbationSpecException naming the spec and what is wrong with it
     */
    public static List<Perturbation> parse(String spec, long seed) {
        String[] parts = spec.strip().split(":");
        String kind = parts[0].strip().toLowerCase(Locale.ROOT);
        if (kind.equals("identity")) {
            if (parts.length > 1) {
                throw new PerturbationSpecException(spec, "identity takes no levels");
            }
            return List.of(new Identity());
        }
        String parameter = PARAMETERS.get(kind);
        if (parameter == null) {
            throw new PerturbationSpecException(spec, "unknown kind '" + kind
                    + "' (identity, noise, scale, shift, blur, downsample, rotate, missing)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new PerturbationSpecException(spec, "'" + parts[i] + "' is not NAME=VALUE");
            }
            String name = parts[i].substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.equals(parameter) && !OPTIONS.getOrDefault(kind, List.of()).contains(name)) {
                throw new PerturbationSpecException(spec, kind + " has no setting '" + name + "' (level: " + parameter
                        + (OPTIONS.containsKey(kind) ? "; options: " + String.join(", ", OPTIONS.get(kind)) : "") + ")");
            }
            if (settings.put(name, parts[i].substring(eq + 1).strip()) != null) {
                throw new PerturbationSpecException(spec, "'" + name + "' is given twice");
            }
        }
        String levels = settings.get(parameter);
        if (levels == null || levels.isEmpty()) {
            throw new PerturbationSpecException(spec, "no levels: write " + kind + ":" + parameter + "=L1,L2,...");
        }
        List<Perturbation> out = new ArrayList<>();
        for (String text : levels.split(",")) {
            double level;
            try {
                level = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new PerturbationSpecException(spec, "level '" + text + "' is not a number");
            }
            try {
                out.add(make(kind, level, settings, seed));
            } catch (PerturbationSpecException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PerturbationSpecException(spec, e.getMessage());
            }
        }
        return out;
    }

    private static Perturbation make(String kind, double level, Map<String, String> settings, long seed) {
        return switch (kind) {
            case "noise" -> new GaussianNoise(level, seed);
            case "scale" -> new IntensityScale(level);
            case "shift" -> new IntensityShift(level);
            case "blur" -> new GaussianBlur(level);
            case "downsample" -> new Downsample(integer(level, "downsampling factor"),
                    settings.getOrDefault("axes", "xyz").toLowerCase(Locale.ROOT));
            case "rotate" -> new Rotation(level, axis(settings.getOrDefault("axis", "S")));
            case "missing" -> new MissingSlices(integer(level, "every n-th slice"),
                    MissingSlices.Fill.parse(settings.getOrDefault("fill", "neighbour")));
            default -> throw new IllegalStateException(kind);
        };
    }

    private static int integer(double level, String what) {
        if (level != Math.rint(level) || Math.abs(level) > 1_000_000) {
            throw new IllegalArgumentException(what + " must be a whole number, got " + LevelFormat.format(level));
        }
        return (int) level;
    }

    private static Rotation.PatientAxis axis(String text) {
        try {
            return Rotation.PatientAxis.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rotation axis must be L, P or S (patient LPS axes), got '" + text + "'");
        }
    }
}
