package dev.attest.app.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the four files of a probe into a folder, the same for {@code attest probe --out} and the workstation's
 * Save: probes.json, probes.csv, probes-groups.csv ({@link ProbeTables}) and probes.svg ({@link StabilityPlot}).
 * Each file is written in full under a temporary name first and only then renamed, so a failure (a full disk, a
 * folder that cannot be written) never leaves a truncated file under a probe file's name.
 */
public final class ProbeFiles {
    public static final String SVG = "probes.svg";
    /** The files written, in the order written. */
    public static final List<String> NAMES = List.of(ProbeTables.JSON, ProbeTables.CSV, ProbeTables.GROUPS_CSV, SVG);
    private static final String PART = ".part";

    private ProbeFiles() {
    }

    /** Writes the files into dir (created if missing) and returns them. */
    public static List<Path> write(ProbeReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> parts = new ArrayList<>();
        try {
            for (String name : NAMES) {
                Path part = dir.resolve(name + PART);
                parts.add(part);
                switch (name) {
                    case ProbeTables.JSON -> ProbeTables.writeJson(report, part);
                    case ProbeTables.CSV -> ProbeTables.writeCsv(report, part);
                    case ProbeTables.GROUPS_CSV -> ProbeTables.writeGroupsCsv(report, part);
                    default -> StabilityPlot.write(report.groups(), plotTitle(report), report.topPercent(), part);
                }
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < NAMES.size(); i++) {
                Path target = dir.resolve(NAMES.get(i));
                Files.move(parts.get(i), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** "Stability of demo-ct-seg under perturbation (1 case, evidence foreground)": the plot's title. */
    public static String plotTitle(ProbeReport report) {
        int n = report.cases().size();
        return "Stability of " + report.model().id() + " under perturbation (" + n + (n == 1 ? " case" : " cases")
                + ", evidence " + report.evidence() + ")";
    }
}
