package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.phantom.CtPhantomVariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code attest probe} with the built-in demo model on small phantoms: one NIfTI image, and a project of two sites
 * and two scanners with a case whose image is gone. Checks the files against each other and the grouping against
 * the per-case rows; the measures themselves are checked in the inference module's ProbeRunnerTest.
 */
class ProbeCommandTest {
    @TempDir
    Path tmp;
    private String savedCache;

    @BeforeEach
    void ownCache() {
        savedCache = System.getProperty("attest.cache.dir");
        System.setProperty("attest.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("attest.cache.dir");
        } else {
            System.setProperty("attest.cache.dir", savedCache);
        }
    }

    private Path phantom(String name, long seed) throws Exception {
        CtPhantom.Result p = seed == 0 ? CtPhantom.generate(64, 64, 40, 5, 5, 0, 1)
                : CtPhantomVariants.generate(64, 64, 40, 5, 5, seed);
        Path f = tmp.resolve(name);
        NiftiWriter.write(p.ct(), f);
        return f;
    }

    @Test
    void probesOneImageIntoJsonCsvAndPlot() throws Exception {
        Path image = phantom("phantom.nii.gz", 0);
        Path out = tmp.resolve("out");
        CliTest.Run run = CliTest.attest("probe", "--model", "demo-ct-seg", "--image", image.toString(), "--out", out.toString(),
                "--perturb", "identity", "--perturb", "noise:snr=5", "--perturb", "missing:every=2:fill=zero", "--seed", "3",
                "--device", "cpu");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Probed 1 case with 3 perturbations in "), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("probes.json").toFile());
        assertEquals("demo-ct-seg", json.get("model").get("id").asText());
        assertEquals("liver", json.get("labels").get("4").asText());
        assertEquals(3, json.get("seed").asLong());
        assertEquals("foreground", json.get("evidence").asText());
        JsonNode c = json.get("cases").get(0);
        assertEquals("phantom.nii.gz", c.get("case").asText());
        assertTrue(c.get("caseId").isNull());
        JsonNode records = c.get("records");
        assertEquals(3, records.size());
        assertEquals("identity", records.get(0).get("perturbation").asText());
        assertEquals(1.0, records.get(0).get("meanDice").asDouble());
        assertEquals(1.0, records.get(0).get("pearson").asDouble());
        assertEquals(1.0, records.get(0).get("topOverlap").asDouble());
        assertEquals("noise snr=5", records.get(1).get("perturbation").asText());
        assertEquals(3, records.get(1).get("seed").asLong());
        assertTrue(records.get(1).get("meanDice").asDouble() < 1);
        assertEquals("zero", records.get(2).get("options").get("fill").asText());
        assertTrue(records.get(2).get("seed").isNull());

        List<String> csv = Files.readAllLines(out.resolve("probes.csv"));
        assertEquals(4, csv.size());
        String[] header = csv.get(0).split(",", -1);
        assertEquals(List.of("case_id", "case", "site", "scanner", "perturbation", "kind", "parameter", "level", "seed",
                "options", "mean_dice", "pearson", "top_overlap", "millis"), List.of(header).subList(0, 14));
        String[] noise = csv.get(2).split(",", -1);
        assertEquals(List.of("", "phantom.nii.gz", "", "", "noise snr=5", "noise", "snr", "5", "3", ""), List.of(noise).subList(0, 10));
        assertEquals(records.get(1).get("meanDice").asDouble(), Double.parseDouble(noise[10]));
        assertEquals(records.get(1).get("pearson").asDouble(), Double.parseDouble(noise[11]));
        for (int i = 14; i < header.length; i++) {
            String label = header[i].substring("dice_".length());
            JsonNode d = records.get(1).get("dice").get(label);
            assertEquals(d == null ? "" : Double.toString(d.asDouble()), noise[i], header[i]);
        }
        assertEquals("fill=zero", csv.get(3).split(",", -1)[9]);

        // One image: only the group "all", holding its numbers, without an interval.
        assertEquals(3, json.get("groups").size());
        JsonNode all = json.get("groups").get(1);
        assertEquals("all", all.get("dimension").asText());
        assertEquals(1, all.get("cases").asInt());
        assertEquals(records.get(1).get("meanDice").asDouble(), all.get("meanDice").get("mean").asDouble());
        assertTrue(all.get("meanDice").get("lower").isNull());
        String svg = Files.readString(out.resolve("probes.svg"));
        assertTrue(svg.startsWith("<svg"));
        assertEquals(6, svg.split("<polyline", -1).length - 1, "noise and missing, three measures, one group");
    }

