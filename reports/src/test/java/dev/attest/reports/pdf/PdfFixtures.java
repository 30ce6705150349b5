package dev.attest.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Realistic report data for the PDF tests, and page previews when attest.pdf.png names a folder. */
final class PdfFixtures {

    static final Instant GENERATED = Instant.parse("2025-06-02T09:41:00Z");
    static final String VERSION = "0.1.0-SNAPSHOT";

    static final String LONG_CLAIM = "Large right-sided pleural effusion with compressive atelectasis of the right "
            + "lower lobe and partial atelectasis of the middle lobe, mediastinal shift to the left is not seen; "
            + "estimated effusion volume 1,480 mL on the segmentation, compared with 620 mL on the prior study of "
            + "2024-11-03, consistent with interval increase of the effusion since then.";
    static final String SYMBOL_CLAIM = "Nodule ≥ 3 cm × 2 cm – volume 12 cm³, κ 0.41 → follow-up CT in 3 months ✓";

    private PdfFixtures() {
    }

    static CaseReportData caseReport(int claimCount) {
        List<ClaimRow> claims = new ArrayList<>();
        claims.add(new ClaimRow(1, "Liver volume 1,512 mL.", "mask",
                List.of(new CheckCell("existence", CheckOutcome.PASS, "mask 1,512 mL", ""),
                        new CheckCell("size", CheckOutcome.PASS, "1,512 mL vs 1,500 mL", "within 5%")),
                List.of(new ScoreCell("R1", "correct", "supports", "good", "", "insignificant", ""),
                        new ScoreCell("R2", "correct", "supports", "good", "", "insignificant", ""))));
        claims.add(new ClaimRow(2, "3 cm nodule in the left lower lobe.", "box",
                List.of(new CheckCell("laterality", CheckOutcome.FAIL, "box centre x = -84.2 mm (right)",
                                "claim says left; the box lies right of the midline"),
                        new CheckCell("size", CheckOutcome.FAIL, "box diameter 31.0 mm vs claim 30 mm", ""),
                        new CheckCell("location", CheckOutcome.UNKNOWN, "", "no lobe atlas for this scan")),
                List.of(new ScoreCell("R1", "incorrect", "contradicts", "hit only", "wrong location (laterality)",
                                "significant", "Nodule is in the right lower lobe, the box is correct, the sentence is not."),
                        new ScoreCell("R2", "partially correct", "partial", "hit only", "wrong location (laterality)",
                                "significant", ""))));
        claims.add(new ClaimRow(3, LONG_CLAIM, "mask",
                List.of(new CheckCell("existence", CheckOutcome.PASS, "mask 1,480 mL", ""),
                        new CheckCell("laterality", CheckOutcome.PASS, "centroid x = -96.0 mm (right)", ""),
                        new CheckCell("comparison", CheckOutcome.UNKNOWN, "", "prior study not in the project")),
                List.of(new ScoreCell("R1", "partially correct", "supports", "good", "false comparison",
                                "insignificant", "Prior volume not verifiable; the rest is right."),
                        new ScoreCell("R2", "correct", "supports", "good", "", "significant", ""))));
        claims.add(new ClaimRow(4, SYMBOL_CLAIM, "heat map",
                List.of(new CheckCell("size", CheckOutcome.PASS, "≥ 30 mm: 31.0 mm", "")),
                List.of(new ScoreCell("R1", "correct", "partial", "hit only", "", "significant", "Δ vs prior ≈ 0"))));
        for (int i = 5; i <= claimCount; i++) {
            claims.add(new ClaimRow(i, "Finding " + i + ": small hypodense lesion in liver segment " + (i % 8 + 1)
                    + ", measuring " + (5 + i) + " mm, too small to characterise, likely a simple cyst; "
                    + "no follow-up needed unless clinically indicated.", i % 2 == 0 ? "box" : "mask",
                    List.of(new CheckCell("size", i % 3 == 0 ? CheckOutcome.FAIL : CheckOutcome.PASS,
                            (5 + i) + ".0 mm vs " + (5 + i + (i % 3 == 0 ? 4 : 0)) + ".0 mm", "")),
                    List.of(new ScoreCell("R1", "correct", "supports", "good", "", "insignificant", ""))));
        }
        return new CaseReportData("Case report: chest-abdomen CT, TotalSegmentator demo", "case-0007",
                "1.2.826.0.1.3680043.8.498.1042", "Site B (Basel)", "Siemens SOMATOM Force", "CT",
                "totalseg-fast", "2.4.0", false, GENERATED, VERSION,
                List.of(new KeyImage(slice(256, 256, true), "Axial 112/240: liver mask (green), nodule box (red)"),
                        new KeyImage(slice(320, 200, false), "Coronal 88/180: effusion mask, window lung"),
                        new KeyImage(slice(200, 300, true), "Sagittal 140/256: the nodule in the lower lobe")),
                claims,
                List.of(new CaseReportData.MissedFinding("Small left adrenal nodule, 11 mm", "R2"),
                        new CaseReportData.MissedFinding("Degenerative changes T11-T12", "R1")),
                List.of(new CaseReportData.Acceptability("R1", "acceptable with edits"),
                        new CaseReportData.Acceptability("R2", "unacceptable")));
    }

