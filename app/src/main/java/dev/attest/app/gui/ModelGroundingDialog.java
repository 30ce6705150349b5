package dev.attest.app.gui;

import dev.attest.inference.registry.RegistryEntry;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/**
 * Asks which registered grounding model to run on the case on screen, the phrase, and the slice (the axial slice
 * on screen to start with). With no grounding model registered it says how to add one, and cannot be confirmed.
 */
final class ModelGroundingDialog extends Dialog<ModelGroundingDialog.Request> {
    /** What the reviewer asked for. */
    record Request(String modelId, String phrase, int slice) {
    }

    static final ButtonType GROUND = new ButtonType("Ground", ButtonBar.ButtonData.OK_DONE);

    final ComboBox<RegistryEntry> model = new ComboBox<>();
    final TextField phrase = new TextField();
    final Spinner<Integer> slice;
    final Label note = new Label();

    /**
     * @param models    the usable grounding models, in the registry's order
     * @param lastModel the model chosen last time, chosen again when still there
     * @param slices    how many slices the case volume has
     * @param device    the engine panel's device choice, said in the header
     */
    ModelGroundingDialog(Window owner, List<RegistryEntry> models, String lastModel, String text, int current, int slices,
                         String device) {
        initOwner(owner);
        setTitle("Ground phrase with a model");
        setHeaderText("A grounding model places the phrase on one slice as boxes and a heat map; the result is stored"
                + " as a phrase claim with its checks (on this computer, " + device + ")");
        slice = new Spinner<>(0, slices - 1, Math.max(0, Math.min(slices - 1, current)));
        slice.setEditable(true);
        slice.setId("ground-model-slice");
        model.setId("ground-model-choice");
        model.getItems().setAll(models);
        model.setCellFactory(v -> new EntryCell());
        model.setButtonCell(new EntryCell());
        model.setMaxWidth(Double.MAX_VALUE);
        models.stream().filter(e -> e.id().equals(lastModel)).findFirst()
                .ifPresentOrElse(model::setValue, () -> model.setValue(models.isEmpty() ? null : models.get(0)));
        phrase.setId("ground-model-phrase");
        phrase.setPromptText("e.g. small nodule in the left lower lobe");
        phrase.setText(text == null ? "" : text);
        phrase.setPrefColumnCount(32);
        note.setId("ground-model-note");
        note.setWrapText(true);
        note.setMaxWidth(480);
        if (models.isEmpty()) {
            note.setText("No grounding model is registered. Import one with File \u25B8 Models\u2026 \u25B8 Import folder"
                    + " (a folder with a GROUNDING manifest, its weights and tokenizer; see docs/grounding-model.md).");
            model.setDisable(true);
            phrase.setDisable(true);
            slice.setDisable(true);
        } else {
            note.setText("Slice " + (slices - 1 > 0 ? "0\u2013" + (slices - 1) : "0") + " of the volume as stored;"
                    + " the one on screen is chosen.");
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Model"), model);
        grid.addRow(1, new Label("Phrase"), phrase);
        grid.addRow(2, new Label("Slice"), slice);
        grid.add(note, 0, 3, 2, 1);
        getDialogPane().setContent(grid);
        // A fixed width lets the header wrap instead of stretching the dialog across the screen.
        getDialogPane().setPrefWidth(600);
        getDialogPane().getButtonTypes().addAll(GROUND, ButtonType.CANCEL);
        var ground = getDialogPane().lookupButton(GROUND);
        ground.setId("ground-model-run");
        ground.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.getValue() == null || phrase.getText() == null || phrase.getText().isBlank(),
                model.valueProperty(), phrase.textProperty()));
        setResultConverter(b -> {
            if (b != GROUND) {
                return null;
            }
            // A typed slice number counts even when the reviewer pressed Ground without leaving the field.
            try {
                slice.commitValue();
            } catch (NumberFormatException notANumber) {
                slice.cancelEdit();
            }
            return new Request(model.getValue().id(), phrase.getText().strip(), slice.getValue());
        });
        setOnShown(e -> phrase.requestFocus());
    }

    /** A model as "id — name". */
    private static final class EntryCell extends ListCell<RegistryEntry> {
        @Override
        protected void updateItem(RegistryEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : e.id() + " \u2014 " + e.manifest().name());
        }
    }
}
