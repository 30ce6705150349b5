package dev.attest.app.probe;

import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.Perturbation;
import dev.attest.inference.probe.ProbeRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns one probed image into the workstation's charts: one chart per perturbation kind (and its options, as the
 * SVG's rows), its levels along x in the order probed, one series per measure: output stability (mean Dice, or the
 * Dice of each label) and evidence stability (Pearson's r, top-k% overlap). Every value is a number of the probe's
 * records as probes.json writes them. When the identity was probed its row is every chart's first point, "none":
 * the model run again on the unperturbed image, measured like any level (exactly 1 when inference is deterministic),
 * so a kind probed at one level still draws a line from the unperturbed image to that level. Undefined values (NaN)
 * are left out, as the SVG and the JSON's nulls do.
 */
public final class StabilitySeries {
    /** The x value of the identity row. */
    public static final String NONE = "none";

    /** One value at one level. */
    public record Point(String level, double value) {
    }

    /** One measure across a kind's levels. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One chart.
     *
     * @param title     the kind's name and its options ("Rotation (axis=S)")
     * @param axisLabel the level's name ("signal-to-noise ratio")
     * @param levels    the x categories in order ("none" first when the identity was probed)
     * @param series    one per measure, in the same order in every chart (so colours match across charts)
     * @param yLower    where the value axis starts: the largest multiple of 0.1 below every value, as in the SVG
     */
    public record Chart(String title, String axisLabel, List<String> levels, List<Series> series, double yLower) {
        public Chart {
            levels = List.copyOf(levels);
            series = List.copyOf(series);
        }

        /**
         * A round step between the value axis's ticks, giving at most seven ticks from {@link #axisLower} to 1 in a
         * small chart: 0.02 when the values span up to 0.1, 0.05 up to 0.3, 0.1 up to 0.6, 0.2 up to 1.2, else 0.5.
         */
        public double tickUnit() {
            double range = 1 - yLower;
            double eps = 1e-9;
            return range <= 0.1 + eps ? 0.02 : range <= 0.3 + eps ? 0.05 : range <= 0.6 + eps ? 0.1
                    : range <= 1.2 + eps ? 0.2 : 0.5;
        }

        /**
         * Where a chart's value axis starts: yLower, or below it to the next whole number of ticks under 1, so that
         * 1 (a perfectly stable run) is a tick (0.3 with ticks of 0.2 starts at 0.2).
         */
        public double axisLower() {
            double unit = tickUnit();
            return 1 - unit * Math.ceil((1 - yLower) / unit - 1e-9);
        }
    }

    private record Measure(String name, ToDoubleFunction<ProbeRecord> value) {
    }

    private StabilitySeries() {
    }

    /**
     * The charts of one probed image.
     *
     * @param labelNames names of the model's labels by value, for the per-label series
     * @param perLabel   one Dice series per label instead of the mean Dice
     */
    public static List<Chart> of(ProbedCase probed, Map<Integer, String> labelNames, double topPercent, boolean perLabel) {
        List<ProbeRecord> records = probed.probe().records();
        ProbeRecord identity = records.stream().filter(r -> r.perturbation().kind().equals("identity")).findFirst().orElse(null);
        Map<String, List<ProbeRecord>> panels = new LinkedHashMap<>();
        for (ProbeRecord r : records) {
            if (r != identity && !r.perturbation().kind().equals("identity")) {
                panels.computeIfAbsent(StabilityPlot.panelKey(r.perturbation()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Measure> measures = measures(records, labelNames, topPercent, perLabel);
        List<Chart> charts = new ArrayList<>();
        for (List<ProbeRecord> panel : panels.values()) {
            List<ProbeRecord> rows = new ArrayList<>();
            if (identity != null) {
                rows.add(identity);
            }
            rows.addAll(panel);
            List<String> levels = new ArrayList<>();
            rows.forEach(r -> {
                if (!levels.contains(level(r))) {
                    levels.add(level(r));
                }
            });
            List<Series> series = new ArrayList<>();
            double lowest = 1;
            for (Measure m : measures) {
                List<Point> points = new ArrayList<>();
                for (ProbeRecord r : rows) {
                    double v = m.value().applyAsDouble(r);
                    if (!Double.isNaN(v)) {
                        points.add(new Point(level(r), v));
                        lowest = Math.min(lowest, v);
                    }
                }
                series.add(new Series(m.name(), points));
            }
            Perturbation p = panel.get(0).perturbation();
            charts.add(new Chart(title(p), axisLabel(p), levels, series, StabilityPlot.axisFloor(lowest)));
        }
        return charts;
    }

    /** "none" for the identity, else the level as the user wrote it ("20", "0.5"). */
    public static String level(ProbeRecord r) {
        return r.perturbation().kind().equals("identity") ? NONE : LevelFormat.format(r.perturbation().level());
    }

    private static List<Measure> measures(List<ProbeRecord> records, Map<Integer, String> labelNames, double topPercent,
                                          boolean perLabel) {
        List<Measure> measures = new ArrayList<>();
        if (perLabel) {
            // Every label any row scored, so every chart has the same series in the same order.
            TreeSet<Integer> labels = new TreeSet<>();
            records.forEach(r -> labels.addAll(r.dice().perLabel().keySet()));
            for (int k : labels) {
                measures.add(new Measure("Dice " + labelNames.getOrDefault(k, "label " + k),
                        r -> r.dice().perLabel().getOrDefault(k, Double.NaN)));
            }
        } else {
            measures.add(new Measure("mean Dice of labels", r -> r.dice().mean()));
        }
        measures.add(new Measure("evidence Pearson r", ProbeRecord::pearson));
        measures.add(new Measure("evidence top-" + LevelFormat.format(topPercent) + "% overlap", ProbeRecord::topOverlap));
        return measures;
    }

    private static String title(Perturbation p) {
        PerturbationMenu.Kind kind = PerturbationMenu.kind(p.kind());
        String name = kind == null ? p.kind() : kind.title();
        String options = new TreeMap<>(p.options()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return options.isEmpty() ? name : name + " (" + options + ")";
    }

    private static String axisLabel(Perturbation p) {
        PerturbationMenu.Kind kind = PerturbationMenu.kind(p.kind());
        return kind == null ? p.parameter() : kind.axisLabel();
    }
}
