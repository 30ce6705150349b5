package dev.attest.app.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.annotation.metrics.bootstrap.ConfidenceInterval;
import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.Perturbation;
import dev.attest.inference.probe.ProbeRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a probe as files a Python user can read without Attest: probes.json (everything), probes.csv (one row
 * per case, perturbation and level, with the Dice of every label) and probes-groups.csv (one row per group,
 * perturbation and level, with intervals). An undefined value is null in JSON and an empty cell in CSV.
 */
public final class ProbeTables {
    public static final String JSON = "probes.json";
    public static final String CSV = "probes.csv";
    public static final String GROUPS_CSV = "probes-groups.csv";

    private ProbeTables() {
    }

    public static void writeJson(ProbeReport report, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", report.model().id());
        model.put("version", report.model().version());
        model.put("sha256", report.model().sha256());
        root.put("model", model);
        root.put("labels", new TreeMap<>(report.labelNames()));
        root.put("perturbations", report.specs());
        root.put("seed", report.seed());
        root.put("evidence", report.evidence());
        root.put("topPercent", report.topPercent());
        List<Object> cases = new ArrayList<>();
        for (ProbedCase c : report.cases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", c.caseId());
            m.put("case", c.name());
            m.put("site", c.site());
            m.put("scanner", c.scanner());
            m.put("baselineVoxels", c.probe().baselineVoxels());
            m.put("baselineMillis", c.probe().baselineMillis());
            m.put("engine", c.probe().baseline().engine().engine() + " " + c.probe().baseline().engine().version());
            m.put("device", c.probe().baseline().device());
            List<Object> records = new ArrayList<>();
            for (ProbeRecord r : c.probe().records()) {
                Map<String, Object> rec = perturbation(r.perturbation());
                rec.put("meanDice", number(r.dice().mean()));
                rec.put("dice", r.dice().perLabel());
                rec.put("pearson", number(r.pearson()));
                rec.put("topOverlap", number(r.topOverlap()));
                rec.put("millis", r.millis());
                records.add(rec);
            }
            m.put("records", records);
            cases.add(m);
        }
        root.put("cases", cases);
        List<Object> groups = new ArrayList<>();
        for (GroupRow g : report.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dimension", g.dimension());
            m.put("value", g.value());
            m.putAll(perturbation(g.perturbation()));
            m.put("cases", g.cases());
            m.put("meanDice", stat(g.meanDice()));
            m.put("pearson", stat(g.pearson()));
            m.put("topOverlap", stat(g.topOverlap()));
            groups.add(m);
        }
        root.put("groups", groups);
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("method", "percentile (case-level)");
        bootstrap.put("resamples", report.bootstrap().resamples());
        bootstrap.put("level", report.bootstrap().level());
        bootstrap.put("seed", report.bootstrap().seed());
        root.put("bootstrap", bootstrap);
        List<Object> skipped = new ArrayList<>();
        for (SkippedCase s : report.skipped()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", s.caseId());
            m.put("case", s.studyRef());
            m.put("reason", s.reason());
            skipped.add(m);
        }
        root.put("skipped", skipped);
        root.put("totalMillis", report.totalMillis());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    /** One row per case, perturbation and level; a dice_K column for every label any row scored. */
    public static void writeCsv(ProbeReport report, Path file) throws IOException {
        TreeSet<Integer> labels = new TreeSet<>();
        report.cases().forEach(c -> c.probe().records().forEach(r -> labels.addAll(r.dice().perLabel().keySet())));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("case_id", "case", "site", "scanner", "perturbation", "kind",
                    "parameter", "level", "seed", "options", "mean_dice", "pearson", "top_overlap", "millis"));
            labels.forEach(k -> header.add("dice_" + k));
            line(w, header);
            for (ProbedCase c : report.cases()) {
                for (ProbeRecord r : c.probe().records()) {
                    Perturbation p = r.perturbation();
                    List<String> row = new ArrayList<>(List.of(c.caseId() == null ? "" : c.caseId().toString(), c.name(),
                            nz(c.site()), nz(c.scanner()), p.label(), p.kind(), p.parameter(), LevelFormat.format(p.level()),
                            p.seed() == null ? "" : p.seed().toString(), options(p), cell(r.dice().mean()),
                            cell(r.pearson()), cell(r.topOverlap()), Long.toString(r.millis())));
                    for (int k : labels) {
                        Double d = r.dice().perLabel().get(k);
                        row.add(d == null ? "" : cell(d));
                    }
                    line(w, row);
                }
            }
        }
    }

    /** One row per group, perturbation and level, with each measure's mean, n and interval. */
    public static void writeGroupsCsv(ProbeReport report, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("dimension", "value", "perturbation", "kind", "parameter",
                    "level", "cases"));
            for (String m : List.of("mean_dice", "pearson", "top_overlap")) {
                header.addAll(List.of(m, m + "_n", m + "_lower", m + "_upper"));
            }
            line(w, header);
            for (GroupRow g : report.groups()) {
                Perturbation p = g.perturbation();
                List<String> row = new ArrayList<>(List.of(g.dimension(), g.value(), p.label(), p.kind(), p.parameter(),
                        LevelFormat.format(p.level()), Integer.toString(g.cases())));
                for (GroupStat s : List.of(g.meanDice(), g.pearson(), g.topOverlap())) {
                    row.addAll(List.of(cell(s.mean()), Integer.toString(s.n()), s.ci() == null ? "" : cell(s.ci().lower()),
                            s.ci() == null ? "" : cell(s.ci().upper())));
                }
                line(w, row);
            }
        }
    }

    private static Map<String, Object> perturbation(Perturbation p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perturbation", p.label());
        m.put("kind", p.kind());
        m.put("parameter", p.parameter());
        m.put("level", p.level());
        m.put("seed", p.seed());
        m.put("options", new TreeMap<>(p.options()));
        return m;
    }

    private static Map<String, Object> stat(GroupStat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", number(s.mean()));
        m.put("n", s.n());
        ConfidenceInterval ci = s.ci();
        m.put("lower", ci == null ? null : number(ci.lower()));
        m.put("upper", ci == null ? null : number(ci.upper()));
        return m;
    }

    private static String options(Perturbation p) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(p.options()).forEach((k, v) -> b.append(b.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Full precision (shortest round-trip form) so the CSV carries the same numbers as the JSON. */
    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append(c.contains(",") || c.contains("\"") || c.contains("\n") ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        w.write(b.append('\n').toString());
    }
}
