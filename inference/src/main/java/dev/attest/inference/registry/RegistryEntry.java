package dev.attest.inference.registry;

import dev.attest.inference.manifest.ModelManifest;

import java.nio.file.Path;

/**
 * One model as listed: its id, manifest (null when broken), origin, folder holding the manifest and
 * weights (for a built-in, the cache folder it is or will be extracted to), and, for a broken one,
 * what is wrong with it.
 */
public record RegistryEntry(String id, ModelManifest manifest, ModelOrigin origin, Path folder, String problem) {

    public static RegistryEntry ok(ModelManifest manifest, ModelOrigin origin, Path folder) {
        return new RegistryEntry(manifest.id(), manifest, origin, folder, null);
    }

    public static RegistryEntry broken(String id, ModelOrigin origin, Path folder, String problem) {
        return new RegistryEntry(id, null, origin, folder, problem);
    }

    public boolean isBroken() {
        return manifest == null;
    }
}
