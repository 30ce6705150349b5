package dev.attest.app.gui;

import dev.attest.app.open.HeatMapLoader;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.overlay.HeatMapLayer;
import dev.attest.viewer.overlay.LabelLayer;
import dev.attest.viewer.overlay.Overlay;
import dev.attest.viewer.overlay.OverlayStack;
import dev.attest.viewer.render.ColorMap;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overlay controls and legend beside the views. Label maps (NIfTI or DICOM SEG, possibly in
 * several layers): one row per label present with its colour, name and a visibility box, plus
 * opacity, outline mode and show/hide for the whole map. Heat maps: colour map, threshold,
 * opacity and show/hide (the views draw the colour bar). Every change goes through the shared
 * {@link OverlayStack}, so all views redraw together.
 */
final class OverlayPanel extends VBox {
    private static final Map<String, ColorMap> MAPS = Map.of("inferno", ColorMap.inferno(), "viridis", ColorMap.viridis(),
            "magma", ColorMap.magma(), "hot", ColorMap.hot());
    private final OverlayStack stack;
    private final VBox labelRows = new VBox(2);
    private final VBox labelBox = new VBox(6);
    private final VBox heatBox = new VBox(6);
    private final Slider labelOpacity = new Slider(0, 1, 0.45);
    private final BooleanProperty labelsShown = new SimpleBooleanProperty(true);
    private final BooleanProperty outline = new SimpleBooleanProperty(false);
    private final Label labelTitle = new Label();
    private final List<String> labelLayers = new ArrayList<>();
    private final Label heatTitle = new Label();
    private final ComboBox<String> heatMapChoice = new ComboBox<>();
    private final Slider heatThreshold = new Slider(0, 1, 0.2);
    private final Slider heatOpacity = new Slider(0, 1, 0.6);
    private final CheckBox heatShown = new CheckBox("Show");
    private java.util.function.BiConsumer<Integer, Boolean> onLabelToggled = (label, shown) -> { };
    private final Label empty = new Label("No overlays. Open a label map, a DICOM SEG or a heat map from the File menu,\nor drop one on the window.");

    OverlayPanel(OverlayStack stack) {
        super(8);
        this.stack = stack;
        setId("overlay-panel");
        Label title = new Label("Overlays");
        title.setStyle("-fx-font-weight: bold;");
        empty.setStyle("-fx-text-fill: #888;");
        empty.setWrapText(true);

        labelTitle.setStyle("-fx-font-weight: bold;");
        labelOpacity.setId("label-opacity");
        labelOpacity.valueProperty().addListener((o, a, b) -> updateLabels(l -> l.withOpacity(b.doubleValue())));
        labelsShown.addListener((o, a, b) -> updateLabels(l -> l.withVisible(b)));
        outline.addListener((o, a, b) -> updateLabels(l -> l.withMode(b ? LabelOverlay.Mode.OUTLINE : LabelOverlay.Mode.FILL)));
        CheckBox show = new CheckBox("Show");
        show.selectedProperty().bindBidirectional(labelsShown);
        CheckBox outlines = new CheckBox("Outlines");
        outlines.setId("label-outline");
        outlines.selectedProperty().bindBidirectional(outline);
        ScrollPane scroll = new ScrollPane(labelRows);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(240);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        labelBox.getChildren().addAll(labelTitle, new HBox(10, show, outlines), row("Opacity", labelOpacity), scroll);

        heatTitle.setStyle("-fx-font-weight: bold;");
        heatMapChoice.getItems().addAll("inferno", "viridis", "magma", "hot");
        heatMapChoice.setValue("inferno");
        heatMapChoice.setId("heat-colormap");
        heatThreshold.setId("heat-threshold");
        heatOpacity.setId("heat-opacity");
        heatShown.setSelected(true);
        heatMapChoice.valueProperty().addListener((o, a, b) -> updateHeat(h -> h.withMap(MAPS.get(b))));
        heatThreshold.valueProperty().addListener((o, a, b) -> updateHeat(h -> h.withThreshold(b.doubleValue())));
        heatOpacity.valueProperty().addListener((o, a, b) -> updateHeat(h -> h.withOpacity(b.doubleValue())));
        heatShown.selectedProperty().addListener((o, a, b) -> updateHeat(h -> h.withVisible(b)));
        heatBox.getChildren().addAll(heatTitle, new HBox(10, heatShown, heatMapChoice), row("Threshold", heatThreshold),
                row("Opacity", heatOpacity));

        getChildren().addAll(title, empty);
        VBox.setVgrow(labelBox, Priority.ALWAYS);
    }

