package dev.attest.app.settings;

import java.nio.file.Path;

/**
 * Where Attest keeps the user's settings (key map, recent files): {@code -Dattest.config.dir},
 * else {@code $XDG_CONFIG_HOME/attest}, else {@code ~/.config/attest}.
 */
public final class UserDirs {
    private UserDirs() {
    }

    public static Path config() {
        String override = System.getProperty("attest.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("attest");
    }
}