    /** A CT-like slice with overlays burnt in, as the caller would render it. */
    static BufferedImage slice(int width, int height, boolean box) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(110, 110, 110));
        g.fillOval(width / 10, height / 8, width * 8 / 10, height * 3 / 4);
        g.setColor(new Color(30, 30, 30));
        g.fillOval(width / 5, height / 4, width / 4, height / 3);
        g.fillOval(width * 11 / 20, height / 4, width / 4, height / 3);
        g.setColor(new Color(0, 200, 0));
        g.setStroke(new BasicStroke(2));
        g.drawOval(width / 2, height * 3 / 5, width / 4, height / 6);
        if (box) {
            g.setColor(Color.RED);
            g.drawRect(width / 4, height / 3, width / 10, height / 10);
        }
        g.dispose();
        return image;
    }

    static BenchmarkSummaryData benchmark() {
        Map<String, Integer> a = new LinkedHashMap<>();
        a.put("correct", 112);
        a.put("partially correct", 31);
        a.put("incorrect", 18);
        a.put("ungradable", 4);
        Map<String, Integer> b = new LinkedHashMap<>();
        b.put("correct", 87);
        b.put("partially correct", 40);
        b.put("incorrect", 35);
        b.put("ungradable", 3);
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("correct", 60);
        c.put("partially correct", 12);
        c.put("incorrect", 9);
        c.put("ungradable", 0);
        return new BenchmarkSummaryData("Chest CT pilot 2025", GENERATED, VERSION,
                new BenchmarkSummaryData.Counts(40, 205, 411, 3),
                List.of(new BenchmarkSummaryData.GroupSummary("totalseg-fast 2.4.0", 40, 83, 165),
                        new BenchmarkSummaryData.GroupSummary("maira-2 (grounded)", 40, 82, 165),
                        new BenchmarkSummaryData.GroupSummary("radfm 1.0", 20, 40, 81)),
                List.of(new BenchmarkSummaryData.GroupSummary("Site A", 22, 110, 220),
                        new BenchmarkSummaryData.GroupSummary("Site B (Basel)", 18, 95, 191)),
                List.of(new BenchmarkSummaryData.VerdictDistribution("totalseg-fast 2.4.0", a),
                        new BenchmarkSummaryData.VerdictDistribution("maira-2 (grounded)", b),
                        new BenchmarkSummaryData.VerdictDistribution("radfm 1.0", c)),
                List.of(rates("totalseg-fast 2.4.0", 3, 40, 5, 60, 0, 12),
                        rates("maira-2 (grounded)", 9, 38, 14, 55, 6, 20),
                        rates("radfm 1.0", 4, 20, 7, 30, 2, 8)),
                List.of(rates("Site A", 7, 50, 12, 80, 4, 22), rates("Site B (Basel)", 9, 48, 14, 65, 4, 18)),
                List.of(new BenchmarkSummaryData.MetricRow("Claim precision (correct / gradable)", 0.6393, 0.5901, 0.6870),
                        new BenchmarkSummaryData.MetricRow("Evidence precision (supports / correct)", 0.8120, 0.7550, 0.8610),
                        new BenchmarkSummaryData.MetricRow("Fleiss' kappa, verdict (3 reviewers)", 0.5470, 0.4812, 0.6103),
                        new BenchmarkSummaryData.MetricRow("Dice, liver mask vs reviewer", 0.9512, null, null)));
    }

    private static BenchmarkSummaryData.FailureRates rates(String group, int latF, int latT, int sizeF, int sizeT,
                                                           int locF, int locT) {
        Map<String, BenchmarkSummaryData.FailRate> m = new LinkedHashMap<>();
        m.put("laterality", new BenchmarkSummaryData.FailRate(latF, latT));
        m.put("size", new BenchmarkSummaryData.FailRate(sizeF, sizeT));
        m.put("location", new BenchmarkSummaryData.FailRate(locF, locT));
        return new BenchmarkSummaryData.FailureRates(group, m);
    }

    /**
     * When the system property attest.pdf.png names a folder, copies the PDF there and renders each page to
     * PNG at 60 dpi for a person to look at; otherwise does nothing.
     */
    static void preview(Path pdf, String name) throws IOException {
        String folder = System.getProperty("attest.pdf.png");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Files.createDirectories(Path.of(folder));
        Files.copy(pdf, dir.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(renderer.renderImageWithDPI(i, 60), "png",
                        dir.resolve(name + "-renderer-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
