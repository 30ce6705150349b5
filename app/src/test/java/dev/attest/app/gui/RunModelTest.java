package dev.attest.app.gui;

import dev.attest.core.volume.Volume;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.run.InferenceResult;
import dev.attest.viewer.overlay.HeatMapLayer;
import dev.attest.viewer.overlay.LabelLayer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Models > Run model on the open image (headless Monocle): the registry model runs in the background
 * through the same SegmentationRun as `attest infer`, and its labels and probability map are overlaid
 * with exactly the Python reference's values (the infer fixture, tools/fixtures/make_infer_fixture).
 */
@ExtendWith(ApplicationExtension.class)
class RunModelTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    static Path fixture(String name) throws Exception {
        return Paths.get(RunModelTest.class.getResource("/fixtures/infer/" + name).toURI());
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void aRegistryModelRunsInTheBackgroundAndItsOutputsAreOverlaid(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("tiny"));
        Files.copy(fixture("manifest.json"), folder.resolve("manifest.json"));
        Files.copy(fixture("tiny_seg.pt"), folder.resolve("tiny_seg.pt"));
        window.models().importModel(ModelImporter.standard(), folder, new ModelImporter.Options(null, true));

        Path input = fixture("input.nii.gz");
        WaitForAsyncUtils.asyncFx(() -> window.open(List.of(input)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.imageProperty().get() != null && !window.busyProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.runModel("tiny-seg"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.lastRun() != null && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        InferenceResult run = window.lastRun();
        LabelLayer labels = (LabelLayer) window.overlayStack().find("tiny-seg").orElseThrow();
        assertTrue(run.labels() == labels.labels(), "the overlay shows the run's own label volume");
        HeatMapLayer heat = (HeatMapLayer) window.overlayStack().find("heat").orElseThrow();
        Volume p1 = heat.values();
        ByteBuffer expected = ByteBuffer.wrap(Files.readAllBytes(fixture("expected.labels.i16"))).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer prob = ByteBuffer.wrap(Files.readAllBytes(fixture("expected.prob1.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        Volume l = labels.labels();
        int nx = l.grid().sizeX();
        int ny = l.grid().sizeY();
        for (int i = 0; i < l.grid().voxelCount(); i++) {
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            if (expected.getShort(2 * i) != (int) l.getPhysical(x, y, z)) {
                fail("label at " + x + "," + y + "," + z + " is " + l.getPhysical(x, y, z) + ", reference " + expected.getShort(2 * i));
            }
            assertEquals(prob.getFloat(4 * i), p1.getPhysical(x, y, z), 1e-5);
        }
        assertTrue(!robot.lookup("#label-1").queryAll().isEmpty(), "the legend lists the organ");
        assertEquals("PyTorch", run.provenance().engine().engine());
    }
}
