package dev.attest.app.cli;

import java.util.List;
import java.util.Map;

/** Renders the {@code attest info} report as indented text for people (the JSON form is for scripts). */
final class InfoText {
    private InfoText() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        if ("NIfTI".equals(report.get("format"))) {
            sb.append(report.get("input")).append(": NIfTI ").append(report.get("datatype")).append(' ');
            volume(sb, report, "  ");
            for (Object w : (List<Object>) report.get("warnings")) {
                sb.append("  ! ").append(w).append('\n');
            }
            return sb.toString();
        }
        sb.append(report.get("input")).append(": ").append(report.get("files")).append(" DICOM file(s)\n");
        for (Object so : (List<Object>) report.get("studies")) {
            Map<String, Object> study = (Map<String, Object>) so;
            sb.append("study ").append(study.get("studyInstanceUid")).append("  ").append(study.get("date"))
                    .append("  ").append(study.get("description")).append('\n');
            for (Object seo : (List<Object>) study.get("series")) {
                Map<String, Object> series = (Map<String, Object>) seo;
                sb.append("  series #").append(series.get("seriesNumber")).append(' ').append(series.get("modality"))
                        .append(" '").append(series.get("description")).append("'  ").append(series.get("instances"))
                        .append(" instance(s)  ").append(series.get("seriesInstanceUid")).append('\n');
                warnings(sb, (List<Object>) series.get("warnings"), "    ");
                segments(sb, series);
                int n = 1;
                for (Object vo : (List<Object>) series.get("volumes")) {
                    Map<String, Object> v = (Map<String, Object>) vo;
                    sb.append("    volume ").append(n++).append(": ");
                    volume(sb, v, "      ");
                    warnings(sb, (List<Object>) v.get("warnings"), "      ");
                }
            }
        }
        for (Object po : (List<Object>) report.get("problems")) {
            Map<String, Object> p = (Map<String, Object>) po;
            sb.append("skipped (broken): ").append(p.get("file")).append(": ").append(p.get("error")).append('\n');
        }
        List<Object> skipped = (List<Object>) report.get("skipped");
        if (!skipped.isEmpty()) {
            sb.append("skipped (not DICOM images): ").append(skipped.size()).append(" file(s)\n");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void segments(StringBuilder sb, Map<String, Object> series) {
        if (series.get("segmentError") != null) {
            sb.append("    ! SEG: ").append(series.get("segmentError")).append('\n');
        }
        if (!(series.get("segments") instanceof List<?> segments)) {
            return;
        }
        sb.append("    ").append(series.get("segmentationType")).append(" segmentation, ").append(segments.size())
                .append(" segment(s):\n");
        for (Object o : segments) {
            Map<String, Object> s = (Map<String, Object>) o;
            sb.append(String.format("      %d  %s  (%s / %s, %s%s)%s  %d frame(s)\n", s.get("number"), s.get("label"),
                    s.get("category"), s.get("type"), s.get("algorithmType"),
                    ((String) s.get("algorithmName")).isEmpty() ? "" : " " + s.get("algorithmName"),
                    ((String) s.get("colour")).isEmpty() ? "" : "  " + s.get("colour"), s.get("frames")));
        }
    }

    private static void volume(StringBuilder sb, Map<String, Object> v, String indent) {
        int[] d = (int[]) v.get("dimensions");
        double[] s = (double[]) v.get("spacing");
        double[] o = (double[]) v.get("originLps");
        sb.append(String.format("%dx%dx%d, spacing %.4g x %.4g x %.4g mm, %s, origin (%.2f, %.2f, %.2f) LPS",
                d[0], d[1], d[2], s[0], s[1], s[2], v.get("orientation"), o[0], o[1], o[2]));
        if (v.get("gantryTiltDegrees") instanceof Double tilt && tilt > 0) {
            sb.append(String.format(", gantry tilt %.2f deg", tilt));
        }
        sb.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static void warnings(StringBuilder sb, List<Object> warnings, String indent) {
        for (Object wo : warnings) {
            Map<String, Object> w = (Map<String, Object>) wo;
            sb.append(indent).append("! ").append(w.get("kind")).append(": ").append(w.get("message")).append('\n');
        }
    }
}
