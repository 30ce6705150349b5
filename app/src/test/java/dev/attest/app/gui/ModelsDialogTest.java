package dev.attest.app.gui;

import dev.attest.app.ModelFolders;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.registry.RegistryEntry;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Models dialog and the engine panel on a config folder of their own (headless Monocle): the tiny
 * MONAI bundle (tools/fixtures/make_monai_bundle.py) imported beforehand is listed with its id, name and
 * status, verifies from the dialog, and a broken folder beside it shows as broken.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsDialogTest {
    static final Path BUNDLE = Path.of("../inference/src/test/resources/fixtures/monai/spleen_ct_tiny").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    private static ModelFolders folders;
    private MainWindow window;

    @BeforeAll
    static void importFixture() throws Exception {
        folders = ModelFolders.under(dir);
        ModelImporter.standard().importModel(BUNDLE, dir.resolve("config/models"));
        Path broken = Files.createDirectories(dir.resolve("config/models/unfinished"));
        Files.writeString(broken.resolve("manifest.json"), "{\"id\": \"unfinished\", \"format\": \"onnx\"}");
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

    private static List<String> row(TableView<RegistryEntry> table, int index) {
        List<String> cells = new ArrayList<>();
        table.getColumns().forEach(c -> cells.add(String.valueOf(c.getCellData(index))));
        return cells;
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheImportedModelAndVerifiesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.actions().get("file.models").fire()).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RegistryEntry> table = robot.lookup("#models-table").queryAs(TableView.class);
        assertEquals(List.of("ID", "Name", "Version", "Task", "Engine", "Origin", "Status"),
                table.getColumns().stream().map(c -> c.getText()).toList());
        // The built-in demo model comes first, then the user's folder in order.
        assertEquals(3, table.getItems().size());
        assertEquals(List.of("demo-ct-seg", "Attest demo CT segmentation (phantom)", "1.0.0", "segmentation", "pytorch",
                "built-in", "available"), row(table, 0));
        assertEquals(List.of("spleen_ct_tiny", "Spleen CT segmentation (tiny test model)", "0.1.0", "segmentation", "pytorch",
                "user", "available"), row(table, 1));
        assertEquals(List.of("unfinished", "\u2013", "\u2013", "\u2013", "\u2013", "user", "broken"), row(table, 2));

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Broken: " + dir.resolve("config/models/unfinished/manifest.json") + ": no weights file",
                robot.lookup("#models-detail").queryAs(Label.class).getText());

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(1)).get();
        robot.clickOn("#models-verify");
        Label message = robot.lookup("#models-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().endsWith("sha256"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("spleen_ct_tiny: every file matches its sha256", message.getText());
        assertEquals("verified", row(table, 1).get(6));
        assertEquals("A two-layer stand-in with the spleen bundle's input contract; not trained\nLicence: Apache License,"
                + " Version 2.0    Folder: " + dir.resolve("config/models/spleen_ct_tiny"),
                robot.lookup("#models-detail").queryAs(Label.class).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEnginePanelSavesTheDeviceChoice(FxRobot robot) throws Exception {
        String threads = System.getProperty("ai.djl.pytorch.num_threads",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
        assertEquals("PyTorch: starts with the first model \u00B7 " + threads + " threads",
                robot.lookup("#engine-info").queryAs(Label.class).getText());
        ComboBox<DeviceChoice> device = robot.lookup("#engine-device").queryAs(ComboBox.class);
        assertEquals(DeviceChoice.AUTO, device.getValue());
        WaitForAsyncUtils.asyncFx(() -> device.setValue(DeviceChoice.CPU)).get();
        assertEquals("{\n  \"device\" : \"cpu\"\n}\n", Files.readString(dir.resolve("config/engine.json")));
        assertEquals("PyTorch 2.7.1 \u00B7 GPU 1 \u00B7 8 threads",
                EnginePanel.describe(new dev.attest.inference.engine.EngineInfo("PyTorch", "2.7.1", "gpu(1)", 8)));
        assertEquals("CPU", EnginePanel.deviceName("cpu()"));
    }
}
