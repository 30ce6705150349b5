package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.app.settings.UserDirs;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.registry.ImportResult;
import dev.attest.inference.registry.ModelImporter;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.registry.ModelStatus;
import dev.attest.inference.registry.RegistryEntry;
import dev.attest.inference.registry.WeightMismatchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest models list|import|verify}: the models Attest can run, built-in and the user's own. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, import and verify the models Attest can run.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.ImportModel.class, ModelsCommand.VerifyModels.class})
public final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The registry over the built-in models and {@code <config dir>/models}. */
    public static ModelRegistry openRegistry() {
        return ModelRegistry.standard(UserDirs.models(), UserDirs.cache().resolve("models"));
    }

    /** {@code attest models list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models (built-in and imported) without loading them.")
    static final class ListModels implements Callable<Integer> {
        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (ModelRegistry registry = openRegistry()) {
                List<RegistryEntry> entries = registry.list();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (RegistryEntry e : entries) {
                        rows.add(row(e, registry.status(e)));
                    }
                    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
                } else {
                    System.out.print(ModelTable.render(entries, registry::status, registry.userDir()));
                }
            }
            return 0;
        }

        private static Map<String, Object> row(RegistryEntry e, ModelStatus status) {
            Map<String, Object> r = new LinkedHashMap<>();
            ModelManifest m = e.manifest();
            r.put("id", e.id());
            if (m != null) {
                r.put("name", m.name());
                r.put("version", m.version());
                r.put("task", m.task() == null ? null : m.task().name().toLowerCase());
                r.put("engine", ModelTable.engine(m));
                r.put("format", m.format().name().toLowerCase());
                r.put("sha256", m.sha256());
            }
            r.put("origin", e.origin().display());
            r.put("status", status.display());
            r.put("folder", e.folder().toString());
            if (e.problem() != null) {
                r.put("problem", e.problem());
            }
            return r;
        }
    }

    /** {@code attest models import PATH [--id ID] [--replace]}. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Copy a model folder (Attest manifest.json, MONAI bundle, brainchop TF.js)"
            + " into the user's model folder, recording every file's sha256.")
    static final class ImportModel implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH")
        Path source;

        @Option(names = "--id", paramLabel = "ID", description = "import under this id instead of the model's own")
        String id;

        @Option(names = "--replace", description = "replace a model that already has this id")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            try (ModelRegistry registry = openRegistry()) {
                ImportResult r = registry.importModel(ModelImporter.standard(), source, new ModelImporter.Options(id, replace));
                System.out.println("Imported " + r.manifest().id() + " (" + r.sourceKind() + ") into " + r.folder());
                r.notes().forEach(n -> System.out.println("  note: " + n));
            }
            return 0;
        }
    }

    /** {@code attest models verify [ID]}: exit 1 when any file is missing or differs from its manifest. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check every model file (or those of one model) against its manifest sha256.")
    static final class VerifyModels implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            int failures = 0;
            try (ModelRegistry registry = openRegistry()) {
                List<RegistryEntry> targets = id != null ? List.of(registry.entry(id)) : registry.list();
                for (RegistryEntry e : targets) {
                    if (e.isBroken()) {
                        err.println("attest: model " + e.id() + " is broken: " + e.problem());
                        failures++;
                        continue;
                    }
                    try {
                        registry.verify(e.id());
                        System.out.println(e.id() + ": ok (" + e.manifest().allFiles().size() + " file(s))");
                    } catch (WeightMismatchException ex) {
                        err.println("attest: " + ex.getMessage());
                        failures++;
                    }
                }
            }
            err.flush();
            return failures == 0 ? 0 : 1;
        }
    }
}
