package dev.attest.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * A grouped bar chart drawn as PDF vector paths: one group of bars per model or site, one bar per category
 * (verdict, check kind), with title, legend, y axis ticks and grid, group labels and value labels.
 */
final class GroupedBarChart {

    /**
     * What to plot.
     *
     * @param values     values[group][series] in display units; NaN for a bar that has no value (drawn as "n/a")
     * @param fixedTop   the axis maximum (100 for percentages), or 0 to fit the data
     * @param unitSuffix appended to tick and value labels, e.g. "%"
     * @param integers   whether the values are counts (no fractional ticks, no decimals)
     * @param decimals   decimals of the value labels when not integers
     * @param low        interval lower bounds, same shape as values, or null for no interval bars; a NaN bound
     *                   draws no bar for that value
     * @param high       interval upper bounds, null exactly when low is
     */
    record Spec(String title, String yLabel, List<String> groups, List<String> series, double[][] values,
                double fixedTop, String unitSuffix, boolean integers, int decimals, double[][] low, double[][] high) {
        Spec {
            if ((low == null) != (high == null)) {
                throw new IllegalArgumentException("interval bounds need both a low and a high array");
            }
        }

        /** Bars without intervals, one decimal on labels that are not counts. */
        Spec(String title, String yLabel, List<String> groups, List<String> series, double[][] values,
             double fixedTop, String unitSuffix, boolean integers) {
            this(title, yLabel, groups, series, values, fixedTop, unitSuffix, integers, 1, null, null);
        }
    }

    private static final float TITLE_SIZE = 10;
    private static final float LABEL_SIZE = 7;
    private static final float VALUE_SIZE = 6;

    private GroupedBarChart() {
    }

    /** Draws the chart inside the box whose lower-left corner is (x, y). */
    static void draw(PDPageContentStream cs, Spec spec, float x, float y, float width, float height)
            throws IOException {
        float top = y + height;
        PageFlow.showText(cs, spec.title(), PdfStyle.BOLD, TITLE_SIZE, PdfStyle.TEXT, x, top - TITLE_SIZE);
        float legendBottom = legend(cs, spec.series(), x + 40, top - TITLE_SIZE - 8, width - 40);

        float plotLeft = x + 44;
        float plotRight = x + width - 4;
        float plotTop = legendBottom - 12;
        float plotBottom = y + 26;
        float plotHeight = plotTop - plotBottom;

        double max = 0;
        for (double[] row : spec.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        NiceTicks ticks = spec.fixedTop() > 0 ? NiceTicks.of(spec.fixedTop(), spec.integers())
                : NiceTicks.of(max, spec.integers());
        yAxis(cs, spec, ticks, plotLeft, plotRight, plotBottom, plotHeight);

        int groups = spec.groups().size();
        int series = spec.series().size();
        float groupWidth = (plotRight - plotLeft) / Math.max(1, groups);
        float barWidth = groupWidth * 0.76f / Math.max(1, series);
        for (int g = 0; g < groups; g++) {
            float groupLeft = plotLeft + g * groupWidth + groupWidth * 0.12f;
            for (int s = 0; s < series; s++) {
                double value = spec.values()[g][s];
                float barX = groupLeft + s * barWidth;
                if (Double.isNaN(value)) {
                    // No bar is not a bar of zero: say so where the bar would stand.
                    valueLabel(cs, "n/a", barX, barWidth, plotBottom + 2);
                    continue;
                }
                float barHeight = (float) (value / ticks.top() * plotHeight);
                cs.setNonStrokingColor(PdfStyle.SERIES[s % PdfStyle.SERIES.length]);
                cs.addRect(barX + 0.5f, plotBottom, barWidth - 1, barHeight);
                cs.fill();
                float labelBase = plotBottom + barHeight;
                if (spec.low() != null) {
                    labelBase = Math.max(labelBase, intervalBar(cs, spec.low()[g][s], spec.high()[g][s], ticks,
                            barX, barWidth, plotBottom, plotHeight));
                }
                valueLabel(cs, format(value, spec.integers(), spec.decimals()) + spec.unitSuffix(), barX, barWidth,
                        labelBase + 2);
            }
            groupLabel(cs, spec.groups().get(g), plotLeft + g * groupWidth, groupWidth, plotBottom);
        }
        // Axes last so bars never cover them.
        cs.setStrokingColor(PdfStyle.TEXT);
        cs.setLineWidth(0.8f);
        cs.moveTo(plotLeft, plotTop);
        cs.lineTo(plotLeft, plotBottom);
        cs.lineTo(plotRight, plotBottom);
        cs.stroke();
    }

    /** A label centred over a bar, left out when it is wider than the bar. */
    private static void valueLabel(PDPageContentStream cs, String label, float barX, float barWidth, float baseline)
            throws IOException {
        float labelWidth = TextWrapper.width(label, PdfStyle.REGULAR, VALUE_SIZE);
        if (labelWidth <= barWidth + 1) {
            PageFlow.showText(cs, label, PdfStyle.REGULAR, VALUE_SIZE, PdfStyle.TEXT,
                    barX + (barWidth - labelWidth) / 2, baseline);
        }
    }

    /**
     * An interval as a vertical line with short caps through the middle of the bar; returns the y of its top, so
     * the value label goes above it. Nothing is drawn for a bound that is not finite.
     */
    private static float intervalBar(PDPageContentStream cs, double low, double high, NiceTicks ticks, float barX,
                                     float barWidth, float plotBottom, float plotHeight) throws IOException {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return plotBottom;
        }
        float x = barX + barWidth / 2;
        float y0 = plotBottom + (float) (Math.max(0, low) / ticks.top() * plotHeight);
        float y1 = plotBottom + (float) (Math.min(ticks.top(), high) / ticks.top() * plotHeight);
        float cap = Math.min(6, barWidth * 0.4f) / 2;
        cs.setStrokingColor(PdfStyle.TEXT);
        cs.setLineWidth(0.7f);
        cs.moveTo(x, y0);
        cs.lineTo(x, y1);
        cs.moveTo(x - cap, y0);
        cs.lineTo(x + cap, y0);
        cs.moveTo(x - cap, y1);
        cs.lineTo(x + cap, y1);
        cs.stroke();
        return y1;
    }

