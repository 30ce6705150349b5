package dev.attest.app.gui;

import dev.attest.app.settings.KeyMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All actions of the workstation in declaration order, and the key map made from their defaults.
 * Declare every action before {@link #keyMap()} is first asked for.
 */
public final class ActionRegistry {
    private final Map<String, AppAction> actions = new LinkedHashMap<>();
    private KeyMap keyMap;

    public AppAction add(AppAction action) {
        if (keyMap != null) {
            throw new IllegalStateException("actions are declared before the key map is built: " + action.id());
        }
        if (actions.putIfAbsent(action.id(), action) != null) {
            throw new IllegalArgumentException("action declared twice: " + action.id());
        }
        return action;
    }

    public AppAction get(String id) {
        AppAction a = actions.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no action " + id);
        }
        return a;
    }

    public List<AppAction> all() {
        return Collections.unmodifiableList(new ArrayList<>(actions.values()));
    }

    /** The key map over every declared action; accelerators follow its changes. */
    public KeyMap keyMap() {
        if (keyMap == null) {
            Map<String, String> defaults = new LinkedHashMap<>();
            actions.values().forEach(a -> defaults.put(a.id(), a.defaultKey()));
            keyMap = new KeyMap(defaults);
            keyMap.addListener(() -> actions.values().forEach(a -> a.applyKey(keyMap)));
            actions.values().forEach(a -> a.applyKey(keyMap));
        }
        return keyMap;
    }
}
