package dev.attest.app.gui;

import dev.attest.app.edit.EditSettings;
import dev.attest.app.edit.EditTool;
import dev.attest.core.labels.LabelDescriptions;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The label editor's controls: tool, label, brush radius, intensity limit, undo/redo, save and done. It only
 * holds settings and fires callbacks; {@link LabelEditing} does the work.
 */
final class LabelEditPanel extends VBox {
    private final ToggleGroup tools = new ToggleGroup();
    private final ComboBox<LabelChoice> label = new ComboBox<>();
    private final Spinner<Double> radius = new Spinner<>(0.0, 50.0, 5.0, 0.5);
    private final CheckBox limited = new CheckBox("Paint only values (HU) in");
    private final TextField lo = new TextField("-100");
    private final TextField hi = new TextField("300");
    private final CheckBox eraseOnly = new CheckBox("Eraser clears only this label");
    private final Label state = new Label();
    final Button undo = new Button("Undo");
    final Button redo = new Button("Redo");
    final Button save = new Button("Save corrected mask");
    final Button done = new Button("Done");
    private Consumer<EditSettings> onSettings = s -> { };

    /** A label in the chooser: its value and name. */
    record LabelChoice(int value, String name) {
        @Override
        public String toString() {
            return value + "  " + name;
        }
    }

    LabelEditPanel() {
        super(5);
        setId("label-edit-panel");
        setPadding(new Insets(4, 0, 4, 0));
        FlowPane toolRow = new FlowPane(3, 3);
        for (EditTool t : EditTool.values()) {
            ToggleButton b = new ToggleButton(t.words());
            b.setId("edit-tool-" + t.name().toLowerCase().replace('_', '-'));
            b.setUserData(t);
            b.setToggleGroup(tools);
            b.setFocusTraversable(false);
            b.setStyle("-fx-font-size: 10px; -fx-padding: 2 5 2 5;");
            toolRow.getChildren().add(b);
        }
        tools.selectToggle(tools.getToggles().get(0));
        tools.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                tools.selectToggle(was); // one tool is always chosen
            }
            fire();
        });
        label.setId("edit-label");
        label.setMaxWidth(Double.MAX_VALUE);
        label.valueProperty().addListener((o, was, now) -> fire());
        radius.setId("edit-radius");
        radius.setEditable(true);
        radius.setPrefWidth(80);
        radius.valueProperty().addListener((o, was, now) -> fire());
        limited.setId("edit-limited");
        lo.setId("edit-lo");
        hi.setId("edit-hi");
        lo.setPrefColumnCount(5);
        hi.setPrefColumnCount(5);
        limited.selectedProperty().addListener((o, was, now) -> fire());
        lo.setOnAction(e -> fire());
        hi.setOnAction(e -> fire());
        lo.focusedProperty().addListener((o, was, now) -> fire());
        hi.focusedProperty().addListener((o, was, now) -> fire());
        eraseOnly.setId("edit-erase-only");
        eraseOnly.selectedProperty().addListener((o, was, now) -> fire());
        state.setId("edit-state");
        state.setWrapText(true);
        state.setStyle("-fx-font-size: 10px; -fx-text-fill: #444;");
        undo.setId("edit-undo");
        redo.setId("edit-redo");
        save.setId("edit-save");
        done.setId("edit-done");
        HBox radiusRow = new HBox(6, new Label("Radius mm"), radius);
        radiusRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox limitRow = new HBox(4, lo, new Label("to"), hi);
        limitRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(4, 4, undo, redo, save, done);
        getChildren().addAll(toolRow, label, radiusRow, limited, limitRow, eraseOnly, buttons, state);
    }

    void setOnSettings(Consumer<EditSettings> listener) {
        onSettings = listener;
    }

    /** Fills the label chooser with the map's labels (value and name), choosing first. */
    void setLabels(List<Integer> present, LabelDescriptions names, int first) {
        List<LabelChoice> choices = present.stream().filter(v -> v > 0)
                .map(v -> new LabelChoice(v, names.get(v).map(d -> d.name()).orElse("label " + v))).toList();
        label.getItems().setAll(choices);
        choices.stream().filter(c -> c.value() == first).findFirst().or(() -> choices.stream().findFirst())
                .ifPresent(label::setValue);
    }

    void showState(String text) {
        state.setText(text);
    }

    /** The settings the controls show; null until a label is chosen or while a number does not parse. */
    EditSettings settings() {
        if (label.getValue() == null) {
            return null;
        }
        try {
            EditTool tool = (EditTool) tools.getSelectedToggle().getUserData();
            return new EditSettings(tool, label.getValue().value(), radius.getValue(), limited.isSelected(),
                    Double.parseDouble(lo.getText().strip()), Double.parseDouble(hi.getText().strip()), eraseOnly.isSelected());
        } catch (IllegalArgumentException e) {
            state.setText(e.getMessage());
            return null;
        }
    }

    private void fire() {
        EditSettings s = settings();
        if (s != null) {
            onSettings.accept(s);
        }
    }
}
