package dev.attest.app.gui;

import dev.attest.app.settings.KeyMap;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One user command declared once: its id (the key-map key), text, default key, what it does and
 * when it is enabled. Menu items, toolbar buttons and the scene's accelerators are all made from
 * it, so a key changed in the key map changes everywhere at once. A toggle action carries its
 * selected state.
 */
public final class AppAction {
    private final String id;
    private final String text;
    private final String defaultKey;
    private final Runnable handler;
    private final BooleanProperty disabled = new SimpleBooleanProperty();
    private final BooleanProperty selected;
    private final ObjectProperty<KeyCombination> accelerator = new SimpleObjectProperty<>();

    private AppAction(String id, String text, String defaultKey, Runnable handler, BooleanProperty selected) {
        this.id = id;
        this.text = text;
        this.defaultKey = defaultKey;
        this.handler = handler;
        this.selected = selected;
    }

    public static AppAction of(String id, String text, String defaultKey, Runnable handler) {
        return new AppAction(id, text, defaultKey, handler, null);
    }

    /** A toggle: its handler runs after the state flips; the state can also be bound by the owner. */
    public static AppAction toggle(String id, String text, String defaultKey, BooleanProperty state) {
        return new AppAction(id, text, defaultKey, () -> { }, state);
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public String defaultKey() {
        return defaultKey;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public BooleanProperty disabledProperty() {
        return disabled;
    }

    public ObjectProperty<KeyCombination> acceleratorProperty() {
        return accelerator;
    }

    /** Enabled only while the condition holds (e.g. an image is open). */
    public AppAction enabledWhen(ObservableBooleanValue condition) {
        disabled.bind(Bindings.not(condition));
        return this;
    }

    /** Runs the action as a key, a menu or a button would. */
    public void fire() {
        if (disabled.get()) {
            return;
        }
        if (selected != null) {
            selected.set(!selected.get());
        }
        handler.run();
    }

    /** Takes the accelerator from the key map (invalid text leaves the action without a key). */
    void applyKey(KeyMap keys) {
        String key = keys.keyOf(id);
        accelerator.set(parse(key));
    }

    static KeyCombination parse(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return KeyCombination.valueOf(key);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public MenuItem menuItem() {
        MenuItem item;
        if (selected != null) {
            CheckMenuItem check = new CheckMenuItem(text);
            check.selectedProperty().bindBidirectional(selected);
            // The check item flips its own state; only the side effect is left to do.
            check.setOnAction(e -> handler.run());
            item = check;
        } else {
            item = new MenuItem(text);
            item.setOnAction(e -> fire());
        }
        item.setId("menu-" + id);
        item.disableProperty().bind(disabled);
        item.acceleratorProperty().bind(accelerator);
        return item;
    }

    public ButtonBase button(String label) {
        ButtonBase b;
        if (selected != null) {
            ToggleButton t = new ToggleButton(label);
            t.selectedProperty().bindBidirectional(selected);
            t.setOnAction(e -> handler.run());
            b = t;
        } else {
            b = new Button(label);
            b.setOnAction(e -> fire());
        }
        b.setId("tool-" + id);
        b.setFocusTraversable(false);
        b.disableProperty().bind(disabled);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> accelerator.get() == null ? text
                : text + "  (" + accelerator.get().getDisplayText() + ")", accelerator));
        b.setTooltip(tip);
        return b;
    }
}
