package dev.attest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attest stats seg} and {@code attest stats agreement} print the SCORING.md reference values as JSON. */
class StatsCommandTest {
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Volume labels(int nx, int ny, int nz, double sx, double sy, double sz) {
        return Volume.allocate(new ImageGrid(nx, ny, nz, Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0),
                new Vec3(0, 0, sz), new Vec3(0, 0, 0))), VoxelType.UINT8);
    }

    private static JsonNode run(String... args) throws Exception {
        CliTest.Run run = CliTest.attest(args);
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void segOfSinglePixelsPrintsThePublishedSurfaceDistances(@TempDir Path dir) throws Exception {
        Volume pred = labels(100, 100, 1, 2, 1, 1);
        Volume ref = labels(100, 100, 1, 2, 1, 1);
        pred.setStored(50, 70, 0, 1);
        ref.setStored(50, 72, 0, 1);
        NiftiWriter.write(pred, dir.resolve("pred.nii.gz"));
        NiftiWriter.write(ref, dir.resolve("ref.nii.gz"));

        JsonNode out = run("stats", "seg", "--pred", dir.resolve("pred.nii.gz").toString(), "--ref",
                dir.resolve("ref.nii.gz").toString(), "--tau", "1");

        assertTrue(out.get("planar").asBoolean());
        JsonNode m = out.get("labels").get(0);
        assertEquals(1, m.get("label").asInt());
        assertEquals(2.0, m.get("hausdorff").asDouble(), 1e-9);
        assertEquals(2.0, m.get("hausdorff95").asDouble(), 1e-9);
        assertEquals(1.5, m.get("asdPredictionToReference").asDouble(), 1e-9);
        assertEquals(1.5, m.get("asdReferenceToPrediction").asDouble(), 1e-9);
        assertEquals(0.5, m.get("surfaceDice").asDouble(), 1e-9);
        assertEquals(0.0, m.get("dice").asDouble());
        assertEquals("neither", m.get("empty").asText());
    }

    @Test
    void segOfSlabsPrintsThePublishedDiceAndSurfaceDice(@TempDir Path dir) throws Exception {
        Volume pred = labels(100, 100, 100, 2, 1, 1);
        Volume ref = labels(100, 100, 100, 2, 1, 1);
        for (int z = 0; z < 100; z++) {
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 51; x++) {
                    ref.setStored(x, y, z, 1);
                    if (x < 50) {
                        pred.setStored(x, y, z, 1);
                    }
                }
            }
        }
        NiftiWriter.write(pred, dir.resolve("pred.nii.gz"));
        NiftiWriter.write(ref, dir.resolve("ref.nii.gz"));

        JsonNode m = run("stats", "seg", "--pred", dir.resolve("pred.nii.gz").toString(), "--ref",
                dir.resolve("ref.nii.gz").toString()).get("labels").get(0);

        assertEquals(2.0, m.get("hausdorff").asDouble(), 1e-9);
        assertEquals(2.0, m.get("hausdorff95").asDouble(), 1e-9);
        assertEquals("0.990", String.format(java.util.Locale.ROOT, "%.3f", m.get("dice").asDouble()));
        assertEquals("0.836", String.format(java.util.Locale.ROOT, "%.3f", m.get("surfaceDice").asDouble()));
    }

    @Test
    void segOfTheTotalSegmentatorMapAgainstAShiftedCopyMatchesThePythonReference(@TempDir Path dir) throws Exception {
        Path source = DATA.resolve("nifti/totalsegmentator_example_seg_dicom.nii.gz");
        Volume ref = NiftiReader.read(source).volume();
        Path shifted = dir.resolve("shifted.nii.gz");
        NiftiWriter.write(shift(ref, 2, -1, 1), shifted);

        JsonNode out = run("stats", "seg", "--pred", shifted.toString(), "--ref", source.toString(), "--labels", "5,200");

        assertEquals(2, out.get("labels").size());
        // tools/reference/make_segmentation_metric_refs.py (numpy + scipy), label 5 of this pair.
        JsonNode liver = out.get("labels").get(0);
        assertEquals(0.9474619779579931, liver.get("dice").asDouble(), 1e-12);
        assertEquals(2.0, liver.get("hausdorff95").asDouble(), 1e-6);
        assertEquals(3.90625, liver.get("hausdorff").asDouble(), 1e-6);
        assertEquals(0.9934752706232096, liver.get("assd").asDouble(), 1e-6);
        assertEquals(0.5983567160594717, liver.get("surfaceDice").asDouble(), 1e-6);
        JsonNode absent = out.get("labels").get(1);
        assertEquals("both", absent.get("empty").asText());
        assertEquals("NaN", absent.get("hausdorff").asText());
        assertEquals(1.0, absent.get("dice").asDouble());
    }

    private static Volume shift(Volume ref, int dx, int dy, int dz) {
        var g = ref.grid();
        Volume out = Volume.allocate(g, ref.type());
        for (int z = Math.max(0, dz); z < Math.min(g.sizeZ(), g.sizeZ() + dz); z++) {
            for (int y = Math.max(0, dy); y < Math.min(g.sizeY(), g.sizeY() + dy); y++) {
                for (int x = Math.max(0, dx); x < Math.min(g.sizeX(), g.sizeX() + dx); x++) {
                    out.setStored(x, y, z, ref.getStored(x - dx, y - dy, z - dz));
                }
            }
        }
        return out;
    }

    @Test
    void segRefusesLabelMapsOnDifferentGrids() {
        String small = DATA.resolve("nifti/totalsegmentator_example_seg.nii.gz").toString();
        String large = DATA.resolve("nifti/totalsegmentator_example_seg_dicom.nii.gz").toString();
        CliTest.Run run = CliTest.attest("stats", "seg", "--pred", small, "--ref", large);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("attest: '" + small + "' (ImageGrid[122x101x30"), run.err());
        assertTrue(run.err().contains("does not lie on the grid of '" + large + "' (ImageGrid[512x512x20"), run.err());
    }

    @Test
    void agreementOfKrippendorffsExampleAtThreeLevels(@TempDir Path dir) throws Exception {
        // Units as rows, observers A-D as columns, empty = missing.
        Path csv = Files.writeString(dir.resolve("k.csv"), "A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n2,2,2,2\n"
                + "1,2,3,4\n4,4,4,4\n1,1,2,1\n2,2,2,2\n,5,5,5\n,,1,1\n,3,,\n");
        assertEquals("0.743", three(run("stats", "agreement", "--kind", "alpha-nominal", "--csv", csv.toString())
                .get("result").get("alpha")));
        assertEquals("0.815", three(run("stats", "agreement", "--kind", "alpha-ordinal", "--csv", csv.toString())
                .get("result").get("alpha")));
        JsonNode interval = run("stats", "agreement", "--kind", "alpha-interval", "--csv", csv.toString());
        assertEquals("0.849", three(interval.get("result").get("alpha")));
        assertEquals("[\"A\",\"B\",\"C\",\"D\"]", interval.get("raters").toString());
        assertEquals(43.0 / 55, interval.get("summary").get("percentAgreement").asDouble(), 1e-15);
    }

    @Test
    void agreementOfFleissCounts(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("f.csv"), "0,0,0,0,14\n0,2,6,4,2\n0,0,3,5,6\n0,3,9,2,0\n2,2,8,1,1\n"
                + "7,7,0,0,0\n3,2,6,3,0\n2,5,3,2,2\n6,5,2,1,0\n0,2,2,3,7\n");
        JsonNode r = run("stats", "agreement", "--kind", "fleiss", "--csv", csv.toString()).get("result");
        assertEquals("0.378", three(r.get("meanAgreement")));
        assertEquals("0.213", three(r.get("expectedAgreement")));
        assertEquals("0.210", three(r.get("kappa")));
    }

    @Test
    void agreementOfTwoRatersWithCohensKappa(@TempDir Path dir) throws Exception {
        // The 2 x 2 table 20/5/10/15 as 50 rated units.
        StringBuilder two = new StringBuilder("first,second\n");
        two.append("1,1\n".repeat(20)).append("1,2\n".repeat(5)).append("2,1\n".repeat(10)).append("2,2\n".repeat(15));
        Path twoCsv = Files.writeString(dir.resolve("two.csv"), two);
        assertEquals(0.40, run("stats", "agreement", "--kind", "cohen", "--csv", twoCsv.toString()).get("result")
                .get("kappa").asDouble(), 1e-12);
        // The 3 x 3 table [[0,4,1],[0,8,0],[0,1,5]].
        StringBuilder three = new StringBuilder();
        three.append("1,2\n".repeat(4)).append("1,3\n").append("2,2\n".repeat(8)).append("3,2\n").append("3,3\n".repeat(5));
        Path threeCsv = Files.writeString(dir.resolve("three.csv"), three);
        assertEquals("0.4842", four(run("stats", "agreement", "--kind", "cohen", "--csv", threeCsv.toString())
                .get("result").get("kappa")));
        assertEquals("0.4701", four(run("stats", "agreement", "--kind", "cohen-linear", "--csv", threeCsv.toString())
                .get("result").get("kappa")));
        assertEquals(140.0 / 311, run("stats", "agreement", "--kind", "cohen-quadratic", "--csv", threeCsv.toString())
                .get("result").get("kappa").asDouble(), 1e-15);
    }

    @Test
    void agreementOfShroutAndFleissJudgesWithAllSixIccs(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("icc.csv"), "9,2,5,8\n6,1,3,2\n8,4,6,8\n7,1,2,6\n10,5,6,9\n6,2,4,7\n");
        JsonNode forms = run("stats", "agreement", "--kind", "icc", "--csv", csv.toString()).get("result").get("forms");
        String[] names = {"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,4)", "ICC(2,4)", "ICC(3,4)"};
        String[] published = {"0.17", "0.29", "0.71", "0.44", "0.62", "0.91"};
        for (int i = 0; i < 6; i++) {
            assertEquals(names[i], forms.get(i).get("form").asText());
            assertEquals(published[i], String.format(java.util.Locale.ROOT, "%.2f", forms.get(i).get("value").asDouble()));
        }
    }

    @Test
    void agreementRefusesCohenOnThreeRatersAndAnUnknownKind(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "1,2,3\n2,2,2\n");
        CliTest.Run run = CliTest.attest("stats", "agreement", "--kind", "cohen", "--csv", csv.toString());
        assertEquals(2, run.exit());
        assertEquals("attest: " + csv + " has 3 rater columns; Cohen's kappa compares exactly two (use fleiss or alpha"
                + " for more)", run.err().strip());
        CliTest.Run unknown = CliTest.attest("stats", "agreement", "--kind", "scott", "--csv", csv.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown --kind 'scott'"), unknown.err());
    }

    private static String three(JsonNode v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v.asDouble());
    }

    private static String four(JsonNode v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v.asDouble());
    }
}
