package dev.attest.app.bench;

import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.export.ExportOptions;
import dev.attest.app.export.ExportSummary;
import dev.attest.app.export.SetExporter;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.CaseRefs;
import dev.attest.app.review.RunFacts;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.write.SeriesWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How fast a project exports as a benchmark set: builds a project of synthetic phantom cases (each with the demo
 * segmentation's findings, scored by two reviewers), exports it several times into fresh folders and reports the
 * median cases per second and the peak heap. Prints figures; nothing here is asserted.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    /**
     * @param cases   synthetic cases in the project
     * @param size    voxels along x and y of each case (slices are size / 4)
     * @param repeats timed exports
     * @param warmup  untimed exports first (JIT)
     * @param dicom   cases stored as DICOM series and exported with --dicom
     * @param work    the folder for the project and sets
     * @param log     where progress lines go
     */
    public record Options(int cases, int size, int repeats, int warmup, boolean dicom, Path work, PrintStream log) {
        public Options {
            if (cases < 1 || size < 8 || repeats < 1 || warmup < 0) {
                throw new IllegalArgumentException("need cases >= 1, size >= 8, repeats >= 1, warmup >= 0");
            }
        }
    }

    public static Map<String, Object> run(Options o) throws IOException {
        Path project = o.work().resolve("project");
        int claims = build(project, o);
        List<Double> seconds = new ArrayList<>();
        long peak = 0;
        ExportSummary last = null;
        ExportOptions options = ExportOptions.DEFAULT.withDicom(o.dicom());
        for (int i = 0; i < o.warmup() + o.repeats(); i++) {
            Path out = o.work().resolve("set-" + i);
            HeapSampler heap = HeapSampler.start();
            long t0 = System.nanoTime();
            try (ProjectStore store = Projects.openReadOnly(project)) {
                last = SetExporter.export(store, out, options, ProgressListener.NONE, new Cancellation());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long used = heap.stop();
            if (i >= o.warmup()) {
                seconds.add(s);
                peak = Math.max(peak, used);
            }
            o.log().printf("export %d: %.3f s%s%n", i + 1, s, i < o.warmup() ? " (warm-up)" : "");
            deleteTree(out);
        }
        double median = Median.of(seconds);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cases", o.cases());
        report.put("claims", claims);
        report.put("voxelsPerCase", (long) o.size() * o.size() * Math.max(1, o.size() / 4));
        report.put("dicom", o.dicom());
        report.put("repeats", o.repeats());
        report.put("medianSeconds", round3(median));
        report.put("medianCasesPerSecond", round3(o.cases() / median));
        report.put("peakHeapMiB", round3(peak / (1024.0 * 1024.0)));
        report.put("setFiles", last.files());
        report.put("setBytes", last.bytes());
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        report.put("java", Runtime.version().toString());
        return report;
    }

    /** A project of phantom cases, two sites, both reviewers scoring every claim; returns the claim count. */
    static int build(Path folder, Options o) throws IOException {
        RunFacts run = new RunFacts("demo-ct-seg", "1.0", null, "{\"overlap\":0.5}", "PyTorch", "cpu",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:02Z"));
        int claims = 0;
        try (ProjectStore store = Projects.create(folder)) {
            long a = store.addReviewer("bench reviewer a").id();
            long b = store.addReviewer("bench reviewer b").id();
            for (int i = 0; i < o.cases(); i++) {
                CtPhantom.Result p = CtPhantom.generate(o.size(), o.size(), Math.max(1, o.size() / 4), 400.0 / o.size(),
                        1600.0 / o.size(), 20, i);
                String studyRef;
                Path image;
                if (o.dicom()) {
                    image = o.work().resolve("images").resolve("case-" + i);
                    SeriesWriter.SeriesInfo info = SeriesWriter.SeriesInfo.ct("Bench^Case" + i, "B" + i, "bench");
                    SeriesWriter.write(p.ct(), image, info, TransferSyntax.EXPLICIT_VR_LE);
                    studyRef = CaseRefs.SERIES + info.seriesInstanceUid();
                } else {
                    image = o.work().resolve("images").resolve("case-" + i + ".nii.gz");
                    Files.createDirectories(image.getParent());
                    NiftiWriter.write(p.ct(), image);
                    studyRef = image.toAbsolutePath().toString();
                }
                var added = CaseImport.add(store, new CaseDraft(studyRef, "site-" + (i % 2), "scanner", "CT",
                        image.toAbsolutePath().toString()), p.ct(), p.labels(), CtPhantom.labelDescriptions(), run, "HU");
                List<ScoreDraft> scores = new ArrayList<>();
                for (Claim c : added.claims()) {
                    boolean disagree = (claims++ % 3) == 0;
                    scores.add(new ScoreDraft(c.id(), a, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null));
                    scores.add(new ScoreDraft(c.id(), b, disagree ? Verdict.PARTIALLY_CORRECT : Verdict.CORRECT,
                            EvidenceSupport.SUPPORTS, null, null, null, null));
                }
                store.saveScores(scores);
                if (i % 5 == 0) {
                    store.addMissedFinding(added.reviewCase().id(), b, "small nodule", null);
                }
            }
        }
        return claims;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
