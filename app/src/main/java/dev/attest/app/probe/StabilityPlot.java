package dev.attest.app.probe;

import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.Perturbation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Draws a probe's group rows as an SVG line plot: one row of panels per perturbation kind (with its options), one
 * column per measure (mean Dice, evidence Pearson's r, top-k% overlap), the levels along x in the order probed,
 * one line per group (all cases, each site, each scanner) with its bootstrap interval as a whisker. The identity
 * is a check, not a perturbation, and is left out. SVG is text, so the plot needs no graphics stack and opens in
 * any browser.
 */
public final class StabilityPlot {
    /** Okabe–Ito colours, told apart by readers with colour-vision deficiency; dashes start once they run out. */
    private static final String[] COLOURS = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7",
        "#F0E442"};
    private static final String[] DASHES = {"", "6,3", "2,3"};
    private static final int PANEL_W = 250;
    private static final int PANEL_H = 170;
    private static final int LEFT = 60;
    private static final int GAP_X = 40;
    private static final int GAP_Y = 60;

    /** One measure of a group row, and its column title. */
    private record Measure(String title, Function<GroupRow, GroupStat> stat) {
    }

    private StabilityPlot() {
    }

    public static void write(List<GroupRow> rows, String title, double topPercent, Path file) throws IOException {
        Files.writeString(file, svg(rows, title, topPercent), StandardCharsets.UTF_8);
    }

    /** The SVG document. */
    public static String svg(List<GroupRow> rows, String title, double topPercent) {
        List<Measure> measures = List.of(new Measure("mean Dice of labels", GroupRow::meanDice),
                new Measure("evidence Pearson r", GroupRow::pearson),
                new Measure("evidence top-" + LevelFormat.format(topPercent) + "% overlap", GroupRow::topOverlap));
        Map<String, List<GroupRow>> panels = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>();
        for (GroupRow r : rows) {
            if (r.perturbation().kind().equals("identity")) {
                continue;
            }
            panels.computeIfAbsent(panelKey(r.perturbation()), k -> new ArrayList<>()).add(r);
            if (!groups.contains(r.groupLabel())) {
                groups.add(r.groupLabel());
            }
        }
        int legendRows = (groups.size() + 3) / 4;
        int top = 80 + 18 * legendRows; // title, legend, column headings, then the panels
        int width = LEFT + measures.size() * (PANEL_W + GAP_X);
        int height = top + Math.max(1, panels.size()) * (PANEL_H + GAP_Y);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, xml(title)));
        for (int g = 0; g < groups.size(); g++) {
            int lx = LEFT + (g % 4) * 200;
            int ly = 42 + 18 * (g / 4);
            s.append(String.format(Locale.ROOT, "<line class=\"legend\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" %s/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx, ly - 4, lx + 24, ly - 4, stroke(g), lx + 30, ly,
                    xml(groups.get(g))));
        }
        for (int m = 0; m < measures.size(); m++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                    LEFT + m * (PANEL_W + GAP_X), top - 26, xml(measures.get(m).title())));
        }
        if (panels.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no perturbation to plot</text>%n", LEFT, top + 20));
        }
        int row = 0;
        for (Map.Entry<String, List<GroupRow>> panel : panels.entrySet()) {
            for (int m = 0; m < measures.size(); m++) {
                int x0 = LEFT + m * (PANEL_W + GAP_X);
                int y0 = top + row * (PANEL_H + GAP_Y);
                panel(s, panel.getKey(), panel.getValue(), measures.get(m), groups, x0, y0);
            }
            row++;
        }
        return s.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder s, String key, List<GroupRow> rows, Measure measure, List<String> groups,
                              int x0, int y0) {
        List<String> levels = new ArrayList<>();
        double lo = 1;
        for (GroupRow r : rows) {
            String level = LevelFormat.format(r.perturbation().level());
            if (!levels.contains(level)) {
                levels.add(level);
            }
            GroupStat st = measure.stat().apply(r);
            lo = Math.min(lo, min(st.mean(), st.ci() == null ? Double.NaN : st.ci().lower()));
        }
        double yLo = axisFloor(lo);
        String parameter = rows.get(0).perturbation().parameter();
        s.append(String.format(Locale.ROOT, "<g class=\"panel\" data-perturbation=\"%s\" data-measure=\"%s\">%n",
                xml(key), xml(measure.title())));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x0, y0 - 8,
                xml(key)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", x0, y0, PANEL_W, PANEL_H));
        for (int i = 0; i <= 5; i++) {
            double t = yLo + i * (1 - yLo) / 5;
            double y = yOf(t, yLo, y0);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n", x0, y, x0 + PANEL_W, y, x0 - 4, y + 4,
                    t + 0.0));
        }
        for (int i = 0; i < levels.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    xOf(i, levels.size(), x0), y0 + PANEL_H + 14, xml(levels.get(i))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x0 + PANEL_W / 2, y0 + PANEL_H + 30, xml(parameter)));
        for (int g = 0; g < groups.size(); g++) {
            Map<Integer, GroupStat> points = new TreeMap<>();
            for (GroupRow r : rows) {
                if (r.groupLabel().equals(groups.get(g))) {
                    points.put(levels.indexOf(LevelFormat.format(r.perturbation().level())), measure.stat().apply(r));
                }
            }
            StringBuilder line = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (Map.Entry<Integer, GroupStat> p : points.entrySet()) {
                GroupStat st = p.getValue();
                if (Double.isNaN(st.mean())) {
                    continue;
                }
                double x = xOf(p.getKey(), levels.size(), x0);
                double y = yOf(st.mean(), yLo, y0);
                line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x, y,
                        COLOURS[g % COLOURS.length]));
                if (st.ci() != null && !Double.isNaN(st.ci().lower())) {
                    marks.append(String.format(Locale.ROOT, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                            + "y2=\"%.1f\" stroke=\"%s\"/>", x, yOf(st.ci().lower(), yLo, y0), x,
                            yOf(st.ci().upper(), yLo, y0), COLOURS[g % COLOURS.length]));
                }
            }
            if (!line.isEmpty()) {
                s.append(String.format(Locale.ROOT, "<polyline data-group=\"%s\" points=\"%s\" fill=\"none\" %s/>%s%n",
                        xml(groups.get(g)), line, stroke(g), marks));
            }
        }
        s.append("</g>\n");
    }

    /**
     * Where a panel's value axis starts: the largest multiple of 0.1 strictly below the lowest value (so never above
     * 0.9). Stable models sit near 1 on every measure, and a fixed 0..1 axis would flatten their differences into one
     * line. The workstation's charts use the same rule, so they read like this plot.
     */
    static double axisFloor(double lowest) {
        return (Math.ceil(lowest * 10 - 1e-9) - 1) / 10;
    }

    /** The colour of the i-th line (groups here, series in the workstation's charts), cycling through the palette. */
    public static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** The dash pattern of the i-th line ("" solid, else SVG's "on,off"): dashes start once the colours run out. */
    public static String dash(int i) {
        return DASHES[(i / COLOURS.length) % DASHES.length];
    }

    /** Panels are per kind and options: rotations about L and about S are different curves. */
    static String panelKey(Perturbation p) {
        StringBuilder b = new StringBuilder(p.kind());
        new TreeMap<>(p.options()).forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    private static double xOf(int index, int count, int x0) {
        return count == 1 ? x0 + PANEL_W / 2.0 : x0 + 20 + index * (PANEL_W - 40.0) / (count - 1);
    }

    private static double yOf(double v, double lo, int y0) {
        return y0 + PANEL_H - (v - lo) / (1 - lo) * PANEL_H;
    }

    private static double min(double a, double b) {
        return Double.isNaN(a) ? (Double.isNaN(b) ? 1 : b) : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static String stroke(int g) {
        String dash = dash(g);
        return "stroke=\"" + COLOURS[g % COLOURS.length] + "\" stroke-width=\"1.5\""
                + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
