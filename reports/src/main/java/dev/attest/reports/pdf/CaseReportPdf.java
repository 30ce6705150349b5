package dev.attest.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes one case's review as an A4 PDF: case facts, the model runs, key images two to a row (or why there are
 * none), the claims table with check outcomes and reviewer scores, the reviewers' corrections against the model's
 * evidence (when there are any), missed findings and per-reviewer acceptability, with "page n of N" footers.
 */
public final class CaseReportPdf {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** Run start times, under a column header that names the zone, so the value fits on one line. */
    private static final DateTimeFormatter RUN_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final float IMAGE_GAP = 12;
    private static final float IMAGE_MAX_HEIGHT = 200;
    private static final float CAPTION_SIZE = 8;
    private static final float CAPTION_LEADING = 10;

    private CaseReportPdf() {
    }

    /** Writes the report to {@code out}, replacing it; the message of any failure names the file. */
    public static void write(CaseReportData data, Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PageFlow.describe(doc, data.title(), "Attest case report " + data.caseId(), data.generatedAt(),
                    data.attestVersion());
            try (PageFlow flow = new PageFlow(doc)) {
                header(flow, data);
                modelRuns(flow, data.modelRuns());
                keyImages(flow, data.keyImages(), data.keyImageNote());
                // The heading goes with the table's first row: never a heading and an empty header at a page foot.
                flow.ensureRoom(PageFlow.HEADING_HEIGHT + ClaimsTable.openingHeight(data.claims()));
                flow.heading("Claims (" + data.claims().size() + ")");
                new ClaimsTable(flow).draw(data.claims());
                corrections(flow, data.corrections());
                missedFindings(flow, data.missedFindings());
                acceptability(flow, data.acceptability());
                flow.finish("Attest " + data.attestVersion() + "  |  case " + data.caseId());
            }
            doc.save(out.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot write case report " + out + ": " + e.getMessage(), e);
        }
    }

    private static void header(PageFlow flow, CaseReportData data) throws IOException {
        for (String line : TextWrapper.wrap(data.title(), PdfStyle.BOLD, 16, PageFlow.WIDTH)) {
            flow.moveDown(16);
            flow.text(line, PdfStyle.BOLD, 16, PdfStyle.TEXT, PageFlow.LEFT, flow.y());
            flow.moveDown(4);
        }
        flow.moveDown(6);
        String[][] left = {{"Case", data.caseId()}, {"Study", data.studyRef()}, {"Site", data.site()},
            {"Scanner", data.scanner()}};
        String[][] right = {{"Modality", data.modality()}, {"Model", data.modelLabel()},
            {"Generated", WHEN.format(data.generatedAt())}, {"Claims", Integer.toString(data.claims().size())}};
        float half = PageFlow.WIDTH / 2;
        float top = flow.y();
        float leftBottom = facts(flow, left, PageFlow.LEFT, half - 10, top);
        float rightBottom = facts(flow, right, PageFlow.LEFT + half, half, top);
        flow.moveDown(top - Math.min(leftBottom, rightBottom));
    }

