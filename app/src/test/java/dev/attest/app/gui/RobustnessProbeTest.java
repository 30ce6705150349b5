package dev.attest.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.app.probe.PerturbationMenu;
import dev.attest.app.probe.ProbeFiles;
import dev.attest.inference.probe.ProbeRecord;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models ▸ Robustness probe on the fixture case (headless Monocle): the form's defaults, a probe cancelled from the
 * status bar that shows and writes nothing, then a small probe whose window lists exactly the report's rows, charts
 * its numbers, saves the files of {@code attest probe} and shows a perturbed image.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessProbeTest {
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
    void theCaseIsProbedChartedTabledAndSavedAndACancelledProbeLeavesNothing(FxRobot robot) throws Exception {
        ModelCaseFixture.scoreableCase(window, robot, dir.resolve("project"), dicom);

        // The dialog's form: the model that made the case's run, the quick set ticked, its cost.
        ProbeForm form = WaitForAsyncUtils.asyncFx(() -> {
            List<String> models = RobustnessProbe.segmentationModels(window);
            return new ProbeForm(models, RobustnessProbe.defaultModel(window, models), id -> 2500);
        }).get();
        assertEquals("demo-ct-seg", form.model.getValue());
        assertEquals(PerturbationMenu.quickSpecs(), form.specs());
        assertEquals("8 model runs, one after another, at most about 20 s (the last run of demo-ct-seg took 2.5 s)", form.cost.getText());
        robot.interact(() -> form.levels.get("rotate").get(5.0).setSelected(true));
        assertTrue(form.specs().contains("rotate:deg=2,5"));
        robot.interact(() -> form.seed.setText("x"));
        assertFalse(form.validProperty().get());
        assertEquals("The seed must be a whole number", form.cost.getText());

        // A long probe cancelled from the status bar during its third run: no window, no file written anywhere.
        List<Path> before = files();
        List<ProbeResultWindow> shown = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> RobustnessProbe.probe(window, new RobustnessProbe.Request("demo-ct-seg",
                // 31 runs: far more than the click on Cancel takes, however fast the machine.
                List.of("identity", "noise:snr=40,30,20,15,10,8,5,3,2,1", "blur:sigma=1,2,3,4", "rotate:deg=1,2,3,5,8,10",
                        "downsample:factor=2,3,4", "missing:every=5,4,3,2", "shift:offset=-50,50"), 1),
                shown::add)).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message().contains("run 3 of 31"));
        robot.clickOn("#cancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Robustness probe of demo-ct-seg: cancelled", message());
        assertTrue(shown.isEmpty());
        assertEquals(before, files());

        // A small probe: the window's rows are the report's records, its charts their numbers.
        WaitForAsyncUtils.asyncFx(() -> RobustnessProbe.probe(window, new RobustnessProbe.Request("demo-ct-seg",
                List.of("identity", "noise:snr=5", "missing:every=2"), 3), r -> {
                    shown.add(r);
                    r.show();
                })).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !shown.isEmpty() && !window.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ProbeResultWindow result = shown.get(0);
        List<ProbeRecord> records = result.report().cases().get(0).probe().records();
        assertEquals(List.of("identity", "noise snr=5", "missing every=2"), records.stream().map(r -> r.perturbation().label()).toList());
        assertEquals(records, List.copyOf(result.table.getItems()));
        assertEquals(window.imageCaseId(), result.report().cases().get(0).caseId());
        assertEquals(3, result.report().seed());
        assertTrue(message().startsWith("Robustness probe of demo-ct-seg: 3 perturbations in "), message());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(ProbeResultWindow.cell(records.get(i).dice().mean()), result.table.getColumns().get(1).getCellData(i));
            assertEquals(ProbeResultWindow.cell(records.get(i).pearson()), result.table.getColumns().get(2).getCellData(i));
            assertEquals(ProbeResultWindow.cell(records.get(i).topOverlap()), result.table.getColumns().get(3).getCellData(i));
        }
        assertEquals("Dice liver", result.table.getColumns().stream().filter(c -> c.getText().equals("Dice liver")).findFirst()
                .orElseThrow().getText());
        assertEquals(1.0, records.get(0).dice().mean(), "the identity: inference is repeatable");
        assertTrue(records.get(1).dice().mean() < 1, "noise at SNR 5 moves the labels");

        List<LineChart<?, ?>> charts = result.charts.getChildren().stream().<LineChart<?, ?>>map(n -> (LineChart<?, ?>) n).toList();
        assertEquals(List.of("Gaussian noise", "Missing slices (fill=neighbour)"), charts.stream().map(LineChart::getTitle).toList());
        XYChart.Series<?, ?> noiseDice = charts.get(0).getData().get(0);
        assertEquals("mean Dice of labels", noiseDice.getName());
        assertEquals(List.of("none", "5"), noiseDice.getData().stream().map(XYChart.Data::getXValue).toList());
        assertEquals(List.of(records.get(0).dice().mean(), records.get(1).dice().mean()),
                noiseDice.getData().stream().map(d -> ((Number) d.getYValue()).doubleValue()).toList());
        XYChart.Series<?, ?> missingTop = charts.get(1).getData().get(2);
        assertEquals("evidence top-5% overlap", missingTop.getName());
        assertEquals(records.get(2).topOverlap(), ((Number) missingTop.getData().get(1).getYValue()).doubleValue());
        robot.interact(() -> result.perLabel.setSelected(true));
        assertEquals("Dice liver", ((LineChart<?, ?>) result.charts.getChildren().get(0)).getData().stream()
                .map(XYChart.Series::getName).filter(n -> n.equals("Dice liver")).findFirst().orElseThrow());

        // Save: the files of attest probe --out, with the table's numbers.
        Path out = dir.resolve("saved probe");
        List<Path> written = WaitForAsyncUtils.asyncFx(() -> result.save(out)).get();
        assertEquals(ProbeFiles.NAMES.stream().map(out::resolve).toList(), written);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(4, files.count(), "the four files and no leftover .part");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("probes.json").toFile());
        JsonNode saved = json.get("cases").get(0).get("records");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).dice().mean(), saved.get(i).get("meanDice").asDouble());
            assertEquals(records.get(i).pearson(), saved.get(i).get("pearson").asDouble());
            assertEquals(records.get(i).topOverlap(), saved.get(i).get("topOverlap").asDouble());
        }
        assertEquals(List.of("identity", "noise:snr=5", "missing:every=2"),
                new ObjectMapper().convertValue(json.get("perturbations"), List.class));
        assertEquals(4, Files.readAllLines(out.resolve("probes-groups.csv")).size(), "header and three rows");
        assertTrue(result.status.getText().startsWith("Saved probes.json"), result.status.getText());

        // The perturbed image of the chosen row, beside the unperturbed one.
        int windows = Window.getWindows().size();
        robot.interact(() -> result.table.getSelectionModel().select(1));
        robot.interact(() -> result.showImage.fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Window.getWindows().size() > windows);
        WaitForAsyncUtils.waitForFxEvents();
        Stage perturbed = (Stage) Window.getWindows().get(Window.getWindows().size() - 1);
        assertTrue(perturbed.getTitle().startsWith("Perturbed image: noise snr=5"), perturbed.getTitle());
    }

    private String message() {
        return window == null ? "" : ((javafx.scene.control.Labeled) window.stage().getScene().lookup("#message")).getText();
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.getFileName().toString().startsWith("project.db")).sorted().toList();
        }
    }
}
