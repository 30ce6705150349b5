package dev.attest.app.gui;

import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;
import dev.attest.viewer.fx.PngWriter;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Not a test: a main for looking at the review panel on a real display (Xvfb). Writes a phantom, opens it,
 * runs the demo model, adds the case to a new project, scores three claims and saves the window as PNG.
 * Arguments: the PNG file, then {@code report} for the report tab, or {@code model-ground} for a phrase grounded
 * with the tiny grounding model (imported into a config folder of the run's own; the dialog is saved beside the
 * window as OUT-dialog.png) and optionally the phrase.
 */
public final class ReviewScreenshot {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("attest-shot");
        String mode = args.length > 1 ? args[1] : "review";
        if (mode.equals("model-ground")) {
            System.setProperty("attest.config.dir", work.resolve("config").toString());
            System.setProperty("attest.cache.dir", work.resolve("cache").toString());
        }
        CtPhantom.Result phantom = CtPhantom.generate(128, 128, 80, 2.5, 2.5, 10, 1);
        Path dicom = work.resolve("dicom");
        SeriesWriter.write(phantom.ct(), dicom, SeriesWriter.SeriesInfo.ct("Test^Phantom", "T1", "phantom"),
                TransferSyntax.EXPLICIT_VR_LE);
        Platform.startup(() -> { });
        MainWindow w = fx(() -> {
            MainWindow window = new MainWindow(new Stage());
            window.show();
            window.newProject(work.resolve("project"), "ann");
            window.open(List.of(dicom));
            return window;
        });
        waitFor(() -> w.imageProperty().get() != null && !w.busyProperty().get());
        fx(() -> {
            w.runModel("demo-ct-seg");
            return null;
        });
        waitFor(() -> w.lastRun() != null && !w.busyProperty().get());
        fx(() -> {
            w.addCaseToProject();
            return null;
        });
        waitFor(() -> !w.busyProperty().get() && w.review() != null && !w.review().claims().isEmpty());
        if (mode.equals("report")) {
            reportSteps(w);
        } else if (mode.equals("model-ground")) {
            modelGroundSteps(w, out, args.length > 2 ? args[2] : "small nodule in the left lower lobe");
        } else {
            reviewSteps(w);
        }
        Thread.sleep(1500);
        fx(() -> {
            PngWriter.write(w.stage().getScene().snapshot(null), out);
            w.quit();
            return null;
        });
        System.exit(0);
    }

    /** The report written, one sentence edited to the wrong side, a phrase grounded, the edited one chosen. */
    private static void reportSteps(MainWindow w) throws Exception {
        fx(() -> {
            w.reporting().generate();
            return null;
        });
        waitFor(() -> !w.busyProperty().get() && !w.reporting().panel().sentences.getItems().isEmpty());
        fx(() -> {
            var panel = w.reporting().panel();
            var items = panel.sentences.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).text().startsWith("Left kidney")) {
                    panel.sentences.getSelectionModel().select(i);
                }
            }
            panel.edit.setText(panel.sentences.getSelectionModel().getSelectedItem().text().replace("Left", "Right"));
            w.reporting().saveEdit();
            return null;
        });
        waitFor(() -> !w.busyProperty().get());
        fx(() -> {
            w.reporting().panel().phrase.setText("upper part of the liver");
            w.reporting().ground();
            return null;
        });
        waitFor(() -> !w.busyProperty().get());
    }

    /** The tiny grounding model imported, its dialog saved, then the phrase grounded on slice 46 (through the liver). */
    private static void modelGroundSteps(MainWindow w, Path out, String phrase) throws Exception {
        w.models().importModel(dev.attest.inference.registry.ModelImporter.standard(),
                Path.of("inference/src/test/resources/fixtures/grounding/tiny-grounding-ts").toAbsolutePath(),
                dev.attest.inference.registry.ModelImporter.Options.defaults());
        int slice = 46;
        fx(() -> {
            var grid = w.imageProperty().get().volume().grid();
            w.crosshairProperty().set(new dev.attest.viewer.mpr.Crosshair(grid.indexToLps().apply(64, 64, slice)));
            var models = w.models().list().stream()
                    .filter(e -> e.manifest() != null && e.manifest().task() == dev.attest.inference.manifest.ModelTask.GROUNDING)
                    .toList();
            ModelGroundingDialog d = new ModelGroundingDialog(w.stage(), models, null, phrase, slice,
                    grid.sizeZ(), "auto");
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            String name = out.getFileName().toString().replaceFirst("\\.png$", "");
            PngWriter.write(d.getDialogPane().getScene().snapshot(null), out.resolveSibling(name + "-dialog.png"));
            d.close();
            return null;
        });
        fx(() -> {
            w.reporting().groundWithModel(new ModelGroundingDialog.Request("tiny-grounding-ts", phrase, slice));
            return null;
        });
        waitFor(() -> !w.busyProperty().get() && w.claimOverlays().boxes().size() > 0);
        fx(() -> {
            w.actions().get("view.layout-axial").fire();
            return null;
        });
    }

    private static void reviewSteps(MainWindow w) throws Exception {
        fx(() -> {
            var r = w.review();
            r.nextClaim();
            r.setVerdict(Verdict.CORRECT);
            r.setSupport(EvidenceSupport.SUPPORTS);
            r.setLocalisation(Localisation.GOOD);
            r.setSignificance(Significance.INSIGNIFICANT);
            r.nextClaim();
            r.setVerdict(Verdict.PARTIALLY_CORRECT);
            r.setSupport(EvidenceSupport.PARTIAL);
            r.setLocalisation(Localisation.HIT_ONLY);
            r.setErrorType(ErrorType.WRONG_SEVERITY_OR_SIZE);
            r.nextClaim();
            r.setVerdict(Verdict.INCORRECT);
            r.setSupport(EvidenceSupport.CONTRADICTS);
            r.setErrorType(ErrorType.FALSE_FINDING);
            r.setNote("mostly bowel gas");
            r.setAcceptability(dev.attest.annotation.model.Acceptability.ACCEPTABLE_WITH_EDITS);
            r.addMissedFinding("small left renal cyst", w.crosshairProperty().get().point());
            // Label editing on, liver chosen, one brush stroke and a box.
            w.actions().get("tool.edit-labels").selectedProperty().set(true);
            var editor = w.editing().editor();
            editor.setSettings(editor.settings().withLabel(4).withRadius(8));
            var c = w.crosshairProperty().get().point();
            var normal = new dev.attest.core.geometry.Vec3(0, 0, 1);
            editor.press(c, normal);
            for (int i = 1; i <= 10; i++) {
                editor.drag(c.add(new dev.attest.core.geometry.Vec3(2.5 * i, 0, 0)));
            }
            editor.release(c.add(new dev.attest.core.geometry.Vec3(25, 0, 0)));
            editor.setSettings(editor.settings().withTool(dev.attest.app.edit.EditTool.BOX));
            editor.press(c.add(new dev.attest.core.geometry.Vec3(-40, -30, 0)), normal);
            editor.release(c.add(new dev.attest.core.geometry.Vec3(-10, -5, 0)));
            w.editing().undo();
            w.editing().redo();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return ScreenshotSteps.fx(c);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        ScreenshotSteps.waitFor(condition, 180_000);
    }
}