    /** Label/value pairs in one column; returns the y under the last one. */
    private static float facts(PageFlow flow, String[][] pairs, float x, float width, float top) throws IOException {
        float labelWidth = 58;
        float y = top;
        for (String[] pair : pairs) {
            List<String> lines = TextWrapper.wrap(pair[1] == null || pair[1].isBlank() ? "-" : pair[1],
                    PdfStyle.REGULAR, 9, width - labelWidth);
            y -= 11;
            flow.text(pair[0], PdfStyle.BOLD, 9, PdfStyle.MUTED, x, y);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= 11;
                }
                flow.text(lines.get(i), PdfStyle.REGULAR, 9, PdfStyle.TEXT, x + labelWidth, y);
            }
            y -= 2;
        }
        return y;
    }

    /** Which model made the claims, with what and when: the provenance a reader checks before trusting a row. */
    private static void modelRuns(PageFlow flow, List<CaseReportData.ModelRunRow> runs) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        flow.heading(runs.size() == 1 ? "Model run" : "Model runs (" + runs.size() + ")");
        List<String[]> rows = new ArrayList<>();
        for (CaseReportData.ModelRunRow r : runs) {
            rows.add(new String[] {r.label(), r.model(), dash(r.version()), dash(r.engine()), dash(r.device()),
                r.started() == null ? "-" : RUN_START.format(r.started()), duration(r.started(), r.ended()),
                r.weightsSha256() == null ? "-" : r.weightsSha256().substring(0, Math.min(16, r.weightsSha256().length()))});
        }
        SimpleTable.draw(flow, new String[] {"Run", "Model", "Version", "Engine", "Device", "Started (UTC)", "Took",
            "Weights sha256"}, new float[] {34, 92, 42, 80, 38, 76, 40, 113},
                new boolean[] {false, false, false, false, false, false, true, false}, rows);
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** "2.1 s", "3 min 5 s"; "-" when the end was not recorded. */
    static String duration(Instant started, Instant ended) {
        if (started == null || ended == null) {
            return "-";
        }
        long ms = Duration.between(started, ended).toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min " + ms / 1000 % 60 + " s";
    }

    private static void keyImages(PageFlow flow, List<KeyImage> images, String note) throws IOException {
        if (images.isEmpty() && note.isBlank()) {
            return;
        }
        flow.heading("Key images");
        float columnWidth = (PageFlow.WIDTH - IMAGE_GAP) / 2;
        for (int i = 0; i < images.size(); i += 2) {
            List<KeyImage> row = images.subList(i, Math.min(i + 2, images.size()));
            float rowHeight = 0;
            for (KeyImage image : row) {
                rowHeight = Math.max(rowHeight, scaledHeight(image, columnWidth) + captionHeight(image, columnWidth));
            }
            flow.ensureRoom(rowHeight + 8);
            float top = flow.y();
            for (int c = 0; c < row.size(); c++) {
                drawImage(flow, row.get(c), PageFlow.LEFT + c * (columnWidth + IMAGE_GAP), top, columnWidth);
            }
            flow.moveDown(rowHeight + 8);
        }
        if (!note.isBlank()) {
            flow.paragraph(note, PdfStyle.ITALIC);
        }
    }

    /** Scale that fits the image into the column and under the height cap, never enlarging the pixels. */
    private static float scale(KeyImage image, float columnWidth) {
        float w = image.image().getWidth();
        float h = image.image().getHeight();
        return Math.min(1.5f, Math.min(columnWidth / w, IMAGE_MAX_HEIGHT / h));
    }

    private static float scaledHeight(KeyImage image, float columnWidth) {
        return image.image().getHeight() * scale(image, columnWidth);
    }

    private static float captionHeight(KeyImage image, float columnWidth) {
        int lines = image.caption().isBlank() ? 0
                : TextWrapper.wrap(image.caption(), PdfStyle.REGULAR, CAPTION_SIZE, columnWidth).size();
        return 4 + lines * CAPTION_LEADING;
    }

    private static void drawImage(PageFlow flow, KeyImage image, float x, float top, float columnWidth)
            throws IOException {
        float s = scale(image, columnWidth);
        float w = image.image().getWidth() * s;
        float h = image.image().getHeight() * s;
        PDImageXObject xobject = LosslessFactory.createFromImage(flow.document(), image.image());
        float imageX = x + (columnWidth - w) / 2;
        flow.content().drawImage(xobject, imageX, top - h, w, h);
        float baseline = top - h - 4 - CAPTION_SIZE;
        for (String line : TextWrapper.wrap(image.caption(), PdfStyle.REGULAR, CAPTION_SIZE, columnWidth)) {
            if (line.isEmpty()) {
                continue;
            }
            float lineX = x + (columnWidth - TextWrapper.width(line, PdfStyle.REGULAR, CAPTION_SIZE)) / 2;
            flow.text(line, PdfStyle.REGULAR, CAPTION_SIZE, PdfStyle.MUTED, lineX, baseline);
            baseline -= CAPTION_LEADING;
        }
    }

    /** The section title, also what the tests look for. */
    static final String CORRECTIONS_HEADING = "Reviewers' corrections against the model's evidence";

    private static void corrections(PageFlow flow, CaseReportData.Corrections corrections) throws IOException {
        if (corrections.rows().isEmpty()) {
            return;
        }
        flow.heading(CORRECTIONS_HEADING + " (" + corrections.rows().size() + ")");
        List<String[]> rows = new ArrayList<>();
        for (CaseReportData.CorrectionRow r : corrections.rows()) {
            rows.add(new String[] {r.claimIndex() == 0 ? "-" : Integer.toString(r.claimIndex()), r.claim(),
                r.correction(), r.evidence(), r.result()});
        }
        SimpleTable.draw(flow, new String[] {"#", "Claim", "Correction", "Model evidence", "Agreement"},
                new float[] {22, 165, 78, 72, 178}, new boolean[] {false, false, false, false, false}, rows);
        if (!corrections.note().isBlank()) {
            flow.moveDown(3);
            flow.paragraph(corrections.note(), PdfStyle.ITALIC, 8);
        }
    }

    private static void missedFindings(PageFlow flow, List<CaseReportData.MissedFinding> missed) throws IOException {
        flow.heading("Findings the model missed (" + missed.size() + ")");
        if (missed.isEmpty()) {
            flow.paragraph("None listed by the reviewers.", PdfStyle.ITALIC);
        }
        for (CaseReportData.MissedFinding finding : missed) {
            flow.paragraph("- " + finding.text() + " (" + finding.reviewer() + ")", PdfStyle.REGULAR);
        }
    }

    private static void acceptability(PageFlow flow, List<CaseReportData.Acceptability> judgements)
            throws IOException {
        flow.heading("Overall acceptability");
        if (judgements.isEmpty()) {
            flow.paragraph("No reviewer has judged the report yet.", PdfStyle.ITALIC);
        }
        for (CaseReportData.Acceptability judgement : judgements) {
            flow.paragraph(judgement.reviewer() + ": " + judgement.judgement(), PdfStyle.REGULAR);
        }
    }
}
