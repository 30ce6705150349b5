package dev.attest.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Writes the benchmark summary as an A4 PDF: project counts, models and sites, a grouped bar chart of
 * verdicts per model, check failure rates by model and by site (charts plus a fail/total table), the
 * metric table with confidence intervals, and model evidence against reviewers' corrections by model (chart with
 * interval bars) and by model and site (tables). Charts are vector paths drawn here; no charting library.
 */
public final class BenchmarkSummaryPdf {

    private static final float CHART_HEIGHT = 220;
    /** The height of a one-line SimpleTable row. */
    private static final float TABLE_ROW = 16;

    private BenchmarkSummaryPdf() {
    }

    /** Writes the summary to {@code out}, replacing it; the message of any failure names the file. */
    public static void write(BenchmarkSummaryData data, Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            String title = "Benchmark summary: " + data.projectName();
            PageFlow.describe(doc, title, "Attest benchmark summary", data.generatedAt(), data.attestVersion());
            try (PageFlow flow = new PageFlow(doc)) {
                flow.moveDown(16);
                flow.text(title, PdfStyle.BOLD, 16, PdfStyle.TEXT, PageFlow.LEFT, flow.y());
                flow.moveDown(14);
                flow.text("Generated " + CaseReportPdf.WHEN.format(data.generatedAt()) + " by Attest "
                        + data.attestVersion(), PdfStyle.REGULAR, 9, PdfStyle.MUTED, PageFlow.LEFT, flow.y());
                flow.moveDown(6);
                overview(flow, data);
                verdicts(flow, data.verdictsByModel());
                failures(flow, "Check failure rates by model", "Model", data.failuresByModel());
                failures(flow, "Check failure rates by site", "Site", data.failuresBySite());
                metrics(flow, data.metrics());
                evidence(flow, data.evidence());
                flow.finish("Attest " + data.attestVersion() + "  |  " + data.projectName());
            }
            doc.save(out.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot write benchmark summary " + out + ": " + e.getMessage(), e);
        }
    }

    private static void overview(PageFlow flow, BenchmarkSummaryData data) throws IOException {
        flow.heading("Overview");
        BenchmarkSummaryData.Counts c = data.counts();
        float[] four = {90, 90, 90, 90};
        boolean[] allNumeric = {true, true, true, true};
        SimpleTable.draw(flow, new String[] {"Cases", "Claims", "Scores", "Reviewers"}, four, allNumeric,
                List.<String[]>of(new String[] {"" + c.cases(), "" + c.claims(), "" + c.scores(), "" + c.reviewers()}));
        groups(flow, "Model", data.models());
        groups(flow, "Site", data.sites());
    }

    private static void groups(PageFlow flow, String kind, List<BenchmarkSummaryData.GroupSummary> groups)
            throws IOException {
        if (groups.isEmpty()) {
            return;
        }
        flow.moveDown(10);
        List<String[]> rows = new ArrayList<>();
        for (BenchmarkSummaryData.GroupSummary g : groups) {
            rows.add(new String[] {g.name(), "" + g.cases(), "" + g.claims(), "" + g.scores()});
        }
        SimpleTable.draw(flow, new String[] {kind, "Cases", "Claims", "Scores"}, new float[] {200, 70, 70, 70},
                new boolean[] {false, true, true, true}, rows);
    }

    private static void verdicts(PageFlow flow, List<BenchmarkSummaryData.VerdictDistribution> byModel)
            throws IOException {
        if (byModel.isEmpty()) {
            return;
        }
        Set<String> verdicts = new LinkedHashSet<>();
        byModel.forEach(d -> verdicts.addAll(d.counts().keySet()));
        List<String> series = List.copyOf(verdicts);
        double[][] values = new double[byModel.size()][series.size()];
        for (int g = 0; g < byModel.size(); g++) {
            for (int s = 0; s < series.size(); s++) {
                values[g][s] = byModel.get(g).counts().getOrDefault(series.get(s), 0);
            }
        }
        List<String> models = byModel.stream().map(BenchmarkSummaryData.VerdictDistribution::model).toList();
        chart(flow, new GroupedBarChart.Spec("Verdicts by model", "scores", models, series, values, 0, "", true));
    }

