package dev.attest.app.gui;

import dev.attest.app.probe.ProbeFiles;
import dev.attest.app.probe.ProbeReport;
import dev.attest.app.probe.ProbedCase;
import dev.attest.app.probe.StabilityPlot;
import dev.attest.app.probe.StabilitySeries;
import dev.attest.core.volume.Volume;
import dev.attest.inference.probe.LevelFormat;
import dev.attest.inference.probe.ProbeRecord;
import dev.attest.viewer.fx.SliceView;
import dev.attest.viewer.mpr.StandardView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The result of a robustness probe, in a window that does not block the workstation: one small chart per
 * perturbation kind (output stability, the mean Dice or each label's, and evidence stability, Pearson's r and the
 * top-k% overlap, against level; {@link StabilitySeries}), the table of every perturbation and level with the Dice
 * of each label, Save... (the files of {@code attest probe --out}) and, for a chosen row, the perturbed image the
 * model saw beside the unperturbed one.
 */
final class ProbeResultWindow {
    final Stage stage = new Stage();
    final TableView<ProbeRecord> table = new TableView<>();
    final CheckBox perLabel = new CheckBox("Dice of each label");
    final TilePane charts = new TilePane(8, 8);
    final Button save = new Button("Save...");
    final Button showImage = new Button("Show perturbed image");
    final Label status = new Label();
    private final HBox legend = new HBox(16);
    private final MainWindow w;
    private final ProbeReport report;
    private final ProbedCase probed;
    private final Volume image;

