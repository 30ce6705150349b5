package dev.attest.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.io.Sha256;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.fx.SliceView;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer corrects the model's mask with the mouse (headless Monocle): Shift+E, a brush drag on the axial
 * view, an undo and a redo from the keyboard, Save; the corrected mask lands in the project as a new artifact
 * whose sidecar names the model's label map (by sha256) and the reviewer, and the model's map is unchanged.
 */
@ExtendWith(ApplicationExtension.class)
class LabelEditingTest {
    @TempDir
    static Path dir;
    private static Path dicom;
    private MainWindow window;

    @BeforeAll
    static void writeCase() throws Exception {
        dicom = ModelCaseFixture.writePhantomSeries(dir);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void aBrushCorrectionIsSavedAsANewArtifactDerivedFromTheModelsMask(FxRobot robot) throws Exception {
        Path projectDir = dir.resolve("project");
        ModelCaseFixture.scoreableCase(window, robot, projectDir, dicom);

        SliceView axial = robot.lookup("#view-axial").queryAs(SliceView.class);
        robot.moveTo(axial);
        robot.push(KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.editing().pane().isVisible(), "the editing panel shows");
        var editor = window.editing().editor();
        // The first claim is "body", which already covers the middle of the image: paint the lesion label instead.
        @SuppressWarnings("unchecked")
        var labels = (javafx.scene.control.ComboBox<LabelEditPanel.LabelChoice>) robot.lookup("#edit-label").query();
        assertEquals(1, labels.getValue().value(), "the editor starts on the claim's label");
        WaitForAsyncUtils.asyncFx(() -> labels.setValue(labels.getItems().stream().filter(l -> l.value() == 9)
                .findFirst().orElseThrow())).get();
        int label = editor.settings().label();
        assertEquals(9, label);
        Volume modelMap = window.lastRun().labels();
        byte[] modelSliceBefore = ((byte[]) modelMap.sliceArray(20)).clone();

        Bounds b = axial.localToScreen(axial.getBoundsInLocal());
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        Vec3 from = axial.transform().screenToLps(b.getWidth() / 2 - 40, b.getHeight() / 2);
        // What the view shows where the stroke will pass (its own rendering, as on screen).
        java.util.concurrent.Callable<Integer> shownAtStroke = () -> WaitForAsyncUtils.asyncFx(() -> axial.renderImage(1)
                .getPixelReader().getArgb((int) (b.getWidth() / 2), (int) (b.getHeight() / 2))).get();
        int before = shownAtStroke.call();
        robot.drag(cx - 40, cy, MouseButton.PRIMARY).dropTo(cx + 40, cy);
        WaitForAsyncUtils.waitForFxEvents();
        int painted = shownAtStroke.call();
        assertNotEquals(before, painted, "the view shows the stroke at once, without moving the slice");
        long changed = editor.changedVoxelCount();
        assertTrue(changed > 0, "the drag painted");
        var start = editor.voxelAt(from).orElseThrow();
        assertEquals(label, editor.labels().getStored(start.i(), start.j(), start.k()));
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, editor.changedVoxelCount(), "undo takes back the whole drag");
        assertEquals(before, shownAtStroke.call(), "and the view shows the map as it was");
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(changed, editor.changedVoxelCount());
        assertEquals(painted, shownAtStroke.call());

        robot.clickOn("#edit-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.Arrays.toString(modelSliceBefore), java.util.Arrays.toString((byte[]) modelMap.sliceArray(20)),
                "the model's own map is not edited");
        var store = window.review().store();
        long caseId = window.review().currentCase().orElseThrow().id();
        List<CorrectedAnnotation> corrections = store.corrections(caseId);
        assertEquals(1, corrections.size());
        CorrectedAnnotation c = corrections.get(0);
        assertEquals(AnnotationKind.MASK, c.kind());
        assertEquals(window.review().reviewer().id(), c.editorId());
        long claimId = window.review().currentClaim().orElseThrow().claim().id();
        assertEquals(claimId, c.claimId());
        Evidence evidence = store.evidence(claimId).get(0);
        assertEquals(evidence.id(), c.derivedFromEvidenceId());

        Path mask = store.resolveArtifact(c.artifact());
        assertEquals(Sha256.of(mask), c.artifact().sha256());
        Volume saved = NiftiReader.read(mask).volume();
        long differing = 0;
        for (int z = 0; z < saved.grid().sizeZ(); z++) {
            for (int y = 0; y < saved.grid().sizeY(); y++) {
                for (int x = 0; x < saved.grid().sizeX(); x++) {
                    assertEquals(editor.labels().getStored(x, y, z), saved.getStored(x, y, z));
                    if (saved.getStored(x, y, z) != modelMap.getStored(x, y, z)) {
                        differing++;
                    }
                }
            }
        }
        assertEquals(changed, differing, "the saved mask differs from the model's exactly where it was painted");
        JsonNode sidecar = new ObjectMapper().readTree(Files.readString(mask.resolveSibling(
                mask.getFileName().toString().replace(".nii.gz", ".json"))));
        assertEquals("ann", sidecar.get("editor").asText());
        assertEquals(evidence.artifact().sha256(), sidecar.get("derived_from").get("sha256").asText());
        assertNotEquals(0, sidecar.get("operations").size());
        assertEquals("paint", sidecar.get("operations").get(0).get("type").asText());
    }
}