    private static void failures(PageFlow flow, String title, String groupKind,
                                 List<BenchmarkSummaryData.FailureRates> byGroup) throws IOException {
        if (byGroup.isEmpty()) {
            return;
        }
        Set<String> kinds = new LinkedHashSet<>();
        byGroup.forEach(r -> kinds.addAll(r.byKind().keySet()));
        List<String> series = List.copyOf(kinds);
        double[][] values = new double[byGroup.size()][series.size()];
        for (int g = 0; g < byGroup.size(); g++) {
            for (int s = 0; s < series.size(); s++) {
                BenchmarkSummaryData.FailRate rate = byGroup.get(g).byKind().get(series.get(s));
                values[g][s] = rate == null ? 0 : 100 * rate.rate();
            }
        }
        List<String> groups = byGroup.stream().map(BenchmarkSummaryData.FailureRates::group).toList();
        // Keep the chart and its count table on one page: a reader compares the two.
        flow.ensureRoom(CHART_HEIGHT + 20 + 6 + (series.size() + 1) * TABLE_ROW);
        chart(flow, new GroupedBarChart.Spec(title, "failed checks (%)", groups, series, values, 100, "%", false));

        // The chart shows rates; the table keeps the counts behind them, which a rate alone hides.
        flow.moveDown(6);
        String[] headers = new String[groups.size() + 1];
        headers[0] = "Check \\ " + groupKind.toLowerCase(Locale.ROOT);
        float[] widths = new float[headers.length];
        boolean[] numeric = new boolean[headers.length];
        widths[0] = 90;
        float rest = Math.min(110, (PageFlow.WIDTH - 90) / groups.size());
        for (int g = 0; g < groups.size(); g++) {
            headers[g + 1] = groups.get(g);
            widths[g + 1] = rest;
            numeric[g + 1] = true;
        }
        List<String[]> rows = new ArrayList<>();
        for (String kind : series) {
            String[] row = new String[headers.length];
            row[0] = kind;
            for (int g = 0; g < groups.size(); g++) {
                BenchmarkSummaryData.FailRate rate = byGroup.get(g).byKind().get(kind);
                row[g + 1] = rate == null ? "-" : failText(rate);
            }
            rows.add(row);
        }
        SimpleTable.draw(flow, headers, widths, numeric, rows);
    }

    static String failText(BenchmarkSummaryData.FailRate rate) {
        return rate.failed() + "/" + rate.total() + " ("
                + String.format(Locale.ROOT, "%.1f", 100 * rate.rate()) + "%)";
    }

    private static void chart(PageFlow flow, GroupedBarChart.Spec spec) throws IOException {
        flow.ensureRoom(CHART_HEIGHT + 20);
        flow.moveDown(14);
        GroupedBarChart.draw(flow.content(), spec, PageFlow.LEFT, flow.y() - CHART_HEIGHT, PageFlow.WIDTH,
                CHART_HEIGHT);
        flow.moveDown(CHART_HEIGHT);
    }

