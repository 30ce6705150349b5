package dev.attest.app.gui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Toggle actions of which exactly one is on (the mouse tools): choosing one turns the others
 * off, and choosing the one already on keeps it on.
 */
final class ToggleGroupOfActions {
    private final Map<String, AppAction> members = new LinkedHashMap<>();
    private boolean updating;

    /** Adds a member; {@code onSelect} runs when it becomes the chosen one. */
    AppAction add(String key, AppAction action, Runnable onSelect) {
        members.put(key, action);
        action.selectedProperty().addListener((o, was, now) -> {
            if (updating) {
                return;
            }
            updating = true;
            try {
                if (now) {
                    members.values().stream().filter(m -> m != action).forEach(m -> m.selectedProperty().set(false));
                    onSelect.run();
                } else {
                    action.selectedProperty().set(true); // one tool is always active
                }
            } finally {
                updating = false;
            }
        });
        return action;
    }
}
