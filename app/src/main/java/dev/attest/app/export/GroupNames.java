package dev.attest.app.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The names a set gives sites or scanners: the recorded names when the export retains institution (or device)
 * identity, else "site-1", "site-2", ... in the order cases first name them. Unknown stays unknown (null), and
 * the metrics' "(none)" group keeps its name.
 */
final class GroupNames implements Function<String, String> {
    private final Map<String, String> names;

    private GroupNames(Map<String, String> names) {
        this.names = names;
    }

    /** @param recorded the recorded value of each case, in case order (nulls and blanks allowed) */
    static GroupNames of(List<String> recorded, boolean keep, String prefix) {
        if (keep) {
            return new GroupNames(null);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : recorded) {
            if (v != null && !v.isBlank()) {
                m.computeIfAbsent(v, k -> ExportIds.label(prefix, m.size() + 1, 0));
            }
        }
        return new GroupNames(m);
    }

    /** The set's name for a recorded value; null and blank give null, the metrics' "(none)" stays. */
    @Override
    public String apply(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        if (names == null || recorded.equals(dev.attest.annotation.metrics.project.ProjectMetrics.NONE)) {
            return recorded;
        }
        String n = names.get(recorded);
        if (n == null) {
            throw new IllegalStateException("a group value appeared that no case records");
        }
        return n;
    }
}
