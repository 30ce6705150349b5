package dev.attest.inference.registry;

import dev.attest.core.io.Sha256;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.monai.MonaiBundle;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies a model into the user's model folder as {@code <id>/manifest.json} plus its files. The first
 * {@link ManifestSource} that accepts the folder decides what it is. Every file's sha256 is computed
 * while it is copied; a digest the source declared must match. The copy is assembled in a hidden
 * folder and renamed into place, so the registry never sees half a model; an existing id is refused
 * unless replacing is asked for.
 */
public final class ModelImporter {
    /** How to import: under another id (null: the source's own), and whether an existing id may be replaced. */
    public record Options(String id, boolean replace) {
        public static Options defaults() {
            return new Options(null, false);
        }
    }

    private final List<ManifestSource> sources;

    public ModelImporter(List<ManifestSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Attest folders, MONAI bundles, and brainchop TF.js folders (rebuilt as MeshNets). */
    public static ModelImporter standard() {
        return new ModelImporter(List.of(new AttestFolderSource(), monaiBundles(),
                new TfjsModelSource()));
    }

    /** The same importer with another source tried first (e.g. a TF.js source with the MeshNet importer). */
    public ModelImporter withFirst(ManifestSource source) {
        List<ManifestSource> all = new ArrayList<>();
        all.add(source);
        all.addAll(sources);
        return new ModelImporter(all);
    }

    static ManifestSource monaiBundles() {
        return new ManifestSource() {
            @Override
            public String kind() {
                return "MONAI bundle";
            }

            @Override
            public boolean accepts(Path dir) {
                return MonaiBundle.isBundle(dir);
            }

            @Override
            public ImportPlan plan(Path dir) throws IOException {
                MonaiBundle.Result r = MonaiBundle.read(dir);
                return new ImportPlan(r.manifest(), r.extraFiles(), r.notes());
            }
        };
    }

    /** Imports with the source's own id, refusing one that exists. */
    public ImportResult importModel(Path source, Path userModelsDir) throws IOException {
        return importModel(source, userModelsDir, Options.defaults(), Set.of());
    }

    /** @param reservedIds ids that may not be taken (the built-in models') */
    public ImportResult importModel(Path source, Path userModelsDir, Options options, Set<String> reservedIds)
            throws IOException {
        if (!Files.isDirectory(source)) {
            throw new ImportException(source, "not a folder (a model is imported from its folder)");
        }
        ManifestSource kind = sources.stream().filter(s -> s.accepts(source)).findFirst()
                .orElseThrow(() -> new ImportException(source, "not a model folder: expected manifest.json, a MONAI bundle"
                        + " (configs/metadata.json and models/model.ts) or a TF.js model.json"));
        ImportPlan plan = kind.plan(source);
        ModelManifest m = plan.manifest();
        if (options.id() != null) {
            m = m.withId(options.id());
        }
        if (!ManifestChecks.isValidId(m.id())) {
            throw new ImportException(source, "id '" + m.id() + "' is not usable: 1-64 characters of a-z, 0-9, '.', '_' or '-'"
                    + " (choose one with the id option)");
        }
        String id = m.id();
        if (reservedIds.contains(id)) {
            throw new ImportException(source, "id '" + id + "' belongs to a built-in model; choose another id");
        }
        Path target = userModelsDir.resolve(id);
        if (Files.exists(target) && !options.replace()) {
            throw new ImportException(source, "a model with id '" + id + "' already exists in " + target
                    + "; ask to replace it or choose another id");
        }
        Files.createDirectories(userModelsDir);
        Path staging = userModelsDir.resolve(".import-" + id + "-" + UUID.randomUUID());
        try {
            m = copyFiles(source, m, plan, staging, id);
            String problem = ManifestChecks.problem(m);
            if (problem != null) {
                throw new ImportException(source, problem);
            }
            ManifestJson.write(m, staging.resolve(ManifestJson.FILE_NAME));
            if (Files.exists(target)) {
                Path old = userModelsDir.resolve(".replaced-" + id + "-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(staging);
        }
        return new ImportResult(m, target, kind.kind(), plan.notes());
    }

    /** Copies the manifest's files (digesting as it goes) and the extras; returns the manifest with every sha256 filled in. */
    private static ModelManifest copyFiles(Path source, ModelManifest m, ImportPlan plan, Path staging, String id)
            throws IOException {
        Files.createDirectories(staging);
        String weightsSha = null;
        List<ModelFile> others = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        for (ModelFile f : m.allFiles()) {
            String check = ManifestChecks.pathProblem(f.path());
            if (check != null) {
                throw new ImportException(source, check);
            }
            Path from = source.resolve(f.path());
            if (!Files.isRegularFile(from)) {
                throw new ImportException(source, f.path() + " is named by the model but missing");
            }
            Path to = staging.resolve(f.path());
            Files.createDirectories(to.getParent());
            String actual;
            try (InputStream in = Files.newInputStream(from)) {
                actual = Sha256.copy(in, to);
            }
            if (f.sha256() != null && !actual.equalsIgnoreCase(f.sha256())) {
                throw new WeightMismatchException(id, from, f.sha256(), actual);
            }
            if (copied.isEmpty()) {
                weightsSha = actual;
            } else {
                others.add(new ModelFile(f.path(), actual));
            }
            copied.add(f.path());
        }
        for (String extra : plan.extraFiles()) {
            if (!copied.contains(extra) && Files.isRegularFile(source.resolve(extra))) {
                Path to = staging.resolve(extra);
                Files.createDirectories(to.getParent());
                Files.copy(source.resolve(extra), to);
            }
        }
        return m.withDigests(weightsSha, others);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
