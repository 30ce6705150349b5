package dev.attest.app.gui;

import dev.attest.app.open.LabelMapLoader;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * The overlay legend: one row per label present in the label map (colour swatch, name, a
 * checkbox to show or hide it), the map's opacity, and fill/outline. Changes redraw the views.
 */
final class LegendPanel extends VBox {
    private final Runnable onChange;
    private final VBox rows = new VBox(2);
    private final Slider opacity = new Slider(0, 1, 0.45);
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final BooleanProperty outline = new SimpleBooleanProperty(false);
    private final Label title = new Label("Overlays");
    private Volume labels;
    private LabelTable table = new LabelTable();
    private final List<CheckBox> boxes = new ArrayList<>();

    LegendPanel(Runnable onChange) {
        super(6);
        this.onChange = onChange;
        setId("legend");
        title.setStyle("-fx-font-weight: bold;");
        opacity.setId("label-opacity");
        opacity.valueProperty().addListener((o, a, b) -> changed());
        visible.addListener((o, a, b) -> changed());
        outline.addListener((o, a, b) -> changed());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(260);
        HBox opacityRow = new HBox(6, new Label("Opacity"), opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, opacityRow, scroll);
    }

    BooleanProperty shownProperty() {
        return visible;
    }

    BooleanProperty outlineProperty() {
        return outline;
    }

    void clear() {
        labels = null;
        rows.getChildren().clear();
        boxes.clear();
        title.setText("Overlays");
    }

    /** Lists the labels that occur in the map (named from its description, else "Label n"). */
    void show(LabelMapLoader.LabelMap map) {
        labels = map.labels();
        table = new LabelTable();
        for (LabelDescription d : map.descriptions().all()) {
            table.put(d.value(), d.name(), d.rgb());
            table.setVisible(d.value(), d.visible());
        }
        rows.getChildren().clear();
        boxes.clear();
        for (int value : map.present()) {
            LabelTable.Entry e = table.get(value);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb(e.rgb() >> 16 & 255, e.rgb() >> 8 & 255, e.rgb() & 255));
            CheckBox box = new CheckBox(value + "  " + e.name());
            box.setId("label-" + value);
            box.setSelected(e.visible());
            box.selectedProperty().addListener((o, a, b) -> {
                table.setVisible(value, b);
                changed();
            });
            boxes.add(box);
            HBox row = new HBox(6, swatch, box);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        title.setText("Overlays: " + map.name());
        visible.set(true);
        changed();
    }

    Volume labels() {
        return labels == null || !visible.get() ? null : labels;
    }

    LabelOverlay overlay() {
        return new LabelOverlay(table, opacity.getValue(), outline.get() ? LabelOverlay.Mode.OUTLINE : LabelOverlay.Mode.FILL);
    }

    /** Hides or shows one label, as its checkbox does. */
    void setLabelVisible(int value, boolean show) {
        boxes.stream().filter(b -> b.getId().equals("label-" + value)).findFirst().ifPresent(b -> b.setSelected(show));
    }

    private void changed() {
        if (labels != null) {
            onChange.run();
        }
    }
}