    private static HBox row(String text, Slider slider) {
        Label l = new Label(text);
        l.setMinWidth(62);
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox box = new HBox(6, l, slider);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Told when the reader shows or hides one label (the 3D surfaces follow). */
    void setOnLabelToggled(java.util.function.BiConsumer<Integer, Boolean> listener) {
        onLabelToggled = listener;
    }

    BooleanProperty shownProperty() {
        return labelsShown;
    }

    BooleanProperty outlineProperty() {
        return outline;
    }

    /** Removes every overlay (a new image was opened). */
    void clear() {
        stack.clear();
        labelLayers.clear();
        labelRows.getChildren().clear();
        getChildren().setAll(getChildren().get(0), empty);
    }

    /** Replaces the label map: its layers go into the stack, its labels into the legend. */
    void showLabels(LabelMapLoader.LabelMap map) {
        labelLayers.forEach(name -> stack.find(name).ifPresent(stack::remove));
        labelLayers.clear();
        labelRows.getChildren().clear();
        LabelTable table = new LabelTable();
        for (LabelDescription d : map.descriptions().all()) {
            table.put(d.value(), d.name(), d.rgb());
            table.setVisible(d.value(), d.visible());
        }
        LabelOverlay.Mode mode = outline.get() ? LabelOverlay.Mode.OUTLINE : LabelOverlay.Mode.FILL;
        for (int i = 0; i < map.layers().size(); i++) {
            String name = map.layers().size() == 1 ? map.name() : map.name() + " [layer " + (i + 1) + "]";
            Volume layer = map.layers().get(i);
            LabelLayer l = new LabelLayer(name, layer, table, labelOpacity.getValue(), mode, true);
            labelLayers.add(name);
            stack.add(l);
        }
        for (int value : map.present()) {
            LabelTable.Entry e = table.get(value);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb(e.rgb() >> 16 & 255, e.rgb() >> 8 & 255, e.rgb() & 255));
            CheckBox box = new CheckBox(value + "  " + e.name());
            box.setId("label-" + value);
            box.setSelected(e.visible());
            box.selectedProperty().addListener((o, a, b) -> {
                updateLabels(l -> l.withLabelVisible(value, b));
                onLabelToggled.accept(value, b);
            });
            HBox r = new HBox(6, swatch, box);
            r.setAlignment(Pos.CENTER_LEFT);
            labelRows.getChildren().add(r);
        }
        labelTitle.setText("Labels: " + map.name() + (map.layers().size() > 1 ? " (" + map.layers().size() + " overlapping layers)" : ""));
        labelsShown.set(true);
        layoutSections();
    }

    /**
     * Emphasises one label in the legend (the claim being scored) and makes sure it is drawn; the
     * other rows return to normal.
     */
    void highlight(int value) {
        for (javafx.scene.Node row : labelRows.getChildren()) {
            HBox r = (HBox) row;
            CheckBox box = (CheckBox) r.getChildren().get(1);
            boolean it = ("label-" + value).equals(box.getId());
            r.setStyle(it ? "-fx-background-color: #ffe58a; -fx-background-radius: 3;" : "");
            box.setStyle(it ? "-fx-font-weight: bold;" : "");
            if (it) {
                box.setSelected(true);
            }
        }
    }

    /** The label emphasised by {@link #highlight}, or 0 when none. */
    int highlighted() {
        for (javafx.scene.Node row : labelRows.getChildren()) {
            HBox r = (HBox) row;
            if (!r.getStyle().isEmpty()) {
                return Integer.parseInt(r.getChildren().get(1).getId().substring("label-".length()));
            }
        }
        return 0;
    }

    /** Replaces the heat map; the threshold slider spans its display range. */
    void showHeatMap(HeatMapLoader.HeatMap heat) {
        stack.find("heat").ifPresent(stack::remove);
        heatThreshold.setMin(heat.min());
        heatThreshold.setMax(heat.max());
        heatThreshold.setValue(heat.threshold());
        heatShown.setSelected(true);
        stack.add(new HeatMapLayer("heat", heat.values(), MAPS.get(heatMapChoice.getValue()), heat.min(), heat.max(),
                heat.threshold(), heatOpacity.getValue(), heat.unit(), true));
        heatTitle.setText("Heat map: " + heat.name());
        layoutSections();
    }

    /** Takes the heat map off the image (the claim that showed it is no longer chosen). */
    void removeHeatMap() {
        stack.find("heat").ifPresent(stack::remove);
        layoutSections();
    }

    private void layoutSections() {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        nodes.add(getChildren().get(0));
        if (!labelLayers.isEmpty()) {
            nodes.add(labelBox);
        }
        if (stack.find("heat").isPresent()) {
            nodes.add(heatBox);
        }
        if (nodes.size() == 1) {
            nodes.add(empty);
        }
        getChildren().setAll(nodes);
    }

    private void updateLabels(java.util.function.UnaryOperator<LabelLayer> change) {
        for (String name : labelLayers) {
            stack.find(name).ifPresent(o -> stack.replace(o, change.apply((LabelLayer) o)));
        }
    }

    private void updateHeat(java.util.function.UnaryOperator<HeatMapLayer> change) {
        Overlay o = stack.find("heat").orElse(null);
        if (o instanceof HeatMapLayer h) {
            stack.replace(h, change.apply(h));
        }
    }
}
