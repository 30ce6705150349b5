package dev.attest.app.gui;

import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.open.ImageLoader;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.CaseRefs;
import dev.attest.app.review.CaseReopen;
import dev.attest.app.review.ProvenanceFacts;
import dev.attest.app.review.ReviewSession;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.open.StudyScan;
import dev.attest.app.settings.EngineSettings;
import dev.attest.app.settings.RecentInputs;
import dev.attest.app.settings.UserDirs;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.volume.Volume;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.app.open.ModelOverlays;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.registry.RegistryEntry;
import dev.attest.inference.run.InferenceResult;
import dev.attest.inference.run.RunOptions;
import dev.attest.inference.run.SegmentationRun;
import javafx.scene.control.ChoiceDialog;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.mpr.Crosshair;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.overlay.OverlayStack;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.fx.MeasurementLayer;
import dev.attest.viewer.fx.MeasurementTool;
import dev.attest.viewer.measure.MeasurementCalculator;
import dev.attest.viewer.measure.MeasurementExport;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.dicom.seg.SegmentationHeader;
import dev.attest.app.open.HeatMapLoader;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.WindowLevel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The workstation window: study/series browser on the left, the viewports in the middle, the
 * side panel (series, warnings, overlays, measurements; claims and scoring later) on the right,
 * the status bar with the value and patient position under the cursor, progress and cancel.
 * Everything the user can do is an {@link AppAction} in {@link #actions()}, with keys from the
 * user's key map. Loading runs in the background; the FX thread only updates the scene.
 */
public final class MainWindow {
    private final Stage stage;
    private final ActionRegistry actions = new ActionRegistry();
    private final ObjectProperty<OpenedImage> image = new SimpleObjectProperty<>();
    private final ObjectProperty<Crosshair> crosshair = new SimpleObjectProperty<>(new Crosshair(Vec3.ZERO));
    private final ObjectProperty<WindowLevel> windowLevel = new SimpleObjectProperty<>(WindowLevel.CT_ABDOMEN);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Label readout = new Label("No image open");
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final List<SliceView> sliceViews;
    private final ViewportGrid viewports;
    private final StudyBrowser browser;
    private final SeriesPanel seriesPanel = new SeriesPanel();
    private final OverlayStack overlayStack = new OverlayStack();
    private final OverlayPanel overlays = new OverlayPanel(overlayStack);
    private final BooleanProperty inverted = new SimpleBooleanProperty();
    private final ObjectProperty<Interpolation> interpolation = new SimpleObjectProperty<>(Interpolation.LINEAR);
    private SliceView activeView;
    private final ThreeDPanel threeD;
    private final MeasurementPanel measurementPanel = new MeasurementPanel(this::exportMeasurements);
    private MeasurementList measurements = new MeasurementList();
    private MeasurementCalculator calculator;
    private MeasurementLayer measurementLayer;
    private MeasurementKind measuring;
    private final RecentInputs recent = new RecentInputs(UserDirs.config().resolve("recent.txt"));
    private final Menu recentMenu = new Menu("Open recent");
    private final EnginePanel enginePanel = new EnginePanel(EngineSettings.load(), r -> {
        Thread t = new Thread(r, "attest-engine");
        t.setDaemon(true);
        t.start();
    }, message::setText);
    private ModelRegistry models;
    private InferenceResult lastRun;
    private LabelMapLoader.LabelMap lastRunLabels;
    private final BooleanProperty hasClaim = new SimpleBooleanProperty();
    private ClaimsPanel claimsPanel;
    private ProjectStore project;
    private ReviewSession review;
    /** The project case of the image on screen, once it was added (or matched) to the open project. */
    private Long imageCaseId;
    /** The label map on screen and the file it came from (null: not saved yet, e.g. a fresh model run). */
    private LabelMapLoader.LabelMap shownLabels;
    private Path shownLabelsFile;
    private final LabelEditing editing = new LabelEditing(this);
    private final Reporting reporting = new Reporting(this);
    private final ClaimEvidenceOverlays claimOverlays = new ClaimEvidenceOverlays(this);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attest-open");
        t.setDaemon(true);
        return t;
    });
    private Cancellation running;
    private StudyBrowser.Row shown;
    private WindowLevel initialWindow = WindowLevel.CT_ABDOMEN;

    public MainWindow(Stage stage) {
        this.stage = stage;
        sliceViews = List.of(new SliceView(StandardView.AXIAL, crosshair, windowLevel, inverted),
                new SliceView(StandardView.CORONAL, crosshair, windowLevel, inverted),
                new SliceView(StandardView.SAGITTAL, crosshair, windowLevel, inverted));
        activeView = sliceViews.get(0);
        for (SliceView v : sliceViews) {
            v.setId("view-" + v.view().name().toLowerCase());
            v.setOverlays(overlayStack);
            v.interpolationProperty().bind(interpolation);
            // The view under the mouse is the one that view actions (reset, zoom, save, cine) act on.
            v.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> activeView = v);
            v.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> activeView = v);
        }
        threeD = new ThreeDPanel(message::setText);
        viewports = new ViewportGrid(List.of(sliceViews.get(0), sliceViews.get(1), sliceViews.get(2), threeD));
        overlays.setOnLabelToggled(threeD::setLabelVisible);
        browser = new StudyBrowser(this::openRow);
        sliceViews.forEach(v -> v.setOnCursor(this::showReadout));
        WorkstationActions.declare(this, actions);
        claimsPanel = new ClaimsPanel(actions, hasClaim, this::showEvidence, () -> image.get() == null ? null : crosshair.get().point());
    }

    public ActionRegistry actions() {
        return actions;
    }

    public ObjectProperty<OpenedImage> imageProperty() {
        return image;
    }

    public ObjectProperty<Crosshair> crosshairProperty() {
        return crosshair;
    }

    public ObjectProperty<WindowLevel> windowLevelProperty() {
        return windowLevel;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    ViewportGrid viewports() {
        return viewports;
    }

    List<SliceView> sliceViews() {
        return sliceViews;
    }

    OverlayPanel overlays() {
        return overlays;
    }

    OverlayStack overlayStack() {
        return overlayStack;
    }

    BooleanProperty invertedProperty() {
        return inverted;
    }

    ObjectProperty<Interpolation> interpolationProperty() {
        return interpolation;
    }

    /** The view the mouse was last in (axial at first): view actions act on it. */
    SliceView activeView() {
        return viewports.layoutProperty().get() == ViewportGrid.Layout.GRID_2X2 || !(viewports.primary() instanceof SliceView s)
                ? activeView : s;
    }

    Stage stage() {
        return stage;
    }

    /** Builds the scene, loads the user's key map and shows the window. */
    public Scene show() {
        String keyProblem = null;
        try {
            keyProblem = actions.keyMap().load(keyMapFile());
        } catch (IOException e) {
            keyProblem = "could not read the key map: " + e.getMessage();
        }
        SplitPane split = new SplitPane(browserPane(), viewports, sidePanel());
        split.setDividerPositions(0.17, 0.80);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        SplitPane.setResizableWithParent(split.getItems().get(2), false);
        VBox top = new VBox(menuBar(), toolBar());
        BorderPane root = new BorderPane(split, top, null, statusBar(), null);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(880, screen.getHeight()));
        installDragAndDrop(scene);
        installKeys(scene);
        stage.setTitle("Attest");
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            background.shutdownNow();
            reporting.close();
            closeProject();
            if (models != null) {
                models.close();
            }
        });
        stage.show();
        if (keyProblem != null) {
            message.setText(keyProblem);
        }
        return scene;
    }

    static Path keyMapFile() {
        return UserDirs.config().resolve("keymap.json");
    }

    private Node browserPane() {
        Label title = new Label("Studies");
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(4, title, browser);
        VBox.setVgrow(browser, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(180);
        return box;
    }

    /**
     * The claims panel stays folded until a project is open, so reading without a project keeps the
     * room for the overlay legend; opening a project unfolds it.
     */
    private final javafx.scene.control.TitledPane claimsPane = new javafx.scene.control.TitledPane();
    private final javafx.scene.control.Tab scoringTab = new javafx.scene.control.Tab("Scoring");
    private final javafx.scene.control.Tab reportTab = new javafx.scene.control.Tab("Report");
    /** Whether the claims panel was open when label editing folded it away. */
    private boolean claimsWereOpen;

    private Node sidePanel() {
        claimsPane.setText("Claims and scoring");
        // Scoring and the report share the pane: choosing a sentence in the report makes it the claim the
        // scoring keys act on, so both need the same room and never both at once.
        scoringTab.setContent(claimsPanel);
        reportTab.setContent(reporting.panel());
        javafx.scene.control.TabPane reviewTabs = new javafx.scene.control.TabPane(scoringTab, reportTab);
        reviewTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        reviewTabs.setId("review-tabs");
        claimsPane.setContent(reviewTabs);
        claimsPane.setExpanded(false);
        claimsPane.setId("claims-pane");
        // The label editor heads the scrolling sections, so its tool row stays reachable in a short window.
        VBox top = new VBox(10, editing.pane(), seriesPanel, new Separator(), overlays, new Separator(), measurementPanel,
                new Separator(), enginePanel);
        VBox.setVgrow(overlays, Priority.ALWAYS);
        // The reading sections scroll; the claims panel below them keeps its full height while a project is open.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(top);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        claimsPane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox side = new VBox(8, scroll, claimsPane);
        side.setPadding(new Insets(8));
        side.setMinWidth(240);
        side.setPrefWidth(290);
        return side;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File", null, item("file.open-folder"), item("file.open-files"), recentMenu,
                new SeparatorMenuItem(), item("file.open-labels"), item("file.open-heatmap"), new SeparatorMenuItem(),
                item("file.save-view"), item("file.save-view-hires"), item("file.copy-view"), item("file.export-measurements"),
                new SeparatorMenuItem(), item("project.new"), item("project.open"), item("project.export"), item("project.import"), new SeparatorMenuItem(),
                item("file.keymap"), new SeparatorMenuItem(), item("file.quit"));
        rebuildRecentMenu();
        Menu view = new Menu("View", null, item("view.layout-2x2"), item("view.layout-axial"), item("view.layout-coronal"),
                item("view.layout-sagittal"), item("view.layout-3d"), new SeparatorMenuItem(), item("view.reset"),
                item("view.zoom-in"), item("view.zoom-out"), item("view.invert"), item("view.nearest"), item("view.cine"));
        Menu tools = new Menu("Tools");
        for (AppAction a : actions.all()) {
            if (a.id().startsWith("tool.")) {
                tools.getItems().add(a.menuItem());
            }
        }
        Menu window = new Menu("Window/level");
        for (AppAction a : actions.all()) {
            if (a.id().startsWith("window.")) {
                window.getItems().add(a.menuItem());
            }
        }
        Menu overlayMenu = new Menu("Overlays", null, item("overlay.labels"), item("overlay.outline"));
        Menu modelMenu = new Menu("Models", null, item("model.run"), item("model.probe"), item("project.add-case"),
                item("file.models"));
        Menu reportMenu = new Menu("Report", null, item("report.generate"), item("report.ground"), item("report.ground-model"),
                item("report.server"),
                new SeparatorMenuItem(), item("report.pdf-case"), item("report.pdf-summary"));
        Menu reviewMenu = new Menu("Review");
        for (AppAction a : actions.all()) {
            if (a.id().startsWith("review.")) {
                reviewMenu.getItems().add(a.menuItem());
            }
        }
        MenuBar bar = new MenuBar(file, view, tools, window, overlayMenu, modelMenu, reportMenu, reviewMenu);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem item(String id) {
        return actions.get(id).menuItem();
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar(actions.get("file.open-folder").button("Open"), actions.get("model.run").button("Run model"),
                new Separator(Orientation.VERTICAL),
                actions.get("view.layout-2x2").button("2\u00D72"), actions.get("view.layout-axial").button("Ax"),
                actions.get("view.layout-coronal").button("Cor"), actions.get("view.layout-sagittal").button("Sag"),
                actions.get("view.layout-3d").button("3D"), new Separator(Orientation.VERTICAL));
        for (AppAction a : actions.all()) {
            if (a.id().startsWith("tool.")) {
                bar.getItems().add(a.button(a.text()));
            }
        }
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), actions.get("view.reset").button("Reset"),
                actions.get("view.invert").button("Invert"), actions.get("view.cine").button("Cine"),
                new Separator(Orientation.VERTICAL));
        for (AppAction a : actions.all()) {
            if (a.id().startsWith("window.")) {
                bar.getItems().add(a.button(a.text().replace("CT ", "")));
            }
        }
        bar.setId("tool-bar");
        return bar;
    }

    private Node statusBar() {
        progress.setVisible(false);
        progress.setPrefWidth(160);
        cancel.setId("cancel");
        cancel.visibleProperty().bind(busy);
        cancel.setOnAction(e -> cancelRunning());
        readout.setId("readout");
        message.setId("message");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, readout, gap, message, progress, cancel);
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    /**
     * Keys reach the actions before any control: otherwise a focused tree or table would take F2
     * or the arrows for itself. Text fields keep their typing keys.
     */
    private void installKeys(Scene scene) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl && !e.isShortcutDown()) {
                return;
            }
            for (AppAction a : actions.all()) {
                var key = a.acceleratorProperty().get();
                if (key != null && key.match(e)) {
                    e.consume();
                    a.fire();
                    return;
                }
            }
        });
    }

    private void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean ok = board.hasFiles();
            if (ok) {
                openDropped(board.getFiles());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * What a drop does: with an image open, one NIfTI named like a label map ("seg", "label",
     * "mask") or one DICOM SEG goes over the image, one NIfTI named like a map of evidence
     * ("prob", "heat", "saliency") opens as a heat map; anything else opens as images.
     */
    void openDropped(List<File> files) {
        List<Path> paths = files.stream().map(File::toPath).toList();
        if (image.get() != null && paths.size() == 1) {
            Path p = paths.get(0);
            String n = p.getFileName().toString().toLowerCase();
            if (StudyScan.isNifti(p) && (n.contains("seg") || n.contains("label") || n.contains("mask"))
                    || !StudyScan.isNifti(p) && isSegmentation(p)) {
                openLabels(p);
                return;
            }
            if (StudyScan.isNifti(p) && (n.contains("prob") || n.contains("heat") || n.contains("salien"))) {
                openHeatMap(p);
                return;
            }
        }
        open(paths);
    }

    private static boolean isSegmentation(Path p) {
        try {
            return java.nio.file.Files.isRegularFile(p)
                    && SegmentationHeader.isSegmentation(dev.attest.dicom.io.DicomReader.read(p));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a DICOM folder");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            open(List.of(dir.toPath()));
        }
    }

    void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open DICOM files, a zip, a DICOMDIR or NIfTI");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("NIfTI", "*.nii", "*.nii.gz"),
                new FileChooser.ExtensionFilter("Zip", "*.zip"), new FileChooser.ExtensionFilter("DICOM", "*.dcm", "DICOMDIR"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    void chooseLabels() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a label map or DICOM SEG over the image");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("NIfTI label map or DICOM SEG", "*.nii", "*.nii.gz", "*.dcm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openLabels(f.toPath());
        }
    }

    /** Scans the inputs in the background, lists them in the browser and opens the largest volume. */
    public void open(List<Path> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        String what = inputs.size() == 1 ? inputs.get(0).toString() : inputs.size() + " items";
        Cancellation cancellation = new Cancellation();
        run("Reading " + what, new Task<StudyScan>() {
            @Override
            protected StudyScan call() {
                return StudyScan.scan(inputs, (done, total, text) -> {
                    updateProgress(done, Math.max(total, 1));
                    updateMessage(text);
                }, cancellation);
            }
        }, cancellation, scan -> {
            StudyBrowser.Row first = browser.show(scan);
            seriesPanel.showProblems(scan.problems());
            for (Path p : inputs) {
                try {
                    recent.add(p);
                } catch (IOException e) {
                    message.setText("could not save the recent list: " + e.getMessage());
                }
            }
            rebuildRecentMenu();
            if (first == null) {
                message.setText("Nothing viewable in " + what + (scan.problems().isEmpty() ? ""
                        : " (" + scan.problems().size() + " unreadable files, listed in the side panel)"));
            } else {
                openRow(first);
            }
        });
    }

    private void openRow(StudyBrowser.Row row) {
        if (row instanceof StudyBrowser.SegRow seg) {
            openLabels(seg.file());
            return;
        }
        Cancellation cancellation = new Cancellation();
        run("Loading " + row.text().lines().findFirst().orElse(""), new Task<OpenedImage>() {
            @Override
            protected OpenedImage call() throws IOException {
                if (row instanceof StudyBrowser.NiftiRow n) {
                    return ImageLoader.loadNifti(n.file());
                }
                StudyBrowser.SeriesRow s = (StudyBrowser.SeriesRow) row;
                return ImageLoader.load(s.series(), s.stack(), (done, total, text) -> updateProgress(done, Math.max(total, 1)),
                        cancellation);
            }
        }, cancellation, opened -> {
            shown = row;
            browser.select(row);
            show(opened);
        });
    }

    /** Puts an opened image on screen: views, crosshair at its centre, its first window, its warnings. */
    public void show(OpenedImage opened) {
        Volume v = opened.volume();
        var g = v.grid();
        initialWindow = opened.window();
        windowLevel.set(opened.window());
        crosshair.set(new Crosshair(g.indexToLps().apply((g.sizeX() - 1) / 2.0, (g.sizeY() - 1) / 2.0, (g.sizeZ() - 1) / 2.0)));
        overlays.clear();
        claimOverlays.reset();
        threeD.setVolume(opened.isColour() ? null : v, "CT".equals(opened.modality()));
        attachMeasurements(v);
        sliceViews.forEach(view -> {
            if (opened.isColour()) {
                view.setColourVolume(opened.colour());
            } else {
                view.setVolume(v);
            }
        });
        lastRun = null;
        lastRunLabels = null;
        imageCaseId = null;
        editing.reset();
        shownLabels = null;
        shownLabelsFile = null;
        image.set(opened);
        readout.setText("");
        seriesPanel.show(opened);
        stage.setTitle("Attest - " + opened.title());
        message.setText("Opened " + opened.title());
    }

    /** Opens a NIfTI label map or a DICOM SEG over the current image (any grid in the same patient space). */
    public void openLabels(Path file) {
        OpenedImage current = image.get();
        if (current == null) {
            message.setText("Open an image before its label map");
            return;
        }
        Cancellation cancellation = new Cancellation();
        run("Reading labels " + file.getFileName(), new Task<LabelMapLoader.LabelMap>() {
            @Override
            protected LabelMapLoader.LabelMap call() throws IOException {
                return LabelMapLoader.load(file, current);
            }
        }, cancellation, labels -> {
            showLabels(labels, file);
            message.setText("Labels: " + labels.name() + (labels.notice().isEmpty() ? "" : " \u2014 " + labels.notice()));
        });
    }

    /** A label map in the 2D overlays and, as surfaces, in the 3D view: the one way labels are shown. */
    private void showLabels(LabelMapLoader.LabelMap labels, Path file) {
        if (!editing.isEditing(labels)) {
            editing.reset();
            shownLabels = labels;
            shownLabelsFile = file;
        }
        overlays.showLabels(labels);
        refreshLabels3d();
    }

    void chooseHeatMap() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a heat map (probability, saliency) over the image");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("NIfTI", "*.nii", "*.nii.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openHeatMap(f.toPath());
        }
    }

    /** Opens a continuous map (NIfTI) over the current image, drawn with a colour map and a colour bar. */
    public void openHeatMap(Path file) {
        if (image.get() == null) {
            message.setText("Open an image before its heat map");
            return;
        }
        Cancellation cancellation = new Cancellation();
        run("Reading heat map " + file.getFileName(), new Task<HeatMapLoader.HeatMap>() {
            @Override
            protected HeatMapLoader.HeatMap call() throws IOException {
                return HeatMapLoader.load(file);
            }
        }, cancellation, heat -> {
            overlays.showHeatMap(heat);
            claimOverlays.heatMapReplaced();
            message.setText("Heat map: " + heat.name());
        });
    }

    /** Saves the active view as PNG with its overlays; factor 1 = as on screen, 4 = poster resolution. */
    void saveView(int factor) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(factor == 1 ? "Save view as PNG" : "Save view as PNG (" + factor + "\u00D7 resolution)");
        chooser.setInitialFileName("attest-" + activeView().view().name().toLowerCase() + (factor > 1 ? "-" + factor + "x" : "") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            saveView(f.toPath(), factor);
        }
    }

    void saveView(Path file, int factor) {
        try {
            activeView().writePng(file, factor);
            message.setText("Saved " + file);
        } catch (IOException | RuntimeException e) {
            message.setText("could not save " + file + ": " + e.getMessage());
        }
    }

    /** New image, new measurements: they belong to the image they were drawn on. */
    private void attachMeasurements(Volume v) {
        if (measurementLayer != null) {
            for (SliceView view : sliceViews) {
                measurementLayer.detachFrom(view);
            }
        }
        measurements = new MeasurementList();
        calculator = new MeasurementCalculator(v, Interpolation.LINEAR);
        measurementLayer = new MeasurementLayer(measurements, calculator);
        sliceViews.forEach(measurementLayer::attachTo);
        measurementPanel.show(measurements, calculator);
        if (measuring != null) {
            useMeasurementTool(measuring);
        }
    }

    /** Makes every view draw this kind of measurement (null: back to the view tools). */
    void useMeasurementTool(MeasurementKind kind) {
        measuring = kind;
        if (kind != null && measurementLayer != null) {
            sliceViews.forEach(v -> v.setTool(new MeasurementTool(kind, measurementLayer, v)));
        }
    }

    MeasurementList measurements() {
        return measurements;
    }

    void exportMeasurements() {
        if (measurements.size() == 0) {
            message.setText("No measurements to export");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export measurements as CSV");
        chooser.setInitialFileName("measurements.csv");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            exportMeasurements(f.toPath());
        }
    }

    void exportMeasurements(Path file) {
        try {
            MeasurementExport.write(measurements.all(), calculator, file);
            message.setText("Exported " + measurements.size() + " measurement(s) to " + file);
        } catch (IOException e) {
            message.setText("could not write " + file + ": " + e.getMessage());
        }
    }

    ThreeDPanel threeD() {
        return threeD;
    }

    void copyView() {
        activeView().copyToClipboard(1);
        message.setText("View copied to the clipboard");
    }

    void resetWindow() {
        windowLevel.set(initialWindow);
    }

    /** Runs background work with progress and cancel in the status bar; one job at a time. */
    <T> void run(String title, Task<T> task, Cancellation cancellation, java.util.function.Consumer<T> onDone) {
        cancelRunning();
        running = cancellation;
        busy.set(true);
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        message.setText(title + " ...");
        task.setOnSucceeded(e -> {
            finish(cancellation);
            try {
                onDone.accept(task.getValue());
            } catch (RuntimeException ex) {
                message.setText(title + " failed: " + ex.getMessage());
            }
        });
        task.setOnFailed(e -> {
            finish(cancellation);
            Throwable t = task.getException();
            message.setText(t instanceof CancelledException || cancellation.isCancelled() ? title + ": cancelled"
                    : title + " failed: " + t.getMessage());
        });
        task.setOnCancelled(e -> {
            finish(cancellation);
            message.setText(title + ": cancelled");
        });
        background.submit(task);
    }

    private void finish(Cancellation cancellation) {
        if (running == cancellation) {
            running = null;
            busy.set(false);
            progress.progressProperty().unbind();
            progress.setVisible(false);
        }
    }

    void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : recent.entries()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(List.of(p)));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setOnAction(e -> {
                try {
                    recent.clear();
                } catch (IOException ex) {
                    message.setText("could not save the recent list: " + ex.getMessage());
                }
                rebuildRecentMenu();
            });
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    RecentInputs recent() {
        return recent;
    }

    private void showReadout(SliceNavigator.CursorReadout r) {
        String where = String.format("LPS (%.1f, %.1f, %.1f) mm", r.lps().x(), r.lps().y(), r.lps().z());
        if (r.voxel() == null || Double.isNaN(r.value())) {
            readout.setText(where);
            return;
        }
        int[] v = r.voxel();
        OpenedImage opened = image.get();
        // The views carry a colour image's red channel for geometry: read all three (and the palette index) here.
        String value = opened != null && opened.isColour() ? opened.colour().readout(v[0], v[1], v[2])
                : String.format("%s %.0f", "CT".equals(opened == null ? "" : opened.modality()) ? "HU" : "value", r.value());
        readout.setText(String.format("%s   %s   voxel (%d, %d, %d)", value, where, v[0], v[1], v[2]));
    }

    /** Whether an image is on screen: most actions are enabled only then. */
    javafx.beans.binding.BooleanBinding hasImage() {
        return Bindings.isNotNull(image);
    }

    void showKeyMapEditor() {
        new KeyMapDialog(actions).showAndWait();
        try {
            actions.keyMap().save(keyMapFile());
            message.setText("Key map saved to " + keyMapFile());
        } catch (IOException e) {
            message.setText("could not save the key map: " + e.getMessage());
        }
    }

    /** The model registry over the built-in models and the user's model folder, made on first use. */
    ModelRegistry models() {
        if (models == null) {
            models = ModelRegistry.standard(UserDirs.models(), UserDirs.cache().resolve("models"));
        }
        return models;
    }

    EnginePanel enginePanel() {
        return enginePanel;
    }

    void showModels() {
        new ModelsDialog(models(), stage).show();
    }

    /** Asks which segmentation model to run on the open image, then runs it. */
    void chooseModel() {
        List<RegistryEntry> usable = models().list().stream()
                .filter(e -> !e.isBroken() && e.manifest().task() == ModelTask.SEGMENTATION).toList();
        if (usable.isEmpty()) {
            message.setText("No segmentation model is installed (File > Models... imports one)");
            return;
        }
        List<String> choices = usable.stream().map(e -> e.id() + " \u2014 " + e.manifest().name()).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.initOwner(stage);
        dialog.setTitle("Run model");
        dialog.setHeaderText("Run a segmentation model on " + image.get().title() + " (on this computer, "
                + enginePanel.deviceChoice().name().toLowerCase(java.util.Locale.ROOT) + ")");
        dialog.showAndWait().ifPresent(c -> runModel(usable.get(choices.indexOf(c)).id()));
    }

    /**
     * Runs a registry model on the open image in the background (progress and Cancel in the status bar)
     * and overlays its labels and probability map; the same SegmentationRun as {@code attest infer}.
     */
    public void runModel(String id) {
        runModel(id, null);
    }

    /**
     * As {@link #runModel(String)}, keeping the probability maps of the given classes (null: the
     * runner's default, every class of models with at most four).
     */
    public void runModel(String id, List<Integer> probabilityClasses) {
        OpenedImage current = image.get();
        if (current == null || current.isColour()) {
            message.setText("Open a grey-scale image before running a model");
            return;
        }
        DeviceChoice device = enginePanel.deviceChoice();
        Cancellation cancellation = new Cancellation();
        PatchPredictor[] used = new PatchPredictor[1];
        run("Running " + id, new Task<InferenceResult>() {
            @Override
            protected InferenceResult call() {
                ModelManifest manifest = models().entry(id).manifest();
                PatchPredictor predictor = models().open(id, device);
                used[0] = predictor;
                synchronized (predictor) {
                    return SegmentationRun.run(manifest, predictor, current.volume(),
                            RunOptions.defaults().withProbabilityClasses(probabilityClasses),
                            (done, total, what) -> {
                                if (total > 0) {
                                    updateProgress(done, total);
                                }
                            }, cancellation);
                }
            }
        }, cancellation, result -> {
            if (image.get() != current) {
                return; // the user opened something else meanwhile
            }
            ModelManifest manifest = models().entry(id).manifest();
            LabelMapLoader.LabelMap runLabels = ModelOverlays.labels(manifest, result);
            showLabels(runLabels, null);
            ModelOverlays.heatMap(manifest, result).ifPresent(heat -> {
                overlays.showHeatMap(heat);
                claimOverlays.heatMapReplaced();
            });
            enginePanel.show(result.provenance().engine());
            lastRun = result;
            lastRunLabels = runLabels;
            imageCaseId = null;
            message.setText(id + ": " + result.volumes().stream().filter(v -> v.voxels() > 0).count() + " labels found in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", result.provenance().timingsMillis().get("total") / 1000.0)
                    + " on " + EnginePanel.deviceName(result.provenance().device())
                    // A GPU that ran out of memory sent the model to the CPU: say so, the next run will be slower.
                    + (used[0] instanceof DjlModelPredictor d && d.fallbackMessage() != null ? ". " + d.fallbackMessage() : ""));
        });
    }

    /** The last model run's result on this image (labels, maps, provenance), or null. */
    InferenceResult lastRun() {
        return lastRun;
    }

    // ---- projects and review ------------------------------------------------------------------------------

    /** True while the current claim can be scored: the scoring keys are enabled only then. */
    BooleanProperty hasClaim() {
        return hasClaim;
    }

    javafx.beans.binding.BooleanBinding canAddCase() {
        return hasImage();
    }

    /** The open project's review session, or null before a project is opened. */
    public ReviewSession review() {
        return review;
    }

    ClaimsPanel claimsPanel() {
        return claimsPanel;
    }

    void chooseNewProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("New project: choose an empty folder");
        File f = chooser.showDialog(stage);
        if (f != null) {
            askReviewer().ifPresent(name -> newProject(f.toPath(), name));
        }
    }

    void chooseProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open project: choose its folder (with project.db)");
        File f = chooser.showDialog(stage);
        if (f != null) {
            askReviewer().ifPresent(name -> openProject(f.toPath(), name));
        }
    }

    java.util.Optional<String> askReviewer() {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(System.getProperty("user.name", ""));
        d.initOwner(stage);
        d.setTitle("Reviewer");
        d.setHeaderText("Who is scoring? (your scores are stored under this name)");
        return d.showAndWait().map(String::strip).filter(n -> !n.isEmpty());
    }

    /** Creates a project in the folder and starts reviewing it as the named reviewer. */
    public void newProject(Path folder, String reviewer) {
        startReview(() -> Projects.create(folder), folder, reviewer);
    }

    /** Opens a project and starts reviewing it as the named reviewer; no model or engine is needed. */
    public void openProject(Path folder, String reviewer) {
        startReview(() -> Projects.open(folder), folder, reviewer);
    }

    private void startReview(java.util.function.Supplier<ProjectStore> opener, Path folder, String reviewer) {
        closeProject();
        try {
            project = opener.get();
            review = ReviewSession.start(project, reviewer);
            review.load(review.allClaims());
            imageCaseId = null;
            claimsPanel.setSession(review, folder.getFileName().toString());
            claimsPane.setExpanded(true);
            reporting.refresh();
            message.setText("Project " + folder + ": " + review.status());
        } catch (RuntimeException e) {
            closeProject();
            message.setText("could not open project " + folder + ": " + e.getMessage());
        }
    }

    private void closeProject() {
        if (project != null) {
            project.close();
            project = null;
            review = null;
        }
    }

    /**
     * Adds the open image and its last model run to the project as a case with one claim per label, in the
     * background, then shows that case's claims.
     */
    void addCaseToProject() {
        OpenedImage current = image.get();
        InferenceResult run = lastRun;
        LabelMapLoader.LabelMap names = lastRunLabels;
        if (project == null) {
            message.setText("Open or create a project first (File \u25B8 New project)");
            return;
        }
        if (current == null || run == null) {
            message.setText("Run a segmentation model on the open image first (Models \u25B8 Run model)");
            return;
        }
        ProjectStore store = project;
        ReviewSession session = review;
        CaseDraft draft = new CaseDraft(CaseRefs.studyRef(current), null, null, current.modality(), CaseRefs.imageRef(current));
        run("Adding case to project", new Task<CaseImport.ImportedCase>() {
            @Override
            protected CaseImport.ImportedCase call() {
                return CaseImport.add(store, draft, current.volume(), run.labels(), names.descriptions(),
                        ProvenanceFacts.of(run.provenance()), "CT".equals(current.modality()) ? "HU" : "");
            }
        }, new Cancellation(), imported -> {
            if (review != session) {
                return; // another project was opened meanwhile
            }
            if (image.get() == current) {
                imageCaseId = imported.reviewCase().id();
                if (shownLabels == names && !editing.isEditing(shownLabels)) {
                    shownLabelsFile = store.resolveArtifact(imported.labelMap());
                }
            }
            session.load(session.query());
            for (int k = 0; k < session.cases().size(); k++) {
                if (session.cases().get(k).id() == imported.reviewCase().id()) {
                    session.selectCase(k);
                }
            }
            reporting.refresh();
            message.setText("Added " + imported.claims().size() + " claims of " + imported.run().modelId() + " to case "
                    + imported.reviewCase().studyRef());
        });
    }

    /**
     * Moves the viewer to a claim's evidence: crosshair on the label's centroid, labels shown, the label
     * highlighted in the legend. Only when the image on screen is the claim's case.
     */
    private void showEvidence(WorklistItem item) {
        if (imageCaseId == null || imageCaseId != item.reviewCase().id()) {
            reopenCase(item);
            return;
        }
        jumpToEvidence(item.claim().id());
    }

    /**
     * Crosshair on the claim's evidence (its label's or region's centroid), labels shown, the label highlighted;
     * its boxes and heat map drawn. A claim with no mask (a grounding model's phrase) centres on its best box or
     * its heat map's peak, which puts the axial view on the slice the model saw.
     */
    private void jumpToEvidence(long claimId) {
        List<Evidence> evidence = project.evidence(claimId);
        claimOverlays.show(project, evidence);
        for (Evidence e : evidence) {
            var target = CaseImport.target(e);
            if (target.isPresent()) {
                crosshair.set(new Crosshair(target.get().centroidLps()));
                overlays.shownProperty().set(true);
                overlays.highlight(target.get().labelValue());
                return;
            }
        }
        ClaimEvidenceOverlays.focus(evidence).ifPresent(p -> crosshair.set(new Crosshair(p)));
    }

    /** The boxes and heat map of the claim on screen. */
    ClaimEvidenceOverlays claimOverlays() {
        return claimOverlays;
    }

    /**
     * Makes a claim of the case on screen the one being scored (when the worklist holds it) and shows its
     * evidence: what choosing a sentence of the report does.
     */
    void showClaim(long claimId) {
        if (project == null) {
            return;
        }
        if (review != null) {
            List<WorklistItem> items = review.claims();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).claim().id() == claimId) {
                    review.selectClaim(i);
                    break;
                }
            }
        }
        if (imageCaseId != null) {
            jumpToEvidence(claimId);
        }
    }

    /** The open project, or null. */
    ProjectStore project() {
        return project;
    }

    /** The label map on screen (the model's, a reopened case's, or the editor's copy), or null. */
    LabelMapLoader.LabelMap shownLabels() {
        return shownLabels;
    }

    /** Reads the review worklist again after claims were added, staying on the current case. */
    void reloadReview() {
        if (review != null) {
            int caseIndex = review.caseIndex();
            review.load(review.query());
            review.selectCase(Math.min(caseIndex, Math.max(0, review.cases().size() - 1)));
        }
    }

    Reporting reporting() {
        return reporting;
    }

    /** Opens the claims pane on its Report tab. */
    void showReportTab() {
        claimsPane.setExpanded(true);
        reportTab.getTabPane().getSelectionModel().select(reportTab);
    }

    /**
     * Opens the claim's case from what the project recorded (its image and newest label map) in the background,
     * then shows the claim's evidence: review needs no model and no engine.
     */
    private void reopenCase(WorklistItem item) {
        ReviewCase kase = item.reviewCase();
        if (kase.imageRef() == null) {
            message.setText("Claim of case " + kase.studyRef() + ": the project does not record its image; open it to see"
                    + " the evidence");
            return;
        }
        ProjectStore store = project;
        Cancellation cancellation = new Cancellation();
        record Reopened(OpenedImage image, LabelMapLoader.LabelMap labels, Path labelsFile) {
        }
        run("Opening case " + kase.studyRef(), new Task<Reopened>() {
            @Override
            protected Reopened call() throws IOException {
                OpenedImage opened = CaseReopen.image(kase, (done, total, text) -> updateProgress(done, Math.max(total, 1)),
                        cancellation);
                var mapFile = CaseReopen.labelMap(store, kase.id());
                return new Reopened(opened, mapFile.isPresent() ? LabelMapLoader.load(mapFile.get(), opened) : null,
                        mapFile.orElse(null));
            }
        }, cancellation, reopened -> {
            if (project != store) {
                return; // the project was closed meanwhile
            }
            show(reopened.image());
            if (reopened.labels() != null) {
                showLabels(reopened.labels(), reopened.labelsFile());
            }
            imageCaseId = kase.id();
            reporting.refresh();
            showEvidence(item);
        });
    }

    // ---- label editing ------------------------------------------------------------------------------------

    /** Gives the views the label-editing tool on the label map on screen (Tools ▸ Edit labels). */
    void startEditing() {
        useMeasurementTool(null);
        editing.start(shownLabels, shownLabelsFile);
    }

    /**
     * Folds the claims panel away while labels are edited, and back when editing is done, so the editor's
     * controls have the side panel's height in a short window; the scoring keys work either way.
     */
    void foldClaimsWhileEditing(boolean editingNow) {
        if (editingNow) {
            claimsWereOpen = claimsPane.isExpanded() || claimsWereOpen;
            claimsPane.setExpanded(false);
        } else if (claimsWereOpen) {
            claimsPane.setExpanded(true);
            claimsWereOpen = false;
        }
    }

    LabelEditing editing() {
        return editing;
    }

    /** Shows the editor's copy of the labels without ending the editing that made it. */
    void showLabelsForEditing(LabelMapLoader.LabelMap copy) {
        showLabels(copy, shownLabelsFile);
    }

    /** Rebuilds the 3D surfaces from the label layers, after their voxels changed. */
    void refreshLabels3d() {
        threeD.setLabels(overlayStack.overlays().stream().filter(o -> o instanceof LabelLayer).map(o -> (LabelLayer) o).toList());
    }

    /** The label value of the claim being scored, when it belongs to the case on screen. */
    java.util.Optional<Integer> currentClaimLabel() {
        if (review == null || imageCaseId == null) {
            return java.util.Optional.empty();
        }
        return review.currentClaim().filter(i -> i.reviewCase().id() == imageCaseId).map(i -> i.claim().labelValue());
    }

    Long imageCaseId() {
        return imageCaseId;
    }

    void say(String text) {
        message.setText(text);
    }

    void focusNote() {
        claimsPanel.focusNote();
    }

    void focusMissedFinding() {
        claimsPanel.focusMissedFinding();
    }

    void quit() {
        cancelRunning();
        stage.close();
        Platform.exit();
    }
}
