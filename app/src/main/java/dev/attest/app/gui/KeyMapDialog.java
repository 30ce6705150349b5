package dev.attest.app.gui;

import dev.attest.app.settings.KeyMap;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The key-map editor: every action with its key; select a row and press the new key (Backspace
 * clears it). A key already used elsewhere is taken over only after the user confirms. Changes
 * apply at once; the caller saves the map.
 */
final class KeyMapDialog extends Dialog<ButtonType> {
    KeyMapDialog(ActionRegistry registry) {
        KeyMap keys = registry.keyMap();
        setTitle("Key map");
        setHeaderText("Select an action and press its new key (Backspace: no key).");
        TableView<AppAction> table = new TableView<>(FXCollections.observableArrayList(registry.all()));
        table.setId("keymap-table");
        TableColumn<AppAction, String> name = new TableColumn<>("Action");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        name.setPrefWidth(260);
        TableColumn<AppAction, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(display(keys.keyOf(c.getValue().id()))));
        key.setPrefWidth(140);
        TableColumn<AppAction, String> def = new TableColumn<>("Default");
        def.setCellValueFactory(c -> new ReadOnlyStringWrapper(display(c.getValue().defaultKey())));
        def.setPrefWidth(120);
        table.getColumns().setAll(List.of(name, key, def));
        table.setPrefSize(560, 460);
        Label message = new Label();
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            AppAction action = table.getSelectionModel().getSelectedItem();
            if (action == null || e.getCode().isModifierKey() || e.getCode().isNavigationKey() && !e.isShortcutDown()
                    && !e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                return;
            }
            e.consume();
            String text = e.getCode() == KeyCode.BACK_SPACE ? "" : keyText(e);
            String other = keys.actionUsing(text, action.id());
            if (other != null) {
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, display(text) + " is used by '" + registry.get(other).text()
                        + "'. Move it to '" + action.text() + "'?", ButtonType.YES, ButtonType.NO);
                if (ask.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
                    return;
                }
                keys.bind(other, "");
            }
            keys.bind(action.id(), text);
            message.setText(action.text() + ": " + display(text));
            table.refresh();
        });
        Button reset = new Button("Restore defaults");
        reset.setOnAction(e -> {
            keys.resetAll();
            table.refresh();
            message.setText("Default keys restored");
        });
        VBox box = new VBox(8, table, new HBox(12, reset, message));
        box.setPadding(new Insets(8));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /** The key-map text of a key press, e.g. "Shortcut+Shift+O", "Alt+1", "F2". */
    static String keyText(KeyEvent e) {
        List<KeyCombination.Modifier> mods = new ArrayList<>();
        if (e.isShortcutDown()) {
            mods.add(KeyCombination.SHORTCUT_DOWN);
        }
        if (e.isShiftDown()) {
            mods.add(KeyCombination.SHIFT_DOWN);
        }
        if (e.isAltDown()) {
            mods.add(KeyCombination.ALT_DOWN);
        }
        return new KeyCodeCombination(e.getCode(), mods.toArray(KeyCombination.Modifier[]::new)).getName();
    }

    private static String display(String key) {
        KeyCombination k = AppAction.parse(key);
        return k == null ? "" : k.getDisplayText();
    }
}