    ProbeResultWindow(MainWindow w, ProbeReport report, Volume image) {
        this.w = w;
        this.report = report;
        this.probed = report.cases().get(0);
        this.image = image;
        stage.initOwner(w.stage());
        stage.setTitle("Robustness probe: " + report.model().id() + " on " + probed.name());
        Label header = new Label(header());
        header.setWrapText(true);
        header.setId("probe-header");
        charts.setId("probe-charts");
        charts.setPrefColumns(3);
        charts.setPadding(new Insets(4));
        perLabel.setId("probe-per-label");
        perLabel.selectedProperty().addListener((o, was, now) -> drawCharts());
        drawCharts();
        table.setId("probe-table");
        table.setItems(FXCollections.observableArrayList(probed.probe().records()));
        columns();
        table.setPrefHeight(230);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        save.setId("probe-save");
        save.setOnAction(e -> chooseAndSave());
        showImage.setId("probe-show-image");
        showImage.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        showImage.setOnAction(e -> showPerturbed(table.getSelectionModel().getSelectedItem()));
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        status.setId("probe-status");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, perLabel, status, gap, showImage, save, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        VBox top = new VBox(6, header, legend);
        BorderPane root = new BorderPane(chartScroll, top, null, new VBox(8, table, buttons), null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(chartScroll, new Insets(6, 0, 6, 0));
        stage.setScene(new Scene(root, 1100, 900));
    }

    void show() {
        stage.show();
    }

    ProbeReport report() {
        return report;
    }

    /** One line for the status bar: how long, and the perturbation that moved the labels most. */
    String summary() {
        ProbeRecord worst = null;
        for (ProbeRecord r : probed.probe().records()) {
            if (!Double.isNaN(r.dice().mean()) && (worst == null || r.dice().mean() < worst.dice().mean())) {
                worst = r;
            }
        }
        return String.format(Locale.ROOT, "Robustness probe of %s: %d perturbations in %.1f s", report.model().id(),
                probed.probe().records().size(), report.totalMillis() / 1000.0)
                + (worst == null ? "" : String.format(Locale.ROOT, "; lowest mean Dice %.3f (%s)", worst.dice().mean(),
                worst.perturbation().label()));
    }

    private String header() {
        var base = probed.probe().baseline();
        return String.format(Locale.ROOT, "%s %s on %s: %d perturbations (seed %d), %d model runs in %.1f s on %s. "
                        + "Each run is compared with the unperturbed run: Dice of the labels, and the evidence map (%s) by "
                        + "Pearson's r and top-%s%% overlap. Stability is not accuracy: the model is compared with itself.",
                report.model().id(), report.model().version(), probed.name(), probed.probe().records().size(),
                report.seed(), probed.probe().records().size() + 1, report.totalMillis() / 1000.0,
                EnginePanel.deviceName(base.device()), evidenceWords(report.evidence()),
                LevelFormat.format(report.topPercent()));
    }

    private static String evidenceWords(String evidence) {
        return evidence.equals("foreground") ? "foreground probability, 1 \u2212 p(background)" : evidence;
    }

    /** One chart per kind; colours by series, the same in every chart, named once in the legend above. */
    private void drawCharts() {
        List<StabilitySeries.Chart> built = StabilitySeries.of(probed, report.labelNames(), report.topPercent(),
                perLabel.isSelected());
        charts.getChildren().clear();
        legend.getChildren().clear();
        if (built.isEmpty()) {
            charts.getChildren().add(new Label("Only the identity was probed: nothing to plot."));
            return;
        }
        List<StabilitySeries.Series> names = built.get(0).series();
        FlowPane entries = new FlowPane(16, 4);
        entries.setPrefWrapLength(1050); // one row for the three measures; the labels' Dice wrap onto more
        for (int i = 0; i < names.size(); i++) {
            Line swatch = new Line(0, 0, 22, 0);
            swatch.setStrokeWidth(2.5);
            swatch.setStyle(stroke(i));
            Label name = new Label(names.get(i).name(), swatch);
            entries.getChildren().add(name);
        }
        legend.getChildren().add(entries);
        for (StabilitySeries.Chart c : built) {
            charts.getChildren().add(chart(c));
        }
    }

    private static LineChart<String, Number> chart(StabilitySeries.Chart c) {
        CategoryAxis x = new CategoryAxis(FXCollections.observableArrayList(c.levels()));
        x.setLabel(c.axisLabel());
        x.setAutoRanging(false);
        // One tick of room above 1, so that the points of a perfectly stable run are not cut in half by the plot's
        // edge. The axis always labels its upper bound, so that label is left blank; a closer bound would make the
        // axis drop the 1.00 label as overlapping it.
        NumberAxis y = new NumberAxis(c.axisLower(), 1 + c.tickUnit(), c.tickUnit());
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
            @Override
            public String toString(Number n) {
                return n.doubleValue() > 1 + 1e-9 ? "" : String.format(Locale.ROOT, "%.2f", n.doubleValue());
            }
        });
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setTitle(c.title());
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(340, 240);
        chart.setMinSize(340, 240);
        chart.getStyleClass().add("probe-chart");
        for (int i = 0; i < c.series().size(); i++) {
            StabilitySeries.Series s = c.series().get(i);
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (StabilitySeries.Point p : s.points()) {
                series.getData().add(new XYChart.Data<>(p.level(), p.value()));
            }
            chart.getData().add(series);
            String colour = StabilityPlot.colour(i);
            series.getNode().setStyle(stroke(i) + " -fx-stroke-width: 2px;");
            for (XYChart.Data<String, Number> d : series.getData()) {
                d.getNode().setStyle("-fx-background-color: " + colour + ", white; -fx-background-insets: 0, 2;"
                        + " -fx-background-radius: 5px; -fx-padding: 4px;");
                Tooltip.install(d.getNode(), new Tooltip(String.format(Locale.ROOT, "%s at %s %s: %.4f", s.name(),
                        c.axisLabel(), d.getXValue(), d.getYValue().doubleValue())));
            }
        }
        return chart;
    }

    /** The i-th series' line: the SVG plot's colour and, once the colours run out, its dashes. */
    private static String stroke(int i) {
        String dash = StabilityPlot.dash(i);
        return "-fx-stroke: " + StabilityPlot.colour(i) + ";" + (dash.isEmpty() ? "" : " -fx-stroke-dash-array: "
                + dash.replace(',', ' ') + ";");
    }

    private void columns() {
        TableColumn<ProbeRecord, String> perturbation = new TableColumn<>("Perturbation");
        perturbation.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().perturbation().label()));
        perturbation.setPrefWidth(170);
        table.getColumns().add(perturbation);
        table.getColumns().add(number("Mean Dice", r -> r.dice().mean()));
        table.getColumns().add(number("Pearson r", ProbeRecord::pearson));
        table.getColumns().add(number("Top-" + LevelFormat.format(report.topPercent()) + "% overlap", ProbeRecord::topOverlap));
        TableColumn<ProbeRecord, String> time = new TableColumn<>("Time (s)");
        time.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.1f", r.getValue().millis() / 1000.0)));
        time.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(time);
        java.util.TreeSet<Integer> labels = new java.util.TreeSet<>();
        probed.probe().records().forEach(r -> labels.addAll(r.dice().perLabel().keySet()));
        for (int k : labels) {
            table.getColumns().add(number("Dice " + report.labelNames().getOrDefault(k, "label " + k),
                    r -> r.dice().perLabel().getOrDefault(k, Double.NaN)));
        }
    }

    private static TableColumn<ProbeRecord, String> number(String title, ToDoubleFunction<ProbeRecord> value) {
        TableColumn<ProbeRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(cell(value.applyAsDouble(r.getValue()))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(Math.max(84, title.length() * 8 + 16));
        return c;
    }

    /** Four decimals, "\u2014" for an undefined value (null in probes.json). */
    static String cell(double v) {
        return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%.4f", v);
    }

    private void chooseAndSave() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save the probe: choose a folder for probes.json, probes.csv, probes-groups.csv and probes.svg");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            save(dir.toPath());
        }
    }

    /** Writes the files of {@code attest probe --out} into dir and says so; a failure is shown, not thrown. */
    List<Path> save(Path dir) {
        try {
            List<Path> written = ProbeFiles.write(report, dir);
            status.setText("Saved " + String.join(", ", ProbeFiles.NAMES) + " to " + dir);
            return written;
        } catch (IOException | RuntimeException e) {
            status.setText("Could not save to " + dir + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The perturbed copy the model saw for a row, beside the unperturbed image, axial, sharing a crosshair and the
     * workstation's window: perturbing is cheap (no model run), so it is made again rather than kept from the probe.
     */
    void showPerturbed(ProbeRecord row) {
        if (row == null) {
            return;
        }
        status.setText("Making the perturbed image (" + row.perturbation().label() + ") ...");
        Task<Volume> task = new Task<>() {
            @Override
            protected Volume call() {
                return row.perturbation().apply(image);
            }
        };
        task.setOnSucceeded(e -> {
            status.setText("");
            perturbedWindow(row, task.getValue()).show();
        });
        task.setOnFailed(e -> status.setText("Could not perturb the image: " + task.getException().getMessage()));
        Thread t = new Thread(task, "attest-perturb");
        t.setDaemon(true);
        t.start();
    }

    private Stage perturbedWindow(ProbeRecord row, Volume perturbed) {
        var crosshair = new SimpleObjectProperty<>(w.crosshairProperty().get());
        var window = new SimpleObjectProperty<>(w.windowLevelProperty().get());
        SliceView before = new SliceView(StandardView.AXIAL, crosshair, window);
        SliceView after = new SliceView(StandardView.AXIAL, crosshair, window);
        before.setVolume(image);
        after.setVolume(perturbed);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(6));
        grid.addRow(0, new Label("Unperturbed"), new Label(row.perturbation().label() + ": what the model saw (mean Dice "
                + cell(row.dice().mean()) + ")"));
        grid.addRow(1, before, after);
        for (SliceView v : List.of(before, after)) {
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            v.setPrefSize(460, 460);
        }
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle("Perturbed image: " + row.perturbation().label() + " (scroll to move through slices)");
        s.setScene(new Scene(grid, 960, 520));
        return s;
    }
}
