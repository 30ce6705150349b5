package dev.attest.app.gui;

import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.probe.ImageProbe;
import dev.attest.app.probe.ProbeReport;
import dev.attest.core.progress.Cancellation;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.probe.ProbeOptions;
import dev.attest.inference.run.InferenceResult;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Models ▸ Robustness probe: runs a segmentation model on the image on screen and on perturbed copies of it, on the
 * window's background task with its progress bar and Cancel, and shows how far labels and evidence move in a
 * window of charts and rows ({@link ProbeResultWindow}). The same probe as {@code attest probe --image}
 * ({@link ImageProbe}); nothing is written until the user saves.
 */
final class RobustnessProbe {
    private RobustnessProbe() {
    }

    /** What to probe: a registry model, the command line's perturbation specs, and the seed of the noise. */
    record Request(String modelId, List<String> specs, long seed) {
        Request {
            specs = List.copyOf(specs);
        }
    }

    /** Asks which model and perturbations, then probes the image on screen and shows the result. */
    static void run(MainWindow w) {
        OpenedImage current = w.imageProperty().get();
        if (current == null || current.isColour()) {
            w.say("Open a grey-scale image to probe a model on it");
            return;
        }
        List<String> models = segmentationModels(w);
        if (models.isEmpty()) {
            w.say("No segmentation model is installed (File > Models... imports one)");
            return;
        }
        ProbeForm form = new ProbeForm(models, defaultModel(w, models), id -> millisPerRun(w, id));
        Dialog<Request> d = new Dialog<>();
        d.initOwner(w.stage());
        d.setTitle("Robustness probe");
        d.setHeaderText("Run a model on " + current.title() + " and on perturbed copies of it, and see how far its labels"
                + " and evidence move (on this computer, " + w.enginePanel().deviceChoice().name().toLowerCase(Locale.ROOT) + ")");
        d.getDialogPane().setContent(form.pane());
        d.getDialogPane().setPrefWidth(640);
        ButtonType start = new ButtonType("Probe", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(start).disableProperty().bind(form.validProperty().not());
        d.setResultConverter(b -> b == start ? form.request().orElse(null) : null);
        d.showAndWait().ifPresent(r -> probe(w, r, ProbeResultWindow::show));
    }

    /** The ids of the registry's usable segmentation models. */
    static List<String> segmentationModels(MainWindow w) {
        return w.models().list().stream().filter(e -> !e.isBroken() && e.manifest().task() == ModelTask.SEGMENTATION)
                .map(e -> e.id()).toList();
    }

    /**
     * The model that made what is on screen: the last run on this image, else the newest run the project recorded
     * for the case on screen, else the first model.
     */
    static String defaultModel(MainWindow w, List<String> models) {
        InferenceResult last = w.lastRun();
        if (last != null && models.contains(last.provenance().modelId())) {
            return last.provenance().modelId();
        }
        ProjectStore store = w.project();
        Long caseId = w.imageCaseId();
        if (store != null && caseId != null) {
            String id = store.modelRuns().stream().filter(r -> r.caseId() == caseId).max(Comparator.comparingLong(ModelRun::id))
                    .map(ModelRun::modelId).orElse(null);
            if (models.contains(id)) {
                return id;
            }
        }
        return models.get(0);
    }

    /** How long the last run of this model on the image took, 0 when it was not run on it. */
    private static long millisPerRun(MainWindow w, String modelId) {
        InferenceResult last = w.lastRun();
        if (last == null || !last.provenance().modelId().equals(modelId)) {
            return 0;
        }
        return last.provenance().timingsMillis().getOrDefault("total", 0L);
    }

    /**
     * Probes the image on screen on the window's background task; on success hands the result window to onResult
     * (which shows it). Cancel stops between or during runs and shows nothing.
     */
    static void probe(MainWindow w, Request request, Consumer<ProbeResultWindow> onResult) {
        OpenedImage current = w.imageProperty().get();
        if (current == null || current.isColour()) {
            w.say("Open a grey-scale image to probe a model on it");
            return;
        }
        ImageProbe.Subject subject = subject(w, current);
        DeviceChoice device = w.enginePanel().deviceChoice();
        Cancellation cancellation = new Cancellation();
        String title = "Robustness probe of " + request.modelId();
        w.run(title, new Task<ProbeReport>() {
            @Override
            protected ProbeReport call() {
                ModelManifest manifest = w.models().entry(request.modelId()).manifest();
                PatchPredictor predictor = w.models().open(request.modelId(), device);
                synchronized (predictor) { // the registry's predictor is shared with Run model
                    return ImageProbe.run(manifest, predictor, current.volume(), subject, request.specs(), request.seed(),
                            ProbeOptions.defaults(), (done, total, what) -> {
                                updateProgress(done, Math.max(total, 1));
                                if (done < total) {
                                    Platform.runLater(() -> w.say(title + ": run " + (done + 1) + " of " + total + " ("
                                            + what + ") ..."));
                                }
                            }, cancellation);
                }
            }
        }, cancellation, report -> {
            ProbeResultWindow window = new ProbeResultWindow(w, report, current.volume());
            w.say(window.summary());
            onResult.accept(window);
        });
    }

    /** The project's case on screen (name, site, scanner), or the image's title when it is no case. */
    private static ImageProbe.Subject subject(MainWindow w, OpenedImage current) {
        ProjectStore store = w.project();
        Long caseId = w.imageCaseId();
        if (store != null && caseId != null) {
            for (ReviewCase c : store.cases()) {
                if (c.id() == caseId) {
                    return new ImageProbe.Subject(caseId, c.studyRef(), c.site(), c.scanner());
                }
            }
        }
        return new ImageProbe.Subject(null, current.title(), null, null);
    }
}