    private static void metrics(PageFlow flow, List<BenchmarkSummaryData.MetricRow> metrics) throws IOException {
        flow.heading("Metrics");
        if (metrics.isEmpty()) {
            flow.moveDown(12);
            flow.text("No metrics computed.", PdfStyle.ITALIC, 9, PdfStyle.TEXT, PageFlow.LEFT, flow.y());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (BenchmarkSummaryData.MetricRow m : metrics) {
            rows.add(new String[] {m.name(), number(m.value()), bound(m.ciLow()), bound(m.ciHigh())});
        }
        SimpleTable.draw(flow, new String[] {"Metric", "Value", "95% CI low", "95% CI high"},
                new float[] {235, 80, 80, 80}, new boolean[] {false, true, true, true}, rows);
    }

    /** The section title, also what the tests look for. */
    static final String EVIDENCE_HEADING = "Evidence against reviewers' corrections";
    static final String NO_CORRECTIONS = "No reviewer has stored a corrected mask, box or point, so no model evidence"
            + " was compared with one.";

    /**
     * Model evidence against the corrections reviewers stored: a chart of every 0-1 metric per model with its
     * interval, then one table per model and per site with the counts behind the means.
     */
    private static void evidence(PageFlow flow, BenchmarkSummaryData.EvidenceAgreement evidence) throws IOException {
        flow.heading(EVIDENCE_HEADING);
        if (evidence.isEmpty()) {
            flow.paragraph(NO_CORRECTIONS, PdfStyle.ITALIC);
            return;
        }
        flow.paragraph("Each correction is compared with the model evidence it corrects and with every heat map of"
                + " its claim. A value is the mean over the n comparisons where it is defined, with a case-level"
                + " bootstrap interval. Empty masks: \"reference\" = the reviewer erased the label (Dice 0, no"
                + " HD95), \"prediction\" = the model's mask lacks it, \"both\" = neither has it (Dice 1)."
                + (evidence.settings().isBlank() ? "" : " " + evidence.settings()), PdfStyle.REGULAR, 8);
        evidenceChart(flow, evidence.byModel());
        for (BenchmarkSummaryData.CorrectionGroup g : evidence.byModel()) {
            correctionGroup(flow, "Model", g);
        }
        for (BenchmarkSummaryData.CorrectionGroup g : evidence.bySite()) {
            correctionGroup(flow, "Site", g);
        }
    }

    /** Every 0-1 metric any model has, one group of bars per model; a model without that comparison reads n/a. */
    private static void evidenceChart(PageFlow flow, List<BenchmarkSummaryData.CorrectionGroup> byModel)
            throws IOException {
        Set<String> names = new LinkedHashSet<>();
        byModel.forEach(g -> g.metrics().stream().filter(BenchmarkSummaryData.MeanRow::zeroToOne)
                .forEach(m -> names.add(m.name())));
        if (names.isEmpty()) {
            return;
        }
        List<String> series = List.copyOf(names);
        int groups = byModel.size();
        double[][] values = new double[groups][series.size()];
        double[][] low = new double[groups][series.size()];
        double[][] high = new double[groups][series.size()];
        for (int g = 0; g < groups; g++) {
            for (int s = 0; s < series.size(); s++) {
                String name = series.get(s);
                BenchmarkSummaryData.MeanRow row = byModel.get(g).metrics().stream()
                        .filter(m -> m.name().equals(name)).findFirst().orElse(null);
                values[g][s] = row == null ? Double.NaN : row.value();
                low[g][s] = row == null || row.ciLow() == null ? Double.NaN : row.ciLow();
                high[g][s] = row == null || row.ciHigh() == null ? Double.NaN : row.ciHigh();
            }
        }
        List<String> models = byModel.stream().map(BenchmarkSummaryData.CorrectionGroup::name).toList();
        chart(flow, new GroupedBarChart.Spec("Evidence against corrections by model (mean, 95% CI)", "mean", models,
                series, values, 1, "", false, 2, low, high));
    }

    private static void correctionGroup(PageFlow flow, String kind, BenchmarkSummaryData.CorrectionGroup g)
            throws IOException {
        List<String> title = TextWrapper.wrap(kind + ": " + g.name(), PdfStyle.BOLD, 9, PageFlow.WIDTH);
        String counts = groupCounts(g);
        float countsX = PageFlow.LEFT + TextWrapper.width(title.get(title.size() - 1), PdfStyle.BOLD, 9) + 8;
        // A long model name: the counts go under it rather than off the page.
        boolean countsBelow = countsX + TextWrapper.width(counts, PdfStyle.REGULAR, 8) > PageFlow.RIGHT;
        String notes = groupNotes(g);
        float head = 24 + (title.size() - 1 + (countsBelow ? 1 : 0)) * 11;
        float table = g.metrics().isEmpty() ? 0 : (g.metrics().size() + 1) * TABLE_ROW;
        float block = head + table + NOTE_GAP + TextWrapper.wrap(notes, PdfStyle.REGULAR, 8, PageFlow.WIDTH - 10).size() * 11;
        // A group's table reads with its counts and notes, so it moves to the next page whole when it fits on one;
        // a taller one keeps at least its line, the header and the first row together.
        flow.ensureRoom(block <= PageFlow.pageCapacity() ? block : head + 2 * TABLE_ROW);
        flow.moveDown(18);
        for (int i = 0; i < title.size(); i++) {
            if (i > 0) {
                flow.moveDown(11);
            }
            flow.text(title.get(i), PdfStyle.BOLD, 9, PdfStyle.TEXT, PageFlow.LEFT, flow.y());
        }
        if (countsBelow) {
            flow.moveDown(11);
            countsX = PageFlow.LEFT;
        }
        flow.text(counts, PdfStyle.REGULAR, 8, PdfStyle.MUTED, countsX, flow.y());
        flow.moveDown(6);
        if (!g.metrics().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            for (BenchmarkSummaryData.MeanRow m : g.metrics()) {
                rows.add(new String[] {m.name(), Integer.toString(m.n()), number(m.value()), bound(m.ciLow()),
                    bound(m.ciHigh())});
            }
            // As wide as the metric table above, whose value and interval columns these line up with.
            SimpleTable.draw(flow, new String[] {"Metric", "n", "Value", "95% CI low", "95% CI high"},
                    new float[] {195, 40, 80, 80, 80}, new boolean[] {false, true, true, true, true}, rows);
        }
        flow.moveDown(NOTE_GAP);
        flow.paragraph(notes, PdfStyle.REGULAR, 8);
    }

    /** Space between a table and the note under it. */
    private static final float NOTE_GAP = 3;

    /** "Empty masks: neither 1, ... Skipped: bad_geometry 2." */
    private static String groupNotes(BenchmarkSummaryData.CorrectionGroup g) {
        StringBuilder notes = new StringBuilder();
        if (!g.emptyMasks().isEmpty()) {
            notes.append("Empty masks: ").append(counts(g.emptyMasks())).append(". ");
        }
        if (g.boxes() > 0) {
            notes.append("Boxes without a model box (its mask lacked the label): ").append(g.boxesWithoutModelBox())
                    .append(". ");
        }
        return notes.append("Skipped: ").append(g.skipped().isEmpty() ? "none" : counts(g.skipped())).append('.')
                .toString();
    }

    /** "1 case, 3 corrections; 2 mask, 1 box and 3 heat-map comparisons". */
    static String groupCounts(BenchmarkSummaryData.CorrectionGroup g) {
        List<String> kinds = new ArrayList<>();
        if (g.masks() > 0) {
            kinds.add(g.masks() + " mask");
        }
        if (g.boxes() > 0) {
            kinds.add(g.boxes() + " box");
        }
        if (g.heatmaps() > 0) {
            kinds.add(g.heatmaps() + " heat-map");
        }
        String compared = kinds.isEmpty() ? "no comparison"
                : kinds.size() == 1 ? kinds.get(0) + (g.masks() + g.boxes() + g.heatmaps() == 1 ? " comparison" : " comparisons")
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1)
                        + " comparisons";
        return plural(g.cases(), "case") + ", " + plural(g.corrections(), "correction") + "; " + compared;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String counts(java.util.Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static String bound(Double v) {
        return v == null ? "-" : number(v);
    }

    /**
     * A metric as every Attest PDF prints it: three decimals; "n/a" for a ratio whose denominator was 0 (e.g. no
     * incorrect claim to be evidenced). Public so the case report's measured values read the same.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        // A kappa of -1e-17 (rounding in its arithmetic) is zero, not "-0.000".
        return s.equals("-0.000") ? "0.000" : s;
    }
}
