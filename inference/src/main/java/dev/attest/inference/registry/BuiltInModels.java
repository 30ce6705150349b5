package dev.attest.inference.registry;

import dev.attest.core.io.Sha256;
import dev.attest.inference.manifest.ManifestFormatException;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The models shipped inside Attest as classpath resources: {@code <root>index.txt} lists one id per
 * line ('#' starts a comment), and {@code <root><id>/manifest.json} with the files it names sits
 * beside it. DJL needs real files, so a model is extracted to {@code <cache>/<id>/} on first use;
 * a file already there is kept only if its sha256 is the manifest's, and every new file is written
 * to a temporary name and renamed into place, so a crash or a second process never leaves a half file.
 */
public final class BuiltInModels {
    /** Where Attest's own models live on the classpath. */
    public static final String DEFAULT_ROOT = "dev/attest/models/";

    private final ClassLoader loader;
    private final String root;
    private final Path cacheDir;

    /** @param root resource folder ending in '/', without a leading '/' (e.g. "dev/attest/models/") */
    public BuiltInModels(ClassLoader loader, String root, Path cacheDir) {
        this.loader = loader;
        this.root = root.endsWith("/") ? root : root + "/";
        this.cacheDir = cacheDir;
    }

    /** Attest's built-in models, extracted under {@code cacheDir}. */
    public static BuiltInModels standard(Path cacheDir) {
        return new BuiltInModels(BuiltInModels.class.getClassLoader(), DEFAULT_ROOT, cacheDir);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** Reads the index and each manifest (no weights); a bad manifest is listed as broken. */
    public List<RegistryEntry> list() {
        List<RegistryEntry> out = new ArrayList<>();
        for (String id : ids()) {
            Path folder = cacheDir.resolve(id);
            String name = root + id + "/" + ManifestJson.FILE_NAME;
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    out.add(RegistryEntry.broken(id, ModelOrigin.BUILT_IN, folder, name + " is not on the classpath"));
                    continue;
                }
                ModelManifest m = ManifestJson.read(in.readAllBytes(), Path.of(name));
                String problem = !m.id().equals(id) ? name + ": id '" + m.id() + "' differs from the index entry '" + id + "'"
                        : ManifestChecks.problem(m);
                out.add(problem == null ? RegistryEntry.ok(m, ModelOrigin.BUILT_IN, folder)
                        : RegistryEntry.broken(id, ModelOrigin.BUILT_IN, folder, problem));
            } catch (ManifestFormatException e) {
                out.add(RegistryEntry.broken(id, ModelOrigin.BUILT_IN, folder, e.getMessage()));
            } catch (IOException e) {
                out.add(RegistryEntry.broken(id, ModelOrigin.BUILT_IN, folder, name + ": cannot read: " + e.getMessage()));
            }
        }
        return out;
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(root + "index.txt")) {
            if (in == null) {
                return ids;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!id.isEmpty() && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root + "index.txt from the classpath", e);
        }
        return ids;
    }

    /**
     * Makes sure {@code <cache>/<id>/} holds the manifest and every file with the manifest's sha256,
     * extracting what is missing or different; returns the folder.
     *
     * @throws WeightMismatchException when a shipped resource itself does not match its manifest
     */
    public Path extract(ModelManifest m) throws IOException {
        Path folder = cacheDir.resolve(m.id());
        Files.createDirectories(folder);
        for (ModelFile f : m.allFiles()) {
            Path target = folder.resolve(f.path());
            if (Files.isRegularFile(target) && Sha256.of(target).equalsIgnoreCase(f.sha256())) {
                continue;
            }
            String resource = root + m.id() + "/" + f.path();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new WeightMismatchException(m.id(), Path.of(resource), f.sha256(), null);
                }
                String actual = Sha256.copy(in, tmp);
                if (!actual.equalsIgnoreCase(f.sha256())) {
                    throw new WeightMismatchException(m.id(), Path.of(resource), f.sha256(), actual);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        Path manifestFile = folder.resolve(ManifestJson.FILE_NAME);
        String json = ManifestJson.toJson(m);
        if (!Files.isRegularFile(manifestFile) || !Files.readString(manifestFile).equals(json)) {
            ManifestJson.write(m, manifestFile);
        }
        return folder;
    }
}
