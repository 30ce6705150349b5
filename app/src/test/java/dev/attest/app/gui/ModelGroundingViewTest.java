package dev.attest.app.gui;

import dev.attest.app.ModelFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.overlay.BoxMarker;
import dev.attest.viewer.overlay.HeatMapLayer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Report ▸ Ground phrase with a model (Ctrl+Shift+G) on the phantom case (headless Monocle), with a config folder
 * of its own: with no grounding model registered the dialog says how to add one and cannot run; once the tiny
 * TorchScript grounding model is imported, it starts on the axial slice under the crosshair, grounds in the
 * background, and the new phrase claim is chosen in the report with its boxes and heat map drawn and the axial
 * view on the model's slice; choosing another claim takes them away, choosing it again reads them back.
 */
@ExtendWith(ApplicationExtension.class)
class ModelGroundingViewTest {
    static final Path FIXTURE = Path.of("../inference/src/test/resources/fixtures/grounding/tiny-grounding-ts")
            .toAbsolutePath().normalize();
    static final int SLICE = 12;

    @TempDir
    static Path dir;
    private static Path dicom;
    private static ModelFolders folders;
    private MainWindow window;

    @BeforeAll
    static void ownConfigAndCase() throws Exception {
        folders = ModelFolders.under(dir);
        dicom = ModelCaseFixture.writePhantomSeries(dir);
    }

