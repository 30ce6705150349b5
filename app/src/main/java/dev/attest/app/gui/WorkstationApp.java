package dev.attest.app.gui;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.render.WindowLevel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workstation window (first cut): axial, coronal and sagittal MPR views linked by one
 * crosshair, window/level presets, a status bar with the value and patient coordinates under the
 * cursor, and a side panel reserved for claims and scoring. Loading runs in the background.
 */
public final class WorkstationApp extends Application {
    static Path startInput;
    static Path startLabels;
    static Path screenshot;

    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(Vec3.ZERO));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(WindowLevel.CT_ABDOMEN);
    private final Label status = new Label("No image open");
    private final Label series = new Label("");
    /** Safety cues (tilt, gaps, lossy compression, split series) shown to the reader, never hidden. */
    private final Label warnings = new Label("");
    private final ProgressBar progress = new ProgressBar();
    private List<SliceView> views;

    @Override
    public void start(Stage stage) {
        views = List.of(new SliceView(StandardView.AXIAL, crosshair, windowLevel),
                new SliceView(StandardView.CORONAL, crosshair, windowLevel),
                new SliceView(StandardView.SAGITTAL, crosshair, windowLevel));
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setStyle("-fx-background-color: #202020;");
        grid.add(views.get(0), 0, 0);
        grid.add(views.get(1), 1, 0);
        grid.add(views.get(2), 0, 1);
        Label threeD = new Label("3D view: coming with the 3D renderer");
        threeD.setStyle("-fx-text-fill: #888;");
        StackPane placeholder = new StackPane(threeD);
        placeholder.setStyle("-fx-background-color: black;");
        grid.add(placeholder, 1, 1);
        for (var node : List.of(views.get(0), views.get(1), views.get(2), placeholder)) {
            GridPane.setHgrow(node, Priority.ALWAYS);
            GridPane.setVgrow(node, Priority.ALWAYS);
            if (node instanceof javafx.scene.layout.Region r) {
                r.setPrefSize(420, 360);
            }
        }
        for (SliceView v : views) {
            v.setOnCursor(r -> status.setText(Double.isNaN(r.value()) ? String.format("LPS (%.1f, %.1f, %.1f) mm",
                    r.lps().x(), r.lps().y(), r.lps().z()) : String.format("%.0f  at LPS (%.1f, %.1f, %.1f) mm, voxel (%d, %d, %d)",
                    r.value(), r.lps().x(), r.lps().y(), r.lps().z(), r.voxel()[0], r.voxel()[1], r.voxel()[2])));
        }
        warnings.setWrapText(true);
        warnings.setStyle("-fx-text-fill: #b35900;");
        series.setWrapText(true);
        VBox side = new VBox(8, new Label("Series"), series, warnings, new Label("Claims and scoring"),
                new Label("(coming with the review issue)"));
        side.setPadding(new Insets(8));
        side.setPrefWidth(260);
        progress.setVisible(false);
        HBox statusBar = new HBox(12, status, progress);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        BorderPane root = new BorderPane(grid, menus(stage), side, statusBar, null);
        Scene scene = new Scene(root, 1180, 820);
        stage.setTitle("Attest");
        stage.setScene(scene);
        stage.show();
        if (startInput != null) {
            open(startInput, stage);
        }
    }

    private MenuBar menus(Stage stage) {
        MenuItem open = new MenuItem("Open folder...");
        open.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(stage);
            if (dir != null) {
                open(dir.toPath(), stage);
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, open, quit);
        Menu window = new Menu("Window/level");
        for (Map.Entry<String, WindowLevel> preset : List.of(Map.entry("CT lung", WindowLevel.CT_LUNG),
                Map.entry("CT mediastinum", WindowLevel.CT_MEDIASTINUM), Map.entry("CT abdomen", WindowLevel.CT_ABDOMEN),
                Map.entry("CT liver", WindowLevel.CT_LIVER), Map.entry("CT bone", WindowLevel.CT_BONE),
                Map.entry("CT brain", WindowLevel.CT_BRAIN))) {
            MenuItem item = new MenuItem(preset.getKey());
            item.setOnAction(e -> windowLevel.set(preset.getValue()));
            window.getItems().add(item);
        }
        return new MenuBar(file, window);
    }

    private void open(Path input, Stage stage) {
        progress.setVisible(true);
        status.setText("Loading " + input + " ...");
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws IOException {
                String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase();
                if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
                    return new Loaded(NiftiReader.read(input).volume(), List.of(), null);
                }
                SeriesSelector.Opened opened = SeriesSelector.open(input, null, 1);
                List<String> warnings = new java.util.ArrayList<>();
                opened.selection().series().warnings().forEach(w -> warnings.add(w.message()));
                opened.selection().stack().warnings().forEach(w -> warnings.add(w.message()));
                return new Loaded(opened.volume(), warnings, initialWindow(opened));
            }
        };
        task.setOnSucceeded(e -> {
            Loaded loaded = task.getValue();
            Volume v = loaded.volume();
            if (loaded.window() != null) {
                windowLevel.set(loaded.window());
            }
            var g = v.grid();
            crosshair.set(new Crosshair(g.indexToLps().apply((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, (g.sizeZ() - 1) / 2.0)));
            views.forEach(view -> view.setVolume(v));
            series.setText(v.name() + "\n" + g.sizeX() + " x " + g.sizeY() + " x " + g.sizeZ() + ", " + g.orientationCode()
                    + String.format("%nspacing %.2f x %.2f x %.2f mm", g.spacing().x(), g.spacing().y(), g.spacing().z()));
            warnings.setText(String.join("\n", loaded.warnings().stream().map(w -> "\u26A0 " + w).toList()));
            if (startLabels != null) {
                loadLabels(startLabels);
            }
            progress.setVisible(false);
            status.setText("Loaded " + input);
            stage.setTitle("Attest - " + v.name());
            if (screenshot != null) {
                Platform.runLater(() -> Platform.runLater(() -> saveScreenshot(stage)));
            }
        });
        task.setOnFailed(e -> {
            progress.setVisible(false);
            status.setText("Could not open " + input + ": " + task.getException().getMessage());
        });
        Thread t = new Thread(task, "attest-open");
        t.setDaemon(true);
        t.start();
    }

    private void loadLabels(Path path) {
        try {
            Volume labels = NiftiReader.read(path).volume();
            LabelOverlay overlay = new LabelOverlay(new LabelTable(), 0.45, LabelOverlay.Mode.FILL);
            views.forEach(view -> view.setLabels(labels, overlay));
            series.setText(series.getText() + "\nlabels: " + path.getFileName());
        } catch (IOException e) {
            status.setText("Could not open labels " + path + ": " + e.getMessage());
        }
    }

    /** A loaded volume with the warnings the reader must see and the window to start with. */
    private record Loaded(Volume volume, List<String> warnings, WindowLevel window) {
    }

    /**
     * The first window: the file's own Window Center/Width when it has one, else for MR the 1st to
     * 99th percentile of the middle slice, else the CT abdomen preset.
     */
    private static WindowLevel initialWindow(SeriesSelector.Opened opened) {
        var head = opened.selection().stack().frames().get(opened.selection().stack().frames().size() / 2).file().dataset();
        double[] centres = head.getDoubles(dev.attest.dicom.Tag.WindowCenter);
        double[] widths = head.getDoubles(dev.attest.dicom.Tag.WindowWidth);
        if (centres != null && widths != null && centres.length > 0 && widths.length > 0 && widths[0] >= 1) {
            return WindowLevel.fromDicom(centres, widths);
        }
        if ("MR".equals(opened.selection().series().modality())) {
            Volume v = opened.volume();
            int z = v.grid().sizeZ() / 2;
            float[] values = new float[v.grid().sizeX() * v.grid().sizeY()];
            for (int y = 0, i = 0; y < v.grid().sizeY(); y++) {
                for (int x = 0; x < v.grid().sizeX(); x++) {
                    values[i++] = (float) v.getPhysical(x, y, z);
                }
            }
            return WindowLevel.fromPercentiles(values);
        }
        return WindowLevel.CT_ABDOMEN;
    }

    /** Writes the window's scene as PNG and quits: lets people and scripts check what is shown. */
    private void saveScreenshot(Stage stage) {
        WritableImage shot = stage.getScene().snapshot(null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            shot.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        try {
            ImageIO.write(out, "png", screenshot.toFile());
        } catch (IOException e) {
            System.err.println("attest: could not write " + screenshot + ": " + e.getMessage());
        }
        Platform.exit();
    }
}
