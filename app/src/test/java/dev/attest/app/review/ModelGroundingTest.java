package dev.attest.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.grounding.GroundedBox;
import dev.attest.inference.grounding.GroundingOutput;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.registry.ModelRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A phrase grounded by the tiny TorchScript grounding model (tools/fixtures/make_grounding_fixture.py), registered
 * in a model registry of its own, on axial slice 20 of the 64×64×40 CT phantom (5 mm voxels, origin
 * (-157.5, -157.5, -97.5), so slice 20 lies at z = 2.5 mm) with the phantom's own labels as the case's
 * segmentation: what is stored is checked against positions worked out here from the grid.
 */
class ModelGroundingTest {
    static final String MODEL = "tiny-grounding-ts";
    static final Path FIXTURE = Path.of("../inference/src/test/resources/fixtures/grounding/" + MODEL).toAbsolutePath()
            .normalize();
    static final String PHRASE = "left lung nodule";
    static final int SLICE = 20;

    @TempDir
    static Path dir;
    static ProjectStore store;
    static ModelRegistry registry;
    static CtPhantom.Result phantom;
    static CaseAnatomy anatomy;

    @BeforeAll
    static void projectWithACaseAndARegisteredModel() throws Exception {
        phantom = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        registry = ModelRegistry.standard(dir.resolve("models"), dir.resolve("cache"));
        registry.importModel(ModelImporter.standard(), FIXTURE, ModelImporter.Options.defaults());
        registry.importModel(ModelImporter.standard(), heatMapOnlyCopy(), ModelImporter.Options.defaults());
        store = Projects.create(dir.resolve("project"));
        CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft("1.2.3", "A", "phantom", "CT"),
                phantom.ct(), phantom.labels(), CtPhantom.labelDescriptions(), new RunFacts("phantom-truth", "1", null,
                        "{}", "none", "cpu", Instant.parse("2026-03-01T09:00:00Z"), null), "HU");
        anatomy = CaseAnatomy.of(imported, phantom.ct(), phantom.labels(), CtPhantom.labelDescriptions(), "HU");
    }

    /**
     * The fixture with a manifest that lists only the heat map, while the network returns three outputs: a
     * model that loads but fails on every phrase.
     */
    static Path heatMapOnlyCopy() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("wrong-outputs"));
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(copy.resolve("manifest.json").toFile());
        manifest.put("id", "tiny-grounding-wrong-outputs");
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("grounding")).remove("boxes");
        var outputs = (com.fasterxml.jackson.databind.node.ArrayNode) manifest.get("outputs");
        outputs.remove(2);
        outputs.remove(1);
        Files.writeString(copy.resolve("manifest.json"), manifest.toPrettyString());
        return copy;
    }

    @AfterAll
    static void close() {
        store.close();
        registry.close();
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    static Vec3 vec(JsonNode a) {
        return new Vec3(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
    }

    static List<Integer> ints(JsonNode a) {
        return List.of(a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt());
    }

    /** LPS of slice point (x, y) on slice 20 of the phantom grid, by hand: 5 mm axis-aligned voxels. */
    static Vec3 onSlice(double x, double y) {
        return new Vec3(-157.5 + 5 * x, -157.5 + 5 * y, -97.5 + 5 * SLICE);
    }

    /** Each coordinate within the tolerance. */
    static void assertClose(Vec3 expected, Vec3 actual, double tolerance, String what) {
        for (int a = 0; a < 3; a++) {
            assertEquals(expected.get(a), actual.get(a), tolerance, what + " axis " + a + ": expected " + expected + ", got " + actual);
        }
    }

    @Test
    void storesEachKeptBoxOnTheCaseGridWithTheModelsCorners() throws Exception {
        ModelGrounding.Grounded g = ModelGrounding.ground(store, ModelGrounding.Target.of(anatomy), registry, MODEL,
                DeviceChoice.CPU, PHRASE, SLICE);
        GroundingOutput out = g.output();
        List<Evidence> boxes = g.claim().evidence().stream().filter(e -> e.kind() == EvidenceKind.BOX).toList();
        assertEquals(2, out.boxes().size(), "the manifest keeps the top two boxes over 0.45");
        assertEquals(2, boxes.size());
        // The voxels each box stands for (centres inside its edges) and their outer faces, from the model's edges
        // printed beside them: box 2 spans x 30.39..33.82 and y 32.32..32.48, which holds no voxel centre in y, so it
        // stands for row j = 32, the nearest to its middle; box 0 spans x 36.40..37.44, y 31.40..41.82.
        List<List<List<Integer>>> indexBoxes = List.of(List.of(List.of(31, 32, 20), List.of(33, 32, 20)),
                List.of(List.of(37, 32, 20), List.of(37, 41, 20)));
        List<List<Vec3>> extents = List.of(List.of(new Vec3(-5, 0, 0), new Vec3(10, 5, 5)),
                List.of(new Vec3(25, 0, 0), new Vec3(30, 50, 5)));
        for (int rank = 1; rank <= 2; rank++) {
            GroundedBox b = out.boxes().get(rank - 1);
            JsonNode geometry = json(boxes.get(rank - 1).geometryJson());
            double[][] edges = {{b.slice().x0(), b.slice().y0()}, {b.slice().x1(), b.slice().y0()},
                    {b.slice().x1(), b.slice().y1()}, {b.slice().x0(), b.slice().y1()}};
            for (int c = 0; c < 4; c++) {
                Vec3 expected = onSlice(edges[c][0], edges[c][1]);
                assertClose(expected, b.cornersLps().get(c), 1e-9, "model corner " + c + " of box " + rank);
                // The project keeps millimetres to the micrometre (half of it is the most rounding can move a value).
                assertClose(expected, vec(geometry.get("corners_lps_mm").get(c)), 5e-4, "stored corner " + c + " of box " + rank);
            }
            List<List<Integer>> index = indexBoxes.get(rank - 1);
            assertEquals(index.get(0), ints(geometry.get("min_index")), "box " + rank + " " + b.slice());
            assertEquals(index.get(1), ints(geometry.get("max_index")), "box " + rank + " " + b.slice());
            assertClose(extents.get(rank - 1).get(0), vec(geometry.get("min_lps_mm")), 0, "box " + rank + " min");
            assertClose(extents.get(rank - 1).get(1), vec(geometry.get("max_lps_mm")), 0, "box " + rank + " max");
            JsonNode method = json(boxes.get(rank - 1).methodJson());
            assertEquals(ModelGrounding.METHOD, method.get("method").asText());
            assertEquals(MODEL, method.get("model").asText());
            assertEquals(rank, method.get("rank").asInt());
            assertEquals(b.score(), method.get("score").asDouble());
            assertEquals(b.index(), method.get("modelBoxIndex").asInt());
        }
        assertEquals(List.of(2, 0), out.boxes().stream().map(GroundedBox::index).toList());
    }

    @Test
    void storesTheHeatMapOnSliceKOfTheCaseGridAndZeroElsewhere() throws Exception {
        ModelGrounding.Grounded g = ModelGrounding.ground(store, ModelGrounding.Target.of(anatomy), registry, MODEL,
                DeviceChoice.CPU, PHRASE, SLICE);
        Evidence heat = g.claim().evidence().stream().filter(e -> e.kind() == EvidenceKind.HEATMAP).findFirst().orElseThrow();
        Volume stored = NiftiReader.read(store.resolveArtifact(heat.artifact())).volume();
        ImageGrid grid = phantom.ct().grid();
        assertEquals(VoxelType.FLOAT32, stored.type());
        assertTrue(stored.grid().sameGeometry(grid, 1e-6), stored.grid() + " vs " + grid);
        var map = g.output().heatMap();
        int nonZero = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                for (int x = 0; x < grid.sizeX(); x++) {
                    double expected = z == SLICE ? map.valueAt(x, y) : 0;
                    if (stored.getPhysical(x, y, z) != expected) {
                        fail("heat at " + x + "," + y + "," + z + " is " + stored.getPhysical(x, y, z) + ", expected " + expected);
                    }
                    nonZero += expected != 0 ? 1 : 0;
                }
            }
        }
        assertEquals(64 * 64, nonZero, "a sigmoid map is positive on every pixel of its slice");
        JsonNode method = json(heat.methodJson());
        assertEquals(0.8188, method.get("threshold").asDouble());
        assertEquals(List.of(map.peak().i(), map.peak().j(), SLICE), ints(method.get("peakIndex")));
        assertClose(onSlice(map.peak().i(), map.peak().j()), vec(method.get("peakLps")), 1e-9, "peak");
    }

    @Test
    void recordsARunOfItsOwnWithThePhraseSliceAndChecksums() throws Exception {
        int runsBefore = store.modelRuns().size();
        ModelGrounding.Grounded g = ModelGrounding.ground(store, ModelGrounding.Target.of(anatomy), registry, MODEL,
                DeviceChoice.CPU, "  " + PHRASE + " ", SLICE);
        assertEquals(runsBefore + 1, store.modelRuns().size());
        ModelRun run = store.modelRun(g.claim().claim().runId()).orElseThrow();
        assertEquals(g.run(), run);
        assertNotEquals(anatomy.runId(), run.id());
        assertEquals(List.of(MODEL, "0.1.0", "2c87e8daaef20db9495a8d5d563a1b4a3c3250a79c05dc37c81c3d309427adc7", "cpu()"),
                List.of(run.modelId(), run.modelVersion(), run.weightsSha256(), run.device()));
        assertTrue(run.engine().startsWith("PyTorch "), run.engine());
        JsonNode p = json(run.parametersJson());
        assertEquals(PHRASE, p.get("phrase").asText());
        assertEquals(SLICE, p.get("slice").asInt());
        assertEquals("ef24e17abfa98d3487dd59ba7d57dd491c6a53dc5444e4609e6c6a58041ca568", p.get("tokenizerSha256").asText());
        assertEquals(0.45, p.get("scoreThreshold").asDouble());
        assertEquals(2, p.get("topK").asInt());
        assertEquals(0.8188, p.get("heatmapThreshold").asDouble());
        assertEquals(12, p.get("maxLength").asInt());
        assertEquals(ClaimKind.PHRASE, g.claim().claim().kind());
        assertEquals(PHRASE, g.claim().claim().text());
        assertEquals(anatomy.caseId(), g.claim().claim().caseId());
        assertEquals(List.of(EvidenceKind.BOX, EvidenceKind.BOX, EvidenceKind.HEATMAP),
                g.claim().evidence().stream().map(Evidence::kind).toList());
    }

    /** x of the vertebral column's centroid (label 7): the demo vocabulary's body midline. */
    static double midline() {
        ImageGrid g = phantom.labels().grid();
        double sum = 0;
        int n = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if ((int) phantom.labels().getStored(x, y, z) == 7) {
                        sum += g.indexToLps().apply(x, y, z).x();
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    @Test
    void checksThePhraseAgainstTheBestBoxAndAgainAfterAnEdit() throws Exception {
        ModelGrounding.Grounded g = ModelGrounding.ground(store, ModelGrounding.Target.of(anatomy), registry, MODEL,
                DeviceChoice.CPU, PHRASE, SLICE);
        List<ClaimCheck> checks = g.claim().checks();
        assertEquals(List.of("existence", "laterality", "location", "size"), checks.stream().map(ClaimCheck::kind).toList());
        assertEquals(store.checks(g.claim().claim().id()), checks);
        // The best box stands for voxels i = 31..33 of row 32 on slice 20: three voxels, at x = -2.5, 2.5, 7.5 mm.
        assertEquals(CheckOutcome.PASS, checks.get(0).outcome());
        assertEquals(3.0, checks.get(0).value());
        double m = midline();
        double left = 0;
        for (double x : new double[] {-2.5, 2.5, 7.5}) {
            left += x > m ? 1 : x == m ? 0.5 : 0;
        }
        assertEquals(left / 3, checks.get(1).value(), 1e-12, checks.get(1).detail());
        assertTrue(checks.get(1).detail().contains(String.format(java.util.Locale.ROOT, "x = %.1f mm", m)), checks.get(1).detail());

        // An edit to the other side is checked against the same stored box: the fraction on the claimed side flips.
        long editor = store.addReviewer("ed-" + System.nanoTime()).id();
        ReportClaims.Revised r = ReportClaims.revise(store, anatomy, g.claim().claim().id(), editor, "right lung nodule");
        ClaimCheck laterality = r.checks().stream().filter(c -> c.kind().equals("laterality")).reduce((a, b) -> b).orElseThrow();
        assertEquals(1 - left / 3, laterality.value(), 1e-12);
    }

    @Test
    void withoutASegmentationEveryCheckIsUnknown() throws Exception {
        ModelGrounding.Grounded g = ModelGrounding.ground(store, new ModelGrounding.Target(anatomy.caseId(), phantom.ct(),
                null), registry, MODEL, DeviceChoice.CPU, PHRASE, 3);
        assertEquals(List.of(CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN, CheckOutcome.UNKNOWN),
                g.claim().checks().stream().map(ClaimCheck::outcome).toList());
        assertEquals("nothing to check against: the case has no segmentation", g.claim().checks().get(0).detail());
        for (Evidence e : g.claim().evidence()) {
            if (e.kind() == EvidenceKind.BOX) {
                JsonNode box = json(e.geometryJson());
                assertEquals(List.of(3, 3), List.of(box.get("min_index").get(2).asInt(), box.get("max_index").get(2).asInt()));
            }
        }
    }

    private static ModelGroundingException refused(ModelGrounding.Target target, String model, int slice) {
        int runs = store.modelRuns().size();
        int claims = store.claims(anatomy.caseId()).size();
        ModelGroundingException e = assertThrows(ModelGroundingException.class,
                () -> ModelGrounding.ground(store, target, registry, model, DeviceChoice.CPU, PHRASE, slice));
        assertEquals(runs, store.modelRuns().size(), "nothing is stored");
        assertEquals(claims, store.claims(anatomy.caseId()).size(), "nothing is stored");
        return e;
    }

    @Test
    void refusesWithTypedErrorsAndStoresNothing() {
        long id = anatomy.caseId();
        ModelGroundingException noImage = refused(new ModelGrounding.Target(id, null, null), MODEL, 0);
        assertEquals(ModelGroundingException.Problem.NO_IMAGE, noImage.problem());
        assertEquals("case " + id + " has no image in the project to take a slice from; open its image and add the case"
                + " again", noImage.getMessage());

        ModelGroundingException outside = refused(ModelGrounding.Target.of(anatomy), MODEL, 40);
        assertEquals(ModelGroundingException.Problem.SLICE_OUT_OF_RANGE, outside.problem());
        assertEquals("slice 40 is outside case " + id + ", whose volume has slices 0..39", outside.getMessage());
        assertEquals(ModelGroundingException.Problem.SLICE_OUT_OF_RANGE,
                refused(ModelGrounding.Target.of(anatomy), MODEL, -1).problem());

        ModelGroundingException segmentation = refused(ModelGrounding.Target.of(anatomy), "demo-ct-seg", SLICE);
        assertEquals(ModelGroundingException.Problem.NOT_A_GROUNDING_MODEL, segmentation.problem());
        assertEquals("model demo-ct-seg is a SEGMENTATION model, not a grounding model: it cannot ground \"" + PHRASE
                + "\"", segmentation.getMessage());

        ModelGroundingException failed = refused(ModelGrounding.Target.of(anatomy), "tiny-grounding-wrong-outputs", SLICE);
        assertEquals(ModelGroundingException.Problem.MODEL_FAILED, failed.problem());
        assertEquals("model tiny-grounding-wrong-outputs failed to ground \"" + PHRASE + "\" on slice " + SLICE + " of case "
                + id + ": model tiny-grounding-wrong-outputs returned 3 outputs but its manifest lists 1", failed.getMessage());
    }
}
