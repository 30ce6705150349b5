package dev.attest.app.probe;

import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.PerturbationSpecs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The perturbations the workstation offers for a probe of the case on screen: each kind with a few levels to tick,
 * and a quick set ticked by default. The quick set is smaller than {@code attest probe}'s default (8 runs instead
 * of 17) so that a probe of the demo phantom is over in well under a minute on a two-core laptop (docs/robustness.md,
 * "Cost"): noise at a mild and a strong SNR, and one clearly visible level of blur, downsampling, rotation and
 * missing slices. What the user ticks is turned into the command line's specs, so a saved probe can be rerun with
 * {@code attest probe --perturb ...}.
 */
public final class PerturbationMenu {

    /**
     * One kind of perturbation as the dialog offers it.
     *
     * @param kind      the kind as the command line writes it
     * @param parameter the name of its level
     * @param title     what the dialog and the charts call it
     * @param axisLabel the level's axis label in the charts
     * @param levels    the levels offered, from mild to strong (the order they are probed and plotted in)
     * @param quick     the levels ticked by default
     */
    public record Kind(String kind, String parameter, String title, String axisLabel, List<Double> levels,
                       List<Double> quick) {
        public Kind {
            levels = List.copyOf(levels);
            quick = List.copyOf(quick);
            if (!levels.containsAll(quick)) {
                throw new IllegalArgumentException(kind + ": default levels " + quick + " are not among " + levels);
            }
        }

        /** The command line's spec for these levels, in the order offered ("noise:snr=20,5"); null when none. */
        public String spec(Collection<Double> chosen) {
            List<Double> inOrder = levels.stream().filter(chosen::contains).toList();
            if (inOrder.isEmpty()) {
                return null;
            }
            return kind + ":" + parameter + "=" + inOrder.stream().map(LevelFormat::format).collect(Collectors.joining(","));
        }
    }

    /** Every kind, in the order of the command line's default set. */
    public static final List<Kind> KINDS = List.of(
            new Kind("noise", "snr", "Gaussian noise", "signal-to-noise ratio", List.of(40.0, 20.0, 10.0, 5.0),
                    List.of(20.0, 5.0)),
            new Kind("scale", "factor", "Intensity scale", "factor", List.of(0.9, 1.1), List.of()),
            new Kind("shift", "offset", "Intensity shift", "offset (HU for CT)", List.of(-100.0, 100.0), List.of()),
            new Kind("blur", "sigma", "Gaussian blur", "sigma (mm)", List.of(1.0, 2.0, 3.0), List.of(2.0)),
            new Kind("downsample", "factor", "Lower resolution", "downsampling factor", List.of(2.0, 3.0, 4.0),
                    List.of(2.0)),
            new Kind("rotate", "deg", "Rotation", "degrees", List.of(2.0, 5.0, 10.0), List.of(2.0)),
            new Kind("missing", "every", "Missing slices", "every n-th slice", List.of(4.0, 3.0, 2.0), List.of(4.0)));

    /** The seed of the noise when the user does not change it: the command line's default. */
    public static final long DEFAULT_SEED = 1;

    private PerturbationMenu() {
    }

    /** The kind the command line calls so, or null. */
    public static Kind kind(String kind) {
        return KINDS.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(null);
    }

    /**
     * The specs of what is ticked: identity first when asked (the check that inference is deterministic, and the
     * charts' "none" point), then the kinds in {@link #KINDS} order, each with its ticked levels from mild to strong.
     */
    public static List<String> specs(boolean identity, Map<String, ? extends Collection<Double>> ticked) {
        List<String> specs = new ArrayList<>();
        if (identity) {
            specs.add("identity");
        }
        for (Kind k : KINDS) {
            Collection<Double> levels = ticked.get(k.kind());
            String spec = levels == null ? null : k.spec(levels);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** The quick set ticked by default. */
    public static List<String> quickSpecs() {
        return specs(true, KINDS.stream().collect(Collectors.toMap(Kind::kind, Kind::quick)));
    }

    /** How many model runs the specs cost: the unperturbed run and one per perturbation and level. */
    public static int runs(List<String> specs) {
        return 1 + PerturbationSpecs.parseAll(specs, DEFAULT_SEED).size();
    }

    /**
     * A rough upper estimate in seconds: runs times the duration of one run of the model on this image (its last run
     * on screen), or empty when no run was timed. Perturbed runs cost about as much as the unperturbed one, but the
     * timed run may have been the session's first, which also warmed up the engine: on the demo phantom the first
     * run took 4.4 s and the probe's runs about 2 s each.
     */
    public static OptionalLong estimateSeconds(int runs, long millisPerRun) {
        return millisPerRun > 0 ? OptionalLong.of(Math.round(runs * millisPerRun / 1000.0)) : OptionalLong.empty();
    }
}
