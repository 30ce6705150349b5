package dev.attest.app.gui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The viewport area: the 2×2 layout (axial, coronal / sagittal, 3D) or one of the four views
 * alone, switched by actions (Alt+0..4 by default) rather than by clicks the views use themselves.
 */
final class ViewportGrid extends GridPane {
    /** Which views are shown. */
    enum Layout {
        GRID_2X2, AXIAL, CORONAL, SAGITTAL, VOLUME_3D
    }

    private final List<Region> views;
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(Layout.GRID_2X2);

    /** @param views axial, coronal, sagittal and 3D, in that order */
    ViewportGrid(List<Region> views) {
        this.views = List.copyOf(views);
        setId("viewports");
        setHgap(2);
        setVgap(2);
        setStyle("-fx-background-color: #202020;");
        for (Region v : views) {
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            v.setPrefSize(420, 360);
            v.setMinSize(32, 32);
        }
        layout.addListener((o, a, b) -> arrange());
        arrange();
    }

    ObjectProperty<Layout> layoutProperty() {
        return layout;
    }

    private void arrange() {
        getChildren().clear();
        switch (layout.get()) {
            case GRID_2X2 -> {
                add(views.get(0), 0, 0);
                add(views.get(1), 1, 0);
                add(views.get(2), 0, 1);
                add(views.get(3), 1, 1);
            }
            case AXIAL -> add(views.get(0), 0, 0);
            case CORONAL -> add(views.get(1), 0, 0);
            case SAGITTAL -> add(views.get(2), 0, 0);
            case VOLUME_3D -> add(views.get(3), 0, 0);
        }
    }

    /** The view shown alone, or the axial view in the 2×2 layout (the one single-view actions act on). */
    Node primary() {
        return switch (layout.get()) {
            case GRID_2X2, AXIAL -> views.get(0);
            case CORONAL -> views.get(1);
            case SAGITTAL -> views.get(2);
            case VOLUME_3D -> views.get(3);
        };
    }
}
