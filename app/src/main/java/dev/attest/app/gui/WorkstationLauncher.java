package dev.attest.app.gui;

import javafx.application.Application;

import java.nio.file.Path;

/**
 * Starts the JavaFX workstation. Kept separate from the Application subclass because JavaFX on
 * the class path refuses a main class that extends Application.
 */
public final class WorkstationLauncher {
    private WorkstationLauncher() {
    }

    /** Opens the workstation on a DICOM folder/zip/file or NIfTI; blocks until the window closes. */
    public static void launch(Path input, Path screenshot) {
        launch(input, null, screenshot);
    }

    /** As {@link #launch(Path, Path)}, with a label map (NIfTI or DICOM SEG), a start layout and 3D mode. */
    public static void launch(Path input, Path labels, Path screenshot, String layout, String threeD) {
        launch(input, labels, screenshot, layout, threeD, null);
    }

    /** As above, then runs a registry model (id) on the image and overlays its output. */
    public static void launch(Path input, Path labels, Path screenshot, String layout, String threeD, String model) {
        launch(input, labels, screenshot, layout, threeD, model, null);
    }

    /** As above, keeping the probability of {@code evidenceClass} as a heat map (null: the runner's default). */
    public static void launch(Path input, Path labels, Path screenshot, String layout, String threeD, String model,
                              Integer evidenceClass) {
        WorkstationApp.startModel = model;
        WorkstationApp.startEvidenceClass = evidenceClass;
        WorkstationApp.startLayout = layout;
        WorkstationApp.start3d = threeD;
        launch(input, labels, screenshot);
    }

    /** As {@link #launch(Path, Path)}, with a NIfTI label map or DICOM SEG shown over the image. */
    public static void launch(Path input, Path labels, Path screenshot) {
        WorkstationApp.startInput = input;
        WorkstationApp.startLabels = labels;
        WorkstationApp.screenshot = screenshot;
        Application.launch(WorkstationApp.class);
    }
}
