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
 * verdicts per model, check failure rates by model and by site (charts plus a fail/total table), and the
 * metric table with confidence intervals. Charts are vector paths drawn here; no charting library.
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
            rows.add(new String[] {m.name(), number(m.value()), m.ciLow() == null ? "-" : number(m.ciLow()),
                m.ciHigh() == null ? "-" : number(m.ciHigh())});
        }
        SimpleTable.draw(flow, new String[] {"Metric", "Value", "95% CI low", "95% CI high"},
                new float[] {235, 80, 80, 80}, new boolean[] {false, true, true, true}, rows);
    }

    /** Three decimals; "n/a" for a ratio whose denominator was 0 (e.g. no incorrect claim to be evidenced). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        // A kappa of -1e-17 (rounding in its arithmetic) is zero, not "-0.000".
        return s.equals("-0.000") ? "0.000" : s;
    }
}
