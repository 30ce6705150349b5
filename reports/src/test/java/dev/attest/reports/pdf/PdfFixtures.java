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

    /**
     * {@link #benchmark()} with model evidence against reviewers' corrections: two models with masks, boxes and
     * heat maps, one with masks only (its other bars are n/a) and a long name, and a site where every correction
     * was skipped.
     */
    static BenchmarkSummaryData benchmarkWithEvidence() {
        BenchmarkSummaryData b = benchmark();
        BenchmarkSummaryData.CorrectionGroup seg = new BenchmarkSummaryData.CorrectionGroup("totalseg-fast 2.4.0", 18,
                31, 40, 12, 9, List.of(mean("Mask Dice", 40, 0.8123, 0.7702, 0.8519, true),
                        mean("Mask IoU", 40, 0.7011, 0.6530, 0.7477, true),
                        mean("Mask HD95 (mm)", 37, 6.4321, 4.9012, 8.1003, false),
                        mean("Mask surface Dice at 1 mm", 40, 0.6612, 0.6003, 0.7198, true),
                        mean("Box IoU", 12, 0.5833, 0.4410, 0.7104, true),
                        mean("Box pixel precision", 11, 0.9011, 0.8120, 0.9702, true),
                        mean("Box pixel recall", 12, 0.6204, 0.4833, 0.7512, true),
                        mean("Heat-map pointing game (hit rate)", 9, 0.7778, 0.4444, 1.0, true),
                        mean("Heat-map energy in region", 9, 0.4120, 0.2811, 0.5533, true)),
                emptyMasks(36, 1, 3, 0), 1, skips("no_evidence", 2, "grid_mismatch", 1));
        BenchmarkSummaryData.CorrectionGroup maira = new BenchmarkSummaryData.CorrectionGroup("maira-2 (grounded)", 9,
                14, 0, 14, 14, List.of(mean("Box IoU", 14, 0.4511, 0.3302, 0.5690, true),
                        mean("Box pixel precision", 14, 0.6120, 0.4801, 0.7403, true),
                        mean("Box pixel recall", 14, 0.7002, 0.5710, 0.8205, true),
                        mean("Heat-map pointing game (hit rate)", 14, 0.5, 0.2857, 0.7143, true),
                        mean("Heat-map energy in region", 14, 0.2987, 0.2010, 0.4012, true)),
                Map.of(), 0, Map.of());
        BenchmarkSummaryData.CorrectionGroup longName = new BenchmarkSummaryData.CorrectionGroup(
                "nnU-Net 3d_fullres abdominal organs, fold 0 of 5, checkpoint best, test-time augmentation on", 1, 1, 1,
                0, 0, List.of(mean("Mask Dice", 1, 0.9, null, null, true), mean("Mask IoU", 1, 0.8182, null, null, true),
                        mean("Mask HD95 (mm)", 0, Double.NaN, null, null, false),
                        mean("Mask surface Dice at 1 mm", 1, 0.95, null, null, true)),
                emptyMasks(1, 0, 0, 0), 0, Map.of());
        BenchmarkSummaryData.CorrectionGroup skippedSite = new BenchmarkSummaryData.CorrectionGroup("Site C", 0, 0, 0,
                0, 0, List.of(), Map.of(), 0, skips("artifact_missing", 3));
        return new BenchmarkSummaryData(b.projectName(), b.generatedAt(), b.attestVersion(), b.counts(), b.models(),
                b.sites(), b.verdictsByModel(), b.failuresByModel(), b.failuresBySite(), b.metrics(),
                new BenchmarkSummaryData.EvidenceAgreement("Surface Dice at 1 mm; a heat map hits within 5 mm.",
                        List.of(seg, maira, longName), List.of(skippedSite)));
    }

    private static BenchmarkSummaryData.MeanRow mean(String name, int n, double value, Double low, Double high,
                                                     boolean zeroToOne) {
        return new BenchmarkSummaryData.MeanRow(name, n, value, low, high, zeroToOne);
    }

    private static Map<String, Integer> emptyMasks(int neither, int both, int reference, int prediction) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("neither", neither);
        m.put("both", both);
        m.put("reference", reference);
        m.put("prediction", prediction);
        return m;
    }

    private static Map<String, Integer> skips(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
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