    @AfterAll
    static void restore() {
        folders.close();
    }


    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    private static Vec3 vec(JsonNode a) {
        return new Vec3(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
    }

    @Test
    @SuppressWarnings("unchecked")
    void groundsWithARegisteredModelAndShowsTheBoxesAndHeatMap(FxRobot robot) throws Exception {
        ModelCaseFixture.scoreableCase(window, robot, dir.resolve("project"), dicom);
        ImageGrid grid = window.imageProperty().get().volume().grid();

        // No grounding model yet: the dialog explains and its Ground button stays off.
        robot.clickOn("#view-axial");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#ground-model-note").queryAs(Label.class).getText()
                .startsWith("No grounding model is registered. Import one with File \u25B8 Models"));
        assertTrue(robot.lookup("#ground-model-run").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#ground-model-phrase").queryAs(TextField.class).isDisabled());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        window.models().importModel(ModelImporter.standard(), FIXTURE, ModelImporter.Options.defaults());
        WaitForAsyncUtils.asyncFx(() -> window.crosshairProperty().set(new Crosshair(grid.indexToLps().apply(30, 30, SLICE))))
                .get();
        robot.clickOn("#view-axial");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        Spinner<Integer> slice = robot.lookup("#ground-model-slice").queryAs(Spinner.class);
        assertEquals(SLICE, slice.getValue(), "the dialog starts on the axial slice under the crosshair");
        ComboBox<dev.attest.inference.registry.RegistryEntry> choice = robot.lookup("#ground-model-choice").queryAs(ComboBox.class);
        assertEquals(List.of("tiny-grounding-ts"), choice.getItems().stream().map(e -> e.id()).toList(),
                "only grounding models are offered, not demo-ct-seg");
        Button run = robot.lookup("#ground-model-run").queryAs(Button.class);
        assertTrue(run.isDisabled(), "no phrase yet");
        robot.clickOn("#ground-model-phrase").write("left lung nodule");
        assertFalse(run.isDisabled());
        robot.clickOn("#ground-model-run");
        ReportPanel panel = window.reporting().panel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.busyProperty().get() && panel.sentences.getItems()
                .stream().anyMatch(l -> l.kind() == ClaimKind.PHRASE));
        WaitForAsyncUtils.waitForFxEvents();

        var store = window.project();
        ReportPanel.Line chosen = panel.sentences.getSelectionModel().getSelectedItem();
        assertEquals("left lung nodule", chosen.text());
        Claim claim = store.claims(window.imageCaseId()).stream().filter(c -> c.id() == chosen.claimId()).findFirst()
                .orElseThrow();
        assertEquals(ClaimKind.PHRASE, claim.kind());
        assertEquals(store.checks(claim.id()), chosen.checks());
        assertEquals(claim.id(), window.review().currentClaim().orElseThrow().claim().id(), "the new claim is the one scored");
        JsonNode parameters = new ObjectMapper().readTree(store.modelRun(claim.runId()).orElseThrow().parametersJson());
        assertEquals(SLICE, parameters.get("slice").asInt());
        assertEquals("left lung nodule", parameters.get("phrase").asText());
        assertTrue(robot.lookup("#message").queryAs(Label.class).getText().startsWith("tiny-grounding-ts placed 2 boxes (score 0."),
                robot.lookup("#message").queryAs(Label.class).getText());

        // Its boxes are drawn where the project stores them, best first; the view is on the model's slice.
        List<Evidence> evidence = store.evidence(claim.id());
        List<Evidence> boxes = evidence.stream().filter(e -> e.kind() == EvidenceKind.BOX).toList();
        List<BoxMarker> drawn = window.claimOverlays().boxes();
        assertEquals(boxes.size(), drawn.size());
        for (int i = 0; i < boxes.size(); i++) {
            JsonNode g = new ObjectMapper().readTree(boxes.get(i).geometryJson());
            assertEquals(vec(g.get("min_lps_mm")), drawn.get(i).min());
            assertEquals(vec(g.get("max_lps_mm")), drawn.get(i).max());
            assertTrue(window.overlayStack().overlays().contains(drawn.get(i)));
        }
        assertTrue(drawn.get(0).name().startsWith("1 \u00B7 0."), drawn.get(0).name());
        assertEquals("", drawn.get(1).name(), "only the best box is named, so names never overlap");
        Vec3 centre = drawn.get(0).min().add(drawn.get(0).max()).scale(0.5);
        assertEquals(0, window.crosshairProperty().get().point().distance(centre), 1e-9);
        assertEquals(SLICE, grid.lpsToIndex().apply(window.crosshairProperty().get().point()).z(), 1e-6);

        // Its heat map is on screen, voxel for voxel what the project stored.
        Evidence heat = evidence.stream().filter(e -> e.kind() == EvidenceKind.HEATMAP).findFirst().orElseThrow();
        Volume stored = NiftiReader.read(store.resolveArtifact(heat.artifact())).volume();
        HeatMapLayer layer = (HeatMapLayer) window.overlayStack().find("heat").orElseThrow();
        assertSameValues(stored, layer.values());
        assertEquals(0.8188, layer.threshold(), "shown from the model's own region threshold");

        // Another claim (a finding: mask only) takes the boxes and the claim's heat map away ...
        long finding = store.claims(window.imageCaseId()).stream().filter(c -> c.kind() == ClaimKind.FINDING)
                .findFirst().orElseThrow().id();
        WaitForAsyncUtils.asyncFx(() -> window.showClaim(finding)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), window.claimOverlays().boxes());
        assertTrue(window.overlayStack().overlays().stream().noneMatch(o -> o instanceof BoxMarker));
        assertTrue(window.overlayStack().find("heat").isEmpty());
        // ... and choosing the phrase again reads its heat map back from the project.
        WaitForAsyncUtils.asyncFx(() -> window.showClaim(claim.id())).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.overlayStack().find("heat").isPresent());
        assertFalse(window.busyProperty().get(), "reading a claim's heat map is not the window's background job");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(boxes.size(), window.claimOverlays().boxes().size());
        HeatMapLayer reread = (HeatMapLayer) window.overlayStack().find("heat").orElseThrow();
        assertSameValues(stored, reread.values());
        assertEquals(0.8188, reread.threshold());
    }

    private static void assertSameValues(Volume expected, Volume actual) {
        ImageGrid g = expected.grid();
        assertTrue(actual.grid().sameGeometry(g, 1e-6), actual.grid() + " vs " + g);
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (expected.getPhysical(x, y, z) != actual.getPhysical(x, y, z)) {
                        fail("heat at " + x + "," + y + "," + z + ": shown " + actual.getPhysical(x, y, z) + ", stored "
                                + expected.getPhysical(x, y, z));
                    }
                }
            }
        }
    }
}
