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

    /**
     * Where Attest keeps files it can make again (extracted built-in models): {@code -Dattest.cache.dir},
     * else {@code $XDG_CACHE_HOME/attest}, else {@code ~/.cache/attest}.
     */
    public static Path cache() {
        String override = System.getProperty("attest.cache.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("attest");
    }

    /** The user's imported models, one folder each: {@code <config dir>/models}. */
    public static Path models() {
        return config().resolve("models");
    }
}
