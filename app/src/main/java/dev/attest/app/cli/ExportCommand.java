package dev.attest.app.cli;

import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.export.ExportOptions;
import dev.attest.app.export.ExportSummary;
import dev.attest.app.export.SetExporter;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.deid.DeidOption;
import dev.attest.dicom.deid.DeidOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest export PROJECT OUT [--zip] [--dicom] [--deid-option OPT]...}: writes the project as a de-identified
 * benchmark set (docs/export.md) and prints what it wrote as JSON. Opens the project read-only; the project's
 * de-identification key and UID map are created beside project.db on first export.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a project as a de-identified benchmark set (JSONL + NIfTI + Croissant; see docs/export.md).")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "OUT", description = "the set folder to create (must be missing or empty)")
    Path out;

    @Option(names = "--zip", description = "also write OUT.zip")
    boolean zip;

    @Option(names = "--dicom", description = "also write the images as de-identified DICOM under images/dicom/")
    boolean dicom;

    @Option(names = "--deid-option", split = ",", paramLabel = "OPT",
            description = "PS3.15 options (replace the default RETAIN_DEVICE_IDENTITY,RETAIN_INSTITUTION_IDENTITY): "
                    + "${COMPLETION-CANDIDATES}")
    List<DeidOption> deidOptions;

    @Option(names = "--basic-profile", description = "the Basic Profile with no option: site and scanner names are"
            + " replaced by pseudonyms")
    boolean basicProfile;

    @picocli.CommandLine.Mixin
    ClaimMetricsFlags metricsFlags = new ClaimMetricsFlags();

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", description = "interval level (default 0.95)")
    double level;

    @Option(names = "--name", defaultValue = "attest-benchmark-set", paramLabel = "NAME", description = "the set's name")
    String name;

    @Option(names = "--license", paramLabel = "URL", description = "licence URL (SPDX recommended)")
    String license;

    @Option(names = "--creator", paramLabel = "WHO", description = "who made the set")
    String creator;

    @Option(names = "--url", paramLabel = "URL", description = "where the set will be published")
    String url;

    @Override
    public Integer call() throws Exception {
        if (basicProfile && deidOptions != null) {
            throw new IllegalArgumentException("--basic-profile and --deid-option contradict each other; give one");
        }
        DeidOptions deid = basicProfile ? DeidOptions.basic()
                : deidOptions != null ? new DeidOptions(EnumSet.copyOf(deidOptions)) : ExportOptions.DEFAULT_DEID;
        // An export records bootstrap and partial-correct settings only, so its metrics use the default ground truth.
        MetricsOptions metrics = metricsFlags.options(level, GroundTruthOptions.DEFAULT);
        ExportOptions options = ExportOptions.DEFAULT.withDeid(deid).withDicom(dicom).withZip(zip).withMetrics(metrics)
                .withDescription(name, license, creator, url);
        ExportSummary s;
        try (ProjectStore store = Projects.openReadOnly(project)) {
            s = SetExporter.export(store, out, options, ProgressListener.NONE, new Cancellation());
        }
        s.warnings().forEach(w -> System.err.println("attest export: " + w));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("set", s.folder().toString());
        json.put("zip", s.zip() == null ? null : s.zip().toString());
        json.put("cases", s.cases());
        json.put("casesWithoutImage", s.casesWithoutImage());
        json.put("claims", s.claims());
        json.put("scores", s.scores());
        json.put("reviewers", s.reviewers());
        json.put("files", s.files());
        json.put("bytes", s.bytes());
        json.put("textsScanned", s.textsScanned());
        json.put("redactions", s.redactions());
        json.put("dicomWritten", s.dicomWritten());
        json.put("dicomNotWritten", s.dicomNotWritten());
        json.put("warnings", s.warnings().size());
        StatsCommand.printJson(json);
        return 0;
    }
}