    @Test
    void probesEveryReopenableCaseOfAProjectAndGroupsThemBySiteAndScanner() throws Exception {
        Path project = tmp.resolve("project");
        Path gone = phantom("gone.nii.gz", 0);
        try (ProjectStore store = Projects.create(project)) {
            store.importCases(List.of(
                    new CaseDraft("a1", "Site A", "CT-X", "CT", phantom("a1.nii.gz", 0).toString()),
                    new CaseDraft("a2", "Site A", "CT-Y", "CT", phantom("a2.nii.gz", 9001).toString()),
                    new CaseDraft("b1", "Site B", "CT-X", "CT", phantom("b1.nii.gz", 9002).toString()),
                    new CaseDraft("b2", "Site B", "CT-X", "CT", gone.toString()),
                    new CaseDraft("c1", "Site C", null, "CT")));
        }
        Files.delete(gone);
        Path out = tmp.resolve("out");
        CliTest.Run run = CliTest.attest("probe", "--model", "demo-ct-seg", "--project", project.toString(), "--out",
                out.toString(), "--perturb", "identity", "--perturb", "shift:offset=60", "--device", "cpu", "--resamples", "500");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("probes.json").toFile());
        assertEquals(List.of("a1", "a2", "b1"), names(json.get("cases"), "case"));
        assertEquals(List.of("b2", "c1"), names(json.get("skipped"), "case"));
        assertTrue(json.get("skipped").get(0).get("reason").asText().contains("is no longer there"), json.get("skipped").toString());
        assertTrue(json.get("skipped").get(1).get("reason").asText().contains("does not record where this case's image is"));
        assertTrue(run.err().contains("attest probe: skipped case"), run.err());

        double[] shifted = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode c = json.get("cases").get(i);
            assertEquals(1.0, c.get("records").get(0).get("meanDice").asDouble(), c.get("case").asText());
            assertEquals(1.0, c.get("records").get(0).get("pearson").asDouble(), c.get("case").asText());
            shifted[i] = c.get("records").get(1).get("meanDice").asDouble();
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode g : json.get("groups")) {
            if (g.get("kind").asText().equals("shift")) {
                groups.add(g.get("dimension").asText() + "=" + g.get("value").asText() + " n=" + g.get("cases").asInt());
            }
        }
        assertEquals(List.of("all=all n=3", "site=Site A n=2", "site=Site B n=1", "scanner=CT-X n=2", "scanner=CT-Y n=1"), groups);
        List<String> rows = Files.readAllLines(out.resolve("probes-groups.csv"));
        assertEquals(1 + 2 * 5, rows.size());
        assertEquals("dimension,value,perturbation,kind,parameter,level,cases,mean_dice,mean_dice_n,mean_dice_lower,"
                + "mean_dice_upper,pearson,pearson_n,pearson_lower,pearson_upper,top_overlap,top_overlap_n,top_overlap_lower,"
                + "top_overlap_upper", rows.get(0));
        String[] siteA = rows.stream().filter(r -> r.startsWith("site,Site A,shift")).findFirst().orElseThrow().split(",", -1);
        assertEquals((shifted[0] + shifted[1]) / 2, Double.parseDouble(siteA[7]), 1e-15);
        // Two cases: the percentile interval of the mean spans exactly the two cases' values.
        assertEquals(Math.min(shifted[0], shifted[1]), Double.parseDouble(siteA[9]), 1e-15);
        assertEquals(Math.max(shifted[0], shifted[1]), Double.parseDouble(siteA[10]), 1e-15);
        String[] siteB = rows.stream().filter(r -> r.startsWith("site,Site B,shift")).findFirst().orElseThrow().split(",", -1);
        assertEquals(shifted[2], Double.parseDouble(siteB[7]));
        assertEquals("", siteB[9], "one case: no interval");
        String[] scannerX = rows.stream().filter(r -> r.startsWith("scanner,CT-X,shift")).findFirst().orElseThrow().split(",", -1);
        assertEquals((shifted[0] + shifted[2]) / 2, Double.parseDouble(scannerX[7]), 1e-15);
        assertEquals(4, Files.readAllLines(out.resolve("probes.csv")).size() - 3, "two rows per probed case");
        assertTrue(Files.readString(out.resolve("probes.svg")).contains("data-group=\"site=Site B\""));
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
