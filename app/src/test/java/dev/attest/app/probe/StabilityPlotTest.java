package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG's panels, lines and points, placed where the axis scales say. */
class StabilityPlotTest {
    @Test
    void onePanelPerKindAndMeasureOneLinePerGroupPointsOnTheScale() throws Exception {
        List<ProbedCase> cases = List.of(
                StabilityGroupsTest.probed(1, "A", "X", 0.8, 0.9, 0.7),
                StabilityGroupsTest.probed(2, "A", "X", 0.6, 0.7, 0.5),
                StabilityGroupsTest.probed(3, "B & C", "X", 0.9, 0.95, 0.8));
        String svg = StabilityPlot.svg(StabilityGroups.of(cases, BootstrapOptions.DEFAULT), "Stability <demo>", 5);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // identity is left out: one kind (noise) x three measures
        assertEquals(3, count(svg, "<g class=\"panel\""));
        assertTrue(svg.contains("data-perturbation=\"noise\" data-measure=\"evidence top-5% overlap\""));
        // groups: all, site=A, site=B & C, scanner=X -> 4 lines per panel, 4 legend entries
        assertEquals(12, count(svg, "<polyline"));
        assertEquals(4, count(svg, "class=\"legend\""));
        assertTrue(svg.contains("site=B &amp; C"));
        assertTrue(svg.contains("Stability &lt;demo&gt;"));
        // Panels start at y = 80 + 18 (one legend row); one level sits mid-panel at x = 60 + 125. The lowest value
        // in the Dice panel is 0.6 (site A's interval), so its axis runs from 0.5 to 1 over 170 px: site A's mean
        // 0.7 is at y = 98 + 170 - (0.7 - 0.5) / 0.5 * 170 = 200.
        Matcher m = Pattern.compile("<polyline data-group=\"site=A\" points=\"([^\"]+)\"").matcher(svg);
        assertTrue(m.find());
        assertEquals("185.0,200.0", m.group(1));
        // whisker of site A (two cases): 0.6 .. 0.8 -> y 234 .. 166
        assertTrue(svg.contains("<line class=\"ci\" x1=\"185.0\" y1=\"234.0\" x2=\"185.0\" y2=\"166.0\""), svg);
        assertTrue(svg.contains("text-anchor=\"end\">0.50</text>"), "the axis starts at 0.50");
        assertTrue(svg.contains("font-weight=\"bold\">mean Dice of labels</text>"), "column heading");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
