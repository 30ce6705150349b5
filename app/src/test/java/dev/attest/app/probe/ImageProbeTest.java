package dev.attest.app.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.cli.AttestCommand;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.ProbeOptions;
import dev.attest.inference.probe.ProbeRecord;
import dev.attest.inference.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workstation's probe of an image in memory, with the built-in demo model through DJL on a 64×64×40 phantom:
 * its files carry the same numbers as {@code attest probe --image} on the same image, and the charts' series are
 * exactly the numbers of its probes.json.
 */
class ImageProbeTest {
    private static final List<String> SPECS = List.of("identity", "noise:snr=20,5", "rotate:deg=5", "missing:every=2");

    @TempDir
    Path tmp;

    @Test
    void theFilesEqualTheCommandLinesAndTheChartsCarryTheJsonsNumbers() throws Exception {
        Path image = tmp.resolve("phantom.nii.gz");
        NiftiWriter.write(CtPhantom.generate(64, 64, 40, 5, 5, 0, 1).ct(), image);
        ProbeReport report;
        try (ModelRegistry registry = ModelRegistry.standard(tmp.resolve("models"), tmp.resolve("cache"))) {
            var manifest = registry.entry("demo-ct-seg").manifest();
            var predictor = registry.open("demo-ct-seg", DeviceChoice.CPU);
            List<Long> progress = new ArrayList<>();
            ProgressListener listener = (done, total, message) -> progress.add(done);
            report = ImageProbe.run(manifest, predictor, NiftiReader.read(image).volume(),
                    new ImageProbe.Subject(7L, "phantom", "Site A", null), SPECS, 3, ProbeOptions.defaults(), listener,
                    new Cancellation());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), progress, "one step per run, the unperturbed first");
        }
        Path gui = tmp.resolve("gui");
        assertEquals(ProbeFiles.NAMES.stream().map(gui::resolve).toList(), ProbeFiles.write(report, gui));
        try (Stream<Path> files = Files.list(gui)) {
            assertEquals(4, files.count(), "no .part file is left behind");
        }

        String saved = System.getProperty("attest.cache.dir");
        System.setProperty("attest.cache.dir", tmp.resolve("cache").toString());
        Path cli = tmp.resolve("cli");
        try {
            List<String> args = new ArrayList<>(List.of("probe", "--model", "demo-ct-seg", "--image", image.toString(),
                    "--out", cli.toString(), "--seed", "3", "--device", "cpu"));
            SPECS.forEach(s -> args.addAll(List.of("--perturb", s)));
            var cl = AttestCommand.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
        } finally {
            if (saved == null) {
                System.clearProperty("attest.cache.dir");
            } else {
                System.setProperty("attest.cache.dir", saved);
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode mine = json.readTree(gui.resolve(ProbeTables.JSON).toFile());
        JsonNode theirs = json.readTree(cli.resolve(ProbeTables.JSON).toFile());
        for (String field : List.of("model", "labels", "perturbations", "seed", "evidence", "topPercent", "groups", "bootstrap")) {
            assertEquals(stripMillis(theirs.get(field)), stripMillis(mine.get(field)), field);
        }
        JsonNode records = mine.get("cases").get(0).get("records");
        assertEquals(stripMillis(theirs.get("cases").get(0).get("records")), stripMillis(records), "same measures as the CLI");
        assertEquals(theirs.get("cases").get(0).get("baselineVoxels"), mine.get("cases").get(0).get("baselineVoxels"));
        assertEquals(7, mine.get("cases").get(0).get("caseId").asLong());
        assertEquals("Site A", mine.get("cases").get(0).get("site").asText());
        assertTrue(Files.readString(gui.resolve(ProbeFiles.SVG)).contains("Stability of demo-ct-seg under perturbation (1 case"));

        // The charts: every point is the JSON's number for that perturbation and level, exactly.
        ProbedCase c = report.cases().get(0);
        List<StabilitySeries.Chart> charts = StabilitySeries.of(c, report.labelNames(), report.topPercent(), false);
        assertEquals(List.of("Gaussian noise", "Rotation (axis=S)", "Missing slices (fill=neighbour)"),
                charts.stream().map(StabilitySeries.Chart::title).toList());
        assertEquals(List.of("none", "20", "5"), charts.get(0).levels());
        List<String> kinds = List.of("noise", "rotate", "missing");
        int checked = 0;
        for (int i = 0; i < charts.size(); i++) {
            StabilitySeries.Chart chart = charts.get(i);
            for (StabilitySeries.Series s : chart.series()) {
                String field = s.name().startsWith("mean Dice") ? "meanDice" : s.name().contains("Pearson") ? "pearson" : "topOverlap";
                for (StabilitySeries.Point p : s.points()) {
                    JsonNode r = record(records, kinds.get(i), p.level());
                    assertEquals(r.get(field).asDouble(), p.value(), chart.title() + " " + p.level() + " " + field);
                    checked++;
                }
            }
        }
        assertEquals(3 * (3 + 2 + 2), checked, "three measures at none and each level of every kind");
        assertTrue(charts.get(0).series().get(0).points().get(2).value() < 1, "SNR 5 moves the labels");

        List<StabilitySeries.Chart> perLabel = StabilitySeries.of(c, report.labelNames(), report.topPercent(), true);
        StabilitySeries.Series liver = perLabel.get(1).series().stream().filter(s -> s.name().equals("Dice liver"))
                .findFirst().orElseThrow();
        assertEquals(List.of("none", "5"), liver.points().stream().map(StabilitySeries.Point::level).toList());
        assertEquals(record(records, "rotate", "5").get("dice").get("4").asDouble(), liver.points().get(1).value());
        ProbeRecord rotated = c.probe().records().get(3);
        assertEquals(rotated.dice().perLabel().get(4), liver.points().get(1).value());
    }

    /** The JSON record of a kind at a level ("none": the identity). */
    private static JsonNode record(JsonNode records, String kind, String level) {
        for (JsonNode r : records) {
            if (level.equals("none") ? r.get("kind").asText().equals("identity") : r.get("kind").asText().equals(kind)
                    && LevelFormat.format(r.get("level").asDouble()).equals(level)) {
                return r;
            }
        }
        throw new AssertionError("no record of " + kind + " at " + level);
    }

    private static JsonNode stripMillis(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy.isArray()) {
            copy.forEach(n -> {
                if (n.isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("millis");
                }
            });
        }
        return copy;
    }
}
