package dev.attest.inference.registry;

import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.DjlModelPredictor;
import dev.attest.inference.engine.EngineKind;
import dev.attest.inference.engine.EngineUnavailableException;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.meshnet.MeshNet;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.WeightFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models Attest can run: the built-in ones and those in the user's model folder. Listing reads
 * manifests only; {@link #verify} checks every file against its manifest sha256; {@link #open} verifies,
 * loads once per (model, device) and keeps the predictor until the registry is closed. Loading goes
 * through one {@link ModelLoader} per weight format, so new formats plug in without touching this class.
 * Thread-safe: every method locks the registry (loading a model holds the lock for its duration).
 */
public final class ModelRegistry implements AutoCloseable {
    private final BuiltInModels builtIns;
    private final Path userDir;
    private final Map<WeightFormat, ModelLoader> loaders = new EnumMap<>(WeightFormat.class);
    private final Map<String, ModelStatus> statuses = new HashMap<>();
    private final Map<String, PatchPredictor> loaded = new LinkedHashMap<>();

    /** @param userDir the user's model folder ({@code <config dir>/models}); need not exist yet */
    public ModelRegistry(BuiltInModels builtIns, Path userDir) {
        this.builtIns = builtIns;
        this.userDir = userDir;
        loaders.put(WeightFormat.TORCHSCRIPT, (m, folder, device) -> DjlModelPredictor.load(folder.resolve(m.weights()),
                engineOf(m, EngineKind.PYTORCH), device));
        loaders.put(WeightFormat.ONNX, (m, folder, device) -> DjlModelPredictor.load(folder.resolve(m.weights()),
                engineOf(m, EngineKind.ONNXRUNTIME), device));
        loaders.put(WeightFormat.TFJS_MESHNET, MeshNet::load);
    }

    /** Attest's built-in models (extracted under {@code cacheDir}) and the user's folder. */
    public static ModelRegistry standard(Path userDir, Path cacheDir) {
        return new ModelRegistry(BuiltInModels.standard(cacheDir), userDir);
    }

    private static EngineKind engineOf(ModelManifest m, EngineKind fallback) {
        return m.engine() == null || m.engine().isBlank() ? fallback : EngineKind.parse(m.engine());
    }

    /** Makes {@code format} loadable (or replaces its loader), e.g. TFJS_MESHNET with {@code MeshNet::load}. */
    public synchronized void registerLoader(WeightFormat format, ModelLoader loader) {
        loaders.put(format, loader);
    }

    public Path userDir() {
        return userDir;
    }

    /**
     * Built-in models first (index order), then the user's (folder order). A user model whose id is
     * already taken (by a built-in or an earlier folder) is listed as broken, so an id always names one
     * set of weights.
     */
    public synchronized List<RegistryEntry> list() {
        List<RegistryEntry> out = new ArrayList<>(builtIns.list());
        Set<String> ids = new HashSet<>();
        out.forEach(e -> ids.add(e.id()));
        for (RegistryEntry e : UserModels.scan(userDir)) {
            if (!e.isBroken() && !ids.add(e.id())) {
                out.add(RegistryEntry.broken(e.id(), ModelOrigin.USER, e.folder(),
                        e.folder().resolve("manifest.json") + ": id '" + e.id() + "' is already used by another model"));
            } else {
                ids.add(e.id());
                out.add(e);
            }
        }
        return out;
    }

    /** The usable entry with this id (a broken one is reported with its reason). */
    public synchronized RegistryEntry entry(String id) {
        RegistryEntry broken = null;
        for (RegistryEntry e : list()) {
            if (e.id().equals(id)) {
                if (!e.isBroken()) {
                    return e;
                }
                broken = broken == null ? e : broken;
            }
        }
        if (broken != null) {
            throw new UnknownModelException(id, "model " + id + " cannot be used: " + broken.problem());
        }
        throw new UnknownModelException(id, "no model with id '" + id + "' (built-in or in " + userDir + ")");
    }

    /** What this session knows of the model (see {@link ModelStatus}). */
    public synchronized ModelStatus status(RegistryEntry e) {
        return e.isBroken() ? ModelStatus.BROKEN : statuses.getOrDefault(e.id(), ModelStatus.AVAILABLE);
    }

    /**
     * Checks every file of the model against its manifest sha256 (a built-in is first extracted to the
     * cache, re-extracting any file that differs). Returns the folder holding the verified files.
     *
     * @throws WeightMismatchException naming the file, the expected and the actual digest
     */
    public synchronized Path verify(String id) {
        RegistryEntry e = entry(id);
        try {
            Path folder = e.origin() == ModelOrigin.BUILT_IN ? builtIns.extract(e.manifest()) : e.folder();
            ModelFileCheck.verify(e.manifest(), folder);
            if (statuses.get(id) != ModelStatus.LOADED) {
                statuses.put(id, ModelStatus.VERIFIED);
            }
            return folder;
        } catch (WeightMismatchException ex) {
            statuses.put(id, ModelStatus.MISMATCH);
            throw ex;
        } catch (IOException ex) {
            throw new UncheckedIOException("model " + id + ": cannot read its files: " + ex.getMessage(), ex);
        }
    }

    private synchronized ModelLoader loaderFor(ModelManifest m) {
        ModelLoader loader = loaders.get(m.format());
        if (loader == null) {
            throw new EngineUnavailableException("model " + m.id() + ": no loader is registered for weight format "
                    + m.format() + " (ModelRegistry.registerLoader)");
        }
        return loader;
    }

    /**
     * A model from a manifest file outside the registry (e.g. {@code attest infer --model path/manifest.json}),
     * verified like a registered one and loaded by the same loaders. The caller owns and closes it.
     */
    public PatchPredictor openManifest(Path manifestFile, DeviceChoice device) {
        ModelManifest m = ManifestJson.read(manifestFile);
        Path folder = manifestFile.toAbsolutePath().getParent();
        ModelLoader loader = loaderFor(m);
        ModelFileCheck.verify(m, folder);
        return loader.load(m, folder, device);
    }

    /**
     * The model loaded on the chosen device, verified first; loaded once and then shared. The registry
     * owns it: do not close it, close the registry (the predictor itself is not thread-safe, see
     * {@link PatchPredictor}).
     *
     * @throws EngineUnavailableException when no loader is registered for the model's weight format
     */
    public synchronized PatchPredictor open(String id, DeviceChoice device) {
        String key = id + "@" + device;
        PatchPredictor p = loaded.get(key);
        if (p != null) {
            return p;
        }
        RegistryEntry e = entry(id);
        ModelLoader loader = loaderFor(e.manifest());
        Path folder = verify(id);
        p = loader.load(e.manifest(), folder, device);
        loaded.put(key, p);
        statuses.put(id, ModelStatus.LOADED);
        return p;
    }

    /**
     * Copies a model into the user folder (see {@link ModelImporter}), refusing a built-in's id, and
     * forgets any loaded copy of a replaced model.
     */
    public synchronized ImportResult importModel(ModelImporter importer, Path source, ModelImporter.Options options)
            throws IOException {
        Set<String> builtInIds = new HashSet<>();
        builtIns.list().forEach(b -> builtInIds.add(b.id()));
        ImportResult r = importer.importModel(source, userDir, options, builtInIds);
        unload(r.manifest().id());
        statuses.remove(r.manifest().id());
        return r;
    }

    private void unload(String id) {
        loaded.entrySet().removeIf(en -> {
            if (en.getKey().startsWith(id + "@")) {
                en.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** Closes every loaded model. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (PatchPredictor p : loaded.values()) {
            try {
                p.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        loaded.clear();
        statuses.replaceAll((k, v) -> v == ModelStatus.LOADED ? ModelStatus.VERIFIED : v);
        if (first != null) {
            throw first;
        }
    }
}
