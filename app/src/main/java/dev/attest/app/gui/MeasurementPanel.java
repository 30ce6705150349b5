package dev.attest.app.gui;

import dev.attest.viewer.measure.MeasurementCalculator;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.viewer.measure.MeasurementRow;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The measurements of the open image, listed with their values; selecting one selects it in the
 * views, double-click names it, Delete removes it, and the list exports as CSV.
 */
final class MeasurementPanel extends VBox {
    private final ListView<MeasurementRow> rows = new ListView<>();
    private MeasurementList list;
    private MeasurementCalculator calculator;

    MeasurementPanel(Runnable export) {
        super(6);
        setId("measurement-panel");
        Label title = new Label("Measurements");
        title.setStyle("-fx-font-weight: bold;");
        rows.setId("measurement-list");
        rows.setPrefHeight(130);
        rows.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MeasurementRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : "#" + row.id() + " " + (row.label().isEmpty() ? "" : row.label() + ": ")
                        + row.value());
            }
        });
        rows.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (list != null && b != null && (list.selectedId().isEmpty() || list.selectedId().getAsLong() != b.id())) {
                list.select(b.id());
            }
        });
        rows.setOnMouseClicked(e -> {
            MeasurementRow row = rows.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && row != null && list != null) {
                TextInputDialog ask = new TextInputDialog(row.label());
                ask.setHeaderText("Name measurement #" + row.id());
                ask.showAndWait().ifPresent(name -> list.get(row.id()).ifPresent(m -> list.replace(m.withLabel(name))));
            }
        });
        Button delete = new Button("Delete");
        delete.setOnAction(e -> {
            MeasurementRow row = rows.getSelectionModel().getSelectedItem();
            if (row != null && list != null) {
                list.remove(row.id());
            }
        });
        Button csv = new Button("Export CSV...");
        csv.setId("export-measurements");
        csv.setOnAction(e -> export.run());
        getChildren().addAll(title, rows, new HBox(6, delete, csv));
    }

    /** Follows a new image's list (measurements belong to one image). */
    void show(MeasurementList measurements, MeasurementCalculator calc) {
        this.list = measurements;
        this.calculator = calc;
        measurements.addListener(change -> refresh());
        refresh();
    }

    private void refresh() {
        if (list == null) {
            return;
        }
        rows.setItems(FXCollections.observableArrayList(MeasurementRow.of(list, calculator)));
        list.selectedId().ifPresent(id -> rows.getItems().stream().filter(r -> r.id() == id).findFirst()
                .ifPresent(r -> rows.getSelectionModel().select(r)));
    }
}
