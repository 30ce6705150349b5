package dev.attest.app;

import java.nio.file.Path;

/**
 * Points Attest's model registry (attest.config.dir) and cache (attest.cache.dir) at a test's own folders, so a
 * test that imports models never touches the user's, and puts both properties back as they were on close.
 */
public final class ModelFolders implements AutoCloseable {
    private static final String CONFIG = "attest.config.dir";
    private static final String CACHE = "attest.cache.dir";

    private final String savedConfig;
    private final String savedCache;

    private ModelFolders(Path dir) {
        savedConfig = System.getProperty(CONFIG);
        savedCache = System.getProperty(CACHE);
        System.setProperty(CONFIG, dir.resolve("config").toString());
        System.setProperty(CACHE, dir.resolve("cache").toString());
    }

    /** dir/config and dir/cache from now until close. */
    public static ModelFolders under(Path dir) {
        return new ModelFolders(dir);
    }

    @Override
    public void close() {
        restore(CONFIG, savedConfig);
        restore(CACHE, savedCache);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
