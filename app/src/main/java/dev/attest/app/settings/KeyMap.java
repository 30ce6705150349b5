package dev.attest.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which key triggers which action, as text in JavaFX's key-combination syntax ("Shortcut+O",
 * "Alt+1", "F2", "" for none). Holds the defaults declared with the actions and the user's
 * overrides; only the overrides are saved (keymap.json), so actions added later keep their
 * defaults. Headless: the GUI turns the text into accelerators.
 */
public final class KeyMap {
    /** A key given to more than one action, which the editor refuses. */
    public record Conflict(String key, List<String> actionIds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> defaults;
    private final Map<String, String> overrides = new TreeMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    /** @param defaults action id → default key, in declaration order */
    public KeyMap(Map<String, String> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    public Set<String> actionIds() {
        return defaults.keySet();
    }

    /** The key for an action: the user's choice if any, else the default ("" = unbound). */
    public String keyOf(String actionId) {
        requireKnown(actionId);
        return overrides.getOrDefault(actionId, defaults.get(actionId));
    }

    /** Binds an action to a key ("" unbinds); setting it back to the default drops the override. */
    public void bind(String actionId, String key) {
        requireKnown(actionId);
        String k = normalise(key);
        if (k.equals(defaults.get(actionId))) {
            overrides.remove(actionId);
        } else {
            overrides.put(actionId, k);
        }
        listeners.forEach(Runnable::run);
    }

    public void resetAll() {
        overrides.clear();
        listeners.forEach(Runnable::run);
    }

    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** Called after every change, so menus and toolbars can refresh their accelerators. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Keys bound to two or more actions (case-insensitive), in key order. */
    public List<Conflict> conflicts() {
        Map<String, List<String>> byKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String id : defaults.keySet()) {
            String key = keyOf(id);
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
        }
        List<Conflict> out = new ArrayList<>();
        byKey.forEach((key, ids) -> {
            if (ids.size() > 1) {
                out.add(new Conflict(key, List.copyOf(ids)));
            }
        });
        return out;
    }

    /** Which other action (if any) already uses a key: the editor asks before taking it over. */
    public String actionUsing(String key, String except) {
        String k = normalise(key);
        if (k.isEmpty()) {
            return null;
        }
        for (String id : defaults.keySet()) {
            if (!id.equals(except) && keyOf(id).equalsIgnoreCase(k)) {
                return id;
            }
        }
        return null;
    }

    /**
     * Loads the user's overrides. A missing file means none. An unreadable file is moved aside to
     * {@code keymap.json.broken} (never overwritten) and the defaults are used; the returned
     * message says so, and is null when all went well. Unknown action ids are kept for later
     * versions but ignored.
     */
    public String load(Path file) throws IOException {
        overrides.clear();
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IOException("expected a JSON object of action id → key");
            }
            for (var it = root.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new IOException("key for '" + e.getKey() + "' is not a string");
                }
                if (defaults.containsKey(e.getKey())) {
                    bindQuietly(e.getKey(), e.getValue().asText());
                }
            }
            listeners.forEach(Runnable::run);
            return null;
        } catch (IOException e) {
            overrides.clear();
            Path aside = SettingsFiles.keepAside(file);
            return file + ": unreadable key map (" + firstLine(e.getMessage()) + "); kept as " + aside.getFileName()
                    + ", using the default keys";
        }
    }

    private void bindQuietly(String id, String key) {
        String k = normalise(key);
        if (!k.equals(defaults.get(id))) {
            overrides.put(id, k);
        }
    }

    /** Saves the overrides atomically, as a JSON object (readable and editable by hand). */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        overrides.forEach(root::put);
        SettingsFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private void requireKnown(String actionId) {
        if (!defaults.containsKey(actionId)) {
            throw new IllegalArgumentException("no action '" + actionId + "'");
        }
    }

    private static String normalise(String key) {
        return Objects.requireNonNullElse(key, "").strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
