package dev.attest.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's key map: defaults, overrides saved and read back, conflicts, and a broken file kept aside. */
class KeyMapTest {
    private static KeyMap map() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("file.open", "Shortcut+O");
        d.put("view.reset", "R");
        d.put("view.invert", "I");
        return new KeyMap(d);
    }

    @Test
    void onlyOverridesAreSavedAndTheyComeBack(@TempDir Path dir) throws IOException {
        KeyMap keys = map();
        keys.bind("view.reset", "Shift+R");
        keys.bind("view.invert", "I"); // back to its default: no override
        Path file = dir.resolve("keymap.json");
        keys.save(file);
        assertEquals("{\n  \"view.reset\" : \"Shift+R\"\n}\n", Files.readString(file));
        KeyMap again = map();
        assertNull(again.load(file));
        assertEquals("Shift+R", again.keyOf("view.reset"));
        assertEquals("Shortcut+O", again.keyOf("file.open"));
        assertEquals(Map.of("view.reset", "Shift+R"), again.overrides());
    }

    @Test
    void conflictsAreFoundCaseInsensitively() {
        KeyMap keys = map();
        keys.bind("view.invert", "r");
        assertEquals(List.of(new KeyMap.Conflict("R", List.of("view.reset", "view.invert"))), keys.conflicts());
        assertEquals("view.reset", keys.actionUsing("R", "view.invert"));
        keys.bind("view.reset", "");
        assertTrue(keys.conflicts().isEmpty());
        assertEquals("", keys.keyOf("view.reset"));
    }

    @Test
    void aBrokenFileIsKeptAsideAndTheDefaultsApply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keymap.json");
        Files.writeString(file, "{\"view.reset\": 5");
        KeyMap keys = map();
        String problem = keys.load(file);
        assertTrue(problem.startsWith(file + ": unreadable key map ("), problem);
        assertTrue(problem.endsWith("); kept as keymap.json.broken, using the default keys"), problem);
        assertFalse(Files.exists(file));
        assertEquals("{\"view.reset\": 5", Files.readString(dir.resolve("keymap.json.broken")));
        assertEquals("R", keys.keyOf("view.reset"));
    }

    @Test
    void unknownActionsInTheFileAreIgnoredAndListenersHearChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keymap.json");
        Files.writeString(file, "{\"gone.action\": \"X\", \"file.open\": \"Shortcut+Shift+P\"}");
        KeyMap keys = map();
        int[] heard = {0};
        keys.addListener(() -> heard[0]++);
        assertNull(keys.load(file));
        assertEquals(1, heard[0]);
        assertEquals("Shortcut+Shift+P", keys.keyOf("file.open"));
        keys.resetAll();
        assertEquals(2, heard[0]);
        assertEquals("Shortcut+O", keys.keyOf("file.open"));
    }
}
