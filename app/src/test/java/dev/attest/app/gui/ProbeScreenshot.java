package dev.attest.app.gui;

import dev.attest.app.probe.PerturbationMenu;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;
import dev.attest.viewer.fx.PngWriter;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Not a test: a main for looking at Models ▸ Robustness probe on a real display (Xvfb). Writes the demo phantom
 * (256×256×120, as {@code attest demo}), opens it, runs the demo model, probes it with the quick set and saves the
 * result window as PNG; with more arguments also the form and the perturbed image of the rotation row.
 * Arguments: RESULT.png [FORM.png [PERTURBED.png [PER-LABEL.png]]] (FORM.png "-" skips the form).
 */
public final class ProbeScreenshot {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("attest-probe-shot");
        CtPhantom.Result phantom = CtPhantom.generate(256, 256, 120, 1.4, 2.5, 12, 20260101L);
        Path dicom = work.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Phantom^Attest", "DEMO", "Attest CT phantom"),
                TransferSyntax.EXPLICIT_VR_LE);
        Platform.startup(() -> { });
        MainWindow w = fx(() -> {
            MainWindow window = new MainWindow(new Stage());
            window.show();
            window.open(List.of(dicom));
            return window;
        });
        waitFor(() -> w.imageProperty().get() != null && !w.busyProperty().get());
        fx(() -> {
            w.runModel("demo-ct-seg");
            return null;
        });
        waitFor(() -> w.lastRun() != null && !w.busyProperty().get());
        if (args.length > 1 && !args[1].equals("-")) {
            Dialog<Void> d = fx(() -> {
                List<String> models = RobustnessProbe.segmentationModels(w);
                long millis = w.lastRun().provenance().timingsMillis().get("total");
                ProbeForm form = new ProbeForm(models, RobustnessProbe.defaultModel(w, models), id -> millis);
                Dialog<Void> dialog = new Dialog<>();
                dialog.initOwner(w.stage());
                dialog.setTitle("Robustness probe");
                dialog.setHeaderText("Run a model on the image and on perturbed copies of it");
                dialog.getDialogPane().setContent(form.pane());
                dialog.getDialogPane().setPrefWidth(640);
                dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
                dialog.show();
                return dialog;
            });
            Thread.sleep(1000);
            fx(() -> {
                PngWriter.write(d.getDialogPane().getScene().snapshot(null), Path.of(args[1]));
                d.close();
                return null;
            });
        }
        List<ProbeResultWindow> shown = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        fx(() -> {
            RobustnessProbe.probe(w, new RobustnessProbe.Request("demo-ct-seg", PerturbationMenu.quickSpecs(),
                    PerturbationMenu.DEFAULT_SEED), r -> {
                        shown.add(r);
                        r.show();
                    });
            return null;
        });
        waitFor(() -> !shown.isEmpty() && !w.busyProperty().get());
        System.out.printf("probe: %.1f s wall, report %d ms; %s%n", (System.nanoTime() - t0) / 1e9,
                shown.get(0).report().totalMillis(), fx(() -> shown.get(0).summary()));
        Thread.sleep(1500);
        ProbeResultWindow result = shown.get(0);
        fx(() -> {
            PngWriter.write(result.stage.getScene().snapshot(null), Path.of(args[0]));
            return null;
        });
        if (args.length > 2) {
            int before = fx(() -> Window.getWindows().size());
            fx(() -> {
                var items = result.table.getItems();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).perturbation().kind().equals("noise") && items.get(i).perturbation().level() == 5) {
                        result.table.getSelectionModel().select(i);
                    }
                }
                result.showPerturbed(result.table.getSelectionModel().getSelectedItem());
                return null;
            });
            waitFor(() -> Window.getWindows().size() > before);
            Thread.sleep(1500);
            fx(() -> {
                Window last = Window.getWindows().get(Window.getWindows().size() - 1);
                PngWriter.write(last.getScene().snapshot(null), Path.of(args[2]));
                return null;
            });
        }
        if (args.length > 3) {
            fx(() -> {
                result.perLabel.setSelected(true);
                return null;
            });
            Thread.sleep(1000);
            fx(() -> {
                PngWriter.write(result.stage.getScene().snapshot(null), Path.of(args[3]));
                return null;
            });
        }
        fx(() -> {
            w.quit();
            return null;
        });
        System.exit(0);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return ScreenshotSteps.fx(c);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        ScreenshotSteps.waitFor(condition, 300_000);
    }
}
