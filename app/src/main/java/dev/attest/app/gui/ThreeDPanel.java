package dev.attest.app.gui;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.fx.SurfaceView3D;
import dev.attest.viewer.fx.VolumeView3D;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.surface.LabelSurfaces;
import dev.attest.viewer.surface.SurfaceMesh;
import dev.attest.viewer.surface.SurfaceOptions;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.OrbitCentre;
import dev.attest.viewer.volume3d.RenderMode;
import dev.attest.viewer.volume3d.TransferPreset;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * The 3D quadrant: CPU volume rendering of the image (MIP, MinIP, composite with CT/MR presets)
 * or the label map's surfaces (marching cubes, smoothed and decimated, in JavaFX 3D), chosen
 * in its own small bar. Surfaces are built in the background when first asked for.
 */
final class ThreeDPanel extends BorderPane {
    /** One camera for both views, so switching between them keeps the viewpoint. */
    private final ObjectProperty<OrbitCamera> camera = new SimpleObjectProperty<>(OrbitCamera.ANTERIOR);
    private final VolumeView3D volumeView = new VolumeView3D(camera);
    private final SurfaceView3D surfaceView = new SurfaceView3D(camera);
    private final ToggleButton volumeButton = new ToggleButton("Volume");
    private final ToggleButton surfaceButton = new ToggleButton("Surfaces");
    private final ComboBox<RenderMode> mode = new ComboBox<>();
    private final ComboBox<TransferPreset> preset = new ComboBox<>();
    private final Label status = new Label();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attest-surfaces");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> message;
    private List<LabelLayer> labels = List.of();
    private boolean surfacesBuilt;
    private volatile boolean surfacesShown;
    private Cancellation building;

    ThreeDPanel(Consumer<String> message) {
        this.message = message;
        setId("view-3d");
        setStyle("-fx-background-color: black;");
        mode.getItems().setAll(RenderMode.values());
        mode.valueProperty().bindBidirectional(volumeView.modeProperty());
        mode.setId("render-mode");
        mode.setConverter(new javafx.util.StringConverter<>() {
            public String toString(RenderMode m) {
                return m == null ? "" : m.label();
            }

            public RenderMode fromString(String s) {
                return null;
            }
        });
        preset.getItems().setAll(TransferPreset.values());
        preset.valueProperty().bindBidirectional(volumeView.presetProperty());
        preset.setId("render-preset");
        preset.setConverter(new javafx.util.StringConverter<>() {
            public String toString(TransferPreset p) {
                return p == null ? "" : p.label();
            }

            public TransferPreset fromString(String s) {
                return null;
            }
        });
        preset.disableProperty().bind(mode.valueProperty().isNotEqualTo(RenderMode.COMPOSITE));
        ToggleGroup which = new ToggleGroup();
        volumeButton.setToggleGroup(which);
        surfaceButton.setToggleGroup(which);
        volumeButton.setSelected(true);
        surfaceButton.setId("show-surfaces");
        surfaceButton.setDisable(true);
        which.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always shown
            } else {
                showSurfaces(b == surfaceButton);
            }
        });
        status.setStyle("-fx-text-fill: #bbb;");
        HBox bar = new HBox(6, volumeButton, surfaceButton, mode, preset, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 2, 4));
        bar.setStyle("-fx-background-color: #2a2a2a;");
        setTop(bar);
        StackPane views = new StackPane(volumeView, surfaceView);
        views.setMinSize(0, 0);
        volumeView.setMinSize(0, 0);
        surfaceView.setMinSize(0, 0);
        surfaceView.setVisible(false);
        setCenter(views);
        volumeView.setOnError(e -> message.accept("3D rendering failed: " + e.getMessage()));
    }

    void setVolume(Volume volume, boolean ct) {
        preset.setValue(ct ? TransferPreset.CT_BONE : TransferPreset.MR);
        mode.setValue(ct ? RenderMode.COMPOSITE : RenderMode.MIP);
        volumeView.setVolume(volume);
        // The surfaces turn about the image's centre and fit its bounding sphere, as the ray caster does.
        surfaceView.setOrbitCentre(volume == null ? null : OrbitCentre.of(volume.grid()));
        setLabels(List.of());
    }

    /** The label layers whose surfaces the Surfaces mode shows (built when first shown). */
    void setLabels(List<LabelLayer> layers) {
        labels = List.copyOf(layers);
        surfacesBuilt = false;
        surfacesShown = false;
        if (building != null) {
            building.cancel();
        }
        surfaceButton.setDisable(labels.isEmpty());
        if (labels.isEmpty()) {
            volumeButton.setSelected(true);
        } else if (surfaceButton.isSelected()) {
            buildSurfaces();
        }
    }

    /** Shows or hides one label's surface, following the legend. */
    void setLabelVisible(int label, boolean visible) {
        if (surfaceView.labels().contains(label)) {
            surfaceView.setLabelVisible(label, visible);
        }
    }

    /** Whether the volume rendering, when it is the one shown, has drawn its final full-resolution frame. */
    boolean volumeSettled() {
        return !volumeView.isVisible() || volumeView.isSettled();
    }

    /** Whether the surfaces of the current label map are built and on screen. */
    boolean surfacesReady() {
        return surfacesShown;
    }

    /** Switches to the surfaces (when a label map is open) or back to volume rendering. */
    void selectSurfaces(boolean surfaces) {
        (surfaces && !surfaceButton.isDisable() ? surfaceButton : volumeButton).setSelected(true);
    }

    void showSurfaces(boolean surfaces) {
        volumeView.setVisible(!surfaces);
        surfaceView.setVisible(surfaces);
        mode.setDisable(surfaces);
        if (surfaces && !surfacesBuilt) {
            buildSurfaces();
        }
    }

    private void buildSurfaces() {
        surfacesBuilt = true;
        Cancellation cancel = new Cancellation();
        building = cancel;
        List<LabelLayer> layers = labels;
        status.setText("building surfaces...");
        ProgressListener progress = (done, total, text) -> Platform.runLater(() -> {
            if (building == cancel) {
                status.setText("surfaces " + done + " / " + total);
            }
        });
        builder.execute(() -> {
            try {
                Map<Integer, SurfaceMesh> meshes = new HashMap<>();
                LabelTable table = layers.get(0).table();
                for (LabelLayer layer : layers) {
                    // Labels are meshed in parallel on the common pool; this single builder thread only waits for them.
                    meshes.putAll(LabelSurfaces.build(layer.labels(), SurfaceOptions.standard(), ForkJoinPool.commonPool(),
                            progress, cancel));
                }
                Platform.runLater(() -> {
                    if (building != cancel) {
                        return;
                    }
                    surfaceView.showSurfaces(meshes, table, ForkJoinPool.commonPool()).whenComplete((ok, error) -> Platform.runLater(() -> {
                        for (int label : surfaceView.labels()) {
                            surfaceView.setLabelVisible(label, table.isVisible(label));
                        }
                        status.setText(error == null ? meshes.size() + " surfaces" : "surfaces failed: " + error.getMessage());
                        surfacesShown = error == null;
                    }));
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (building == cancel) {
                        status.setText(cancel.isCancelled() ? "" : "surfaces failed");
                        message.accept("Could not build surfaces: " + e.getMessage());
                    }
                });
            }
        });
    }
}