    /** Swatches with names, wrapped onto as many rows as needed; returns the y under the last row. */
    private static float legend(PDPageContentStream cs, List<String> names, float x, float top, float width)
            throws IOException {
        float cursor = x;
        float baseline = top - LABEL_SIZE;
        for (int s = 0; s < names.size(); s++) {
            String name = WinAnsiText.sanitize(names.get(s));
            float entryWidth = 12 + TextWrapper.width(name, PdfStyle.REGULAR, LABEL_SIZE) + 12;
            if (cursor + entryWidth > x + width && cursor > x) {
                cursor = x;
                baseline -= LABEL_SIZE + 5;
            }
            cs.setNonStrokingColor(PdfStyle.SERIES[s % PdfStyle.SERIES.length]);
            cs.addRect(cursor, baseline - 0.5f, 8, 7);
            cs.fill();
            PageFlow.showText(cs, name, PdfStyle.REGULAR, LABEL_SIZE, PdfStyle.TEXT, cursor + 11, baseline);
            cursor += entryWidth;
        }
        return baseline - 3;
    }

    private static void yAxis(PDPageContentStream cs, Spec spec, NiceTicks ticks, float plotLeft, float plotRight,
                              float plotBottom, float plotHeight) throws IOException {
        cs.setLineWidth(0.4f);
        for (int i = 0; i <= ticks.count(); i++) {
            double value = i * ticks.step();
            float tickY = plotBottom + (float) (value / ticks.top() * plotHeight);
            cs.setStrokingColor(PdfStyle.GRID);
            cs.moveTo(plotLeft, tickY);
            cs.lineTo(plotRight, tickY);
            cs.stroke();
            cs.setStrokingColor(PdfStyle.TEXT);
            cs.moveTo(plotLeft - 3, tickY);
            cs.lineTo(plotLeft, tickY);
            cs.stroke();
            String label = format(value, spec.integers() || ticks.step() >= 1) + spec.unitSuffix();
            float w = TextWrapper.width(label, PdfStyle.REGULAR, LABEL_SIZE);
            PageFlow.showText(cs, label, PdfStyle.REGULAR, LABEL_SIZE, PdfStyle.TEXT, plotLeft - 5 - w, tickY - 2.5f);
        }
        // The axis title reads bottom-to-top beside the tick labels.
        String title = WinAnsiText.sanitize(spec.yLabel());
        float titleWidth = TextWrapper.width(title, PdfStyle.REGULAR, LABEL_SIZE);
        cs.beginText();
        cs.setFont(PdfStyle.REGULAR, LABEL_SIZE);
        cs.setNonStrokingColor(PdfStyle.TEXT);
        cs.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, plotLeft - 34,
                plotBottom + (plotHeight - titleWidth) / 2));
        cs.showText(title);
        cs.endText();
    }

    /** Group names sit under their bars, wrapped to two lines at most. */
    private static void groupLabel(PDPageContentStream cs, String name, float left, float width, float plotBottom)
            throws IOException {
        List<String> lines = TextWrapper.wrap(name, PdfStyle.REGULAR, LABEL_SIZE, width - 4);
        float baseline = plotBottom - 10;
        for (String line : lines.subList(0, Math.min(2, lines.size()))) {
            float w = TextWrapper.width(line, PdfStyle.REGULAR, LABEL_SIZE);
            PageFlow.showText(cs, line, PdfStyle.REGULAR, LABEL_SIZE, PdfStyle.TEXT, left + (width - w) / 2, baseline);
            baseline -= LABEL_SIZE + 2;
        }
    }

    static String format(double value, boolean integer) {
        return format(value, integer, 1);
    }

    static String format(double value, boolean integer, int decimals) {
        return integer ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
