package dev.attest.app.cli;

import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.registry.ModelStatus;
import dev.attest.inference.registry.RegistryEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The text table of {@code attest models list}: one row per model, then the reason for each broken one. */
final class ModelTable {
    private static final String[] HEADERS = {"ID", "NAME", "VERSION", "TASK", "ENGINE", "ORIGIN", "STATUS"};

    private ModelTable() {
    }

    static String engine(ModelManifest m) {
        return m.engine() != null ? m.engine() : m.format().name().toLowerCase(Locale.ROOT);
    }

    static String render(List<RegistryEntry> entries, Function<RegistryEntry, ModelStatus> status, Path userDir) {
        if (entries.isEmpty()) {
            return "No models. Import one with: attest models import PATH   (user folder: " + userDir + ")\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (RegistryEntry e : entries) {
            ModelManifest m = e.manifest();
            rows.add(new String[] {e.id(), m == null ? "-" : orDash(m.name()), m == null ? "-" : orDash(m.version()),
                    m == null || m.task() == null ? "-" : m.task().name().toLowerCase(Locale.ROOT),
                    m == null ? "-" : engine(m), e.origin().display(), status.apply(e).display()});
        }
        int[] width = new int[HEADERS.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(String.format("%-" + width[i] + "s", r[i]));
                if (i < r.length - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        for (RegistryEntry e : entries) {
            if (e.isBroken()) {
                sb.append(e.id()).append(": ").append(e.problem()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
