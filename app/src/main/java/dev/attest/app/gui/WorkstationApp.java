package dev.attest.app.gui;

import dev.attest.viewer.fx.PngWriter;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application: shows the {@link MainWindow}, opens what the command line named, and
 * (for scripts and docs) saves a screenshot once everything asked for is on screen.
 */
public final class WorkstationApp extends Application {
    static Path startInput;
    static Path startLabels;
    static Path screenshot;
    /** A registry model to run on the image once it (and its labels) are shown; null for none. */
    static String startModel;
    /** The class whose probability the start model's run keeps as a heat map; null for the runner's default. */
    static Integer startEvidenceClass;
    /** What the 3D quadrant shows at start: "volume" (default) or "surfaces" of the label map. */
    static String start3d = "volume";
    /** The layout at start: "2x2" (default), "axial", "coronal", "sagittal" or "3d". */
    static String startLayout = "2x2";
    /** The longest a screenshot waits for the 3D view's final frame once the image is loaded. */
    static final long SETTLE_TIMEOUT_MS = 60_000;

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage);
        window.show();
        window.viewports().layoutProperty().set(switch (startLayout) {
            case "axial" -> ViewportGrid.Layout.AXIAL;
            case "coronal" -> ViewportGrid.Layout.CORONAL;
            case "sagittal" -> ViewportGrid.Layout.SAGITTAL;
            case "3d" -> ViewportGrid.Layout.VOLUME_3D;
            default -> ViewportGrid.Layout.GRID_2X2;
        });
        if (startInput != null) {
            window.open(List.of(startInput));
        }
        if (startLabels != null || screenshot != null || startModel != null || "surfaces".equals(start3d)) {
            afterLoading(window);
        }
    }

    /** Waits for the image (and then the labels) to be on screen, then takes the screenshot. */
    private static void afterLoading(MainWindow window) {
        boolean[] labelsRequested = {startLabels == null};
        boolean[] surfacesRequested = {!"surfaces".equals(start3d)};
        boolean[] modelRequested = {startModel == null};
        long[] settleUntil = {0};
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (window.busyProperty().get() || (startInput != null && window.imageProperty().get() == null)) {
                return;
            }
            if (!labelsRequested[0]) {
                labelsRequested[0] = true;
                window.openLabels(startLabels);
                return;
            }
            if (!modelRequested[0]) {
                modelRequested[0] = true;
                window.runModel(startModel, startEvidenceClass == null ? null : List.of(startEvidenceClass));
                return;
            }
            if (!surfacesRequested[0]) {
                surfacesRequested[0] = true;
                window.threeD().selectSurfaces(true);
                return;
            }
            if ("surfaces".equals(start3d) && !window.threeD().surfacesReady()) {
                return;
            }
            // Wait for the 3D view's full-resolution frame of the latest state (preparing a large
            // volume and rendering it can take seconds on a busy machine), but not for ever.
            if (settleUntil[0] == 0) {
                settleUntil[0] = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
            }
            boolean settled = window.threeD().volumeSettled();
            if (!settled && System.currentTimeMillis() < settleUntil[0]) {
                return;
            }
            if (!settled) {
                System.err.println("attest: the 3D view did not settle within " + SETTLE_TIMEOUT_MS / 1000
                        + " s; taking the screenshot anyway");
            }
            poll.stop();
            if (screenshot != null) {
                Platform.runLater(() -> Platform.runLater(() -> save(window, screenshot)));
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** Writes the window's scene as PNG and quits: lets people and scripts check what is shown. */
    private static void save(MainWindow window, Path file) {
        try {
            PngWriter.write(window.stage().getScene().snapshot(null), file);
        } catch (IOException e) {
            System.err.println("attest: could not write " + file + ": " + e.getMessage());
        }
        window.quit();
    }
}
