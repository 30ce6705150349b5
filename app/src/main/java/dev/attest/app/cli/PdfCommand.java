package dev.attest.app.cli;

import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.pdf.CaseReportOptions;
import dev.attest.app.pdf.PdfReports;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import dev.attest.reports.pdf.CaseReportData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code attest pdf case|summary}: a case's review report or the project's benchmark summary as PDF. Opens the
 * project read-only, so it runs beside a workstation that has the project open.
 */
@Command(name = "pdf", description = "PDF reports of a project: one case's review, or the benchmark summary.",
        subcommands = {PdfCommand.Case.class, PdfCommand.Summary.class})
public final class PdfCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code attest pdf case PROJECT CASE_ID OUT.pdf [--blinded --reviewer NAME] [--key-images N]}. */
    @Command(name = "case", mixinStandardHelpOptions = true,
            description = "One case's claims, checks, scores and key images as a PDF.")
    static final class Case implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Parameters(index = "1", paramLabel = "CASE_ID", description = "the case's id, or its study reference")
        String caseId;

        @Parameters(index = "2", paramLabel = "OUT.pdf")
        Path out;

        @Option(names = "--blinded", description = "hide the model and every reviewer but --reviewer")
        boolean blinded;

        @Option(names = "--reviewer", paramLabel = "NAME", description = "the reviewer a blinded report is for")
        String reviewer;

        @Option(names = "--key-images", paramLabel = "N", defaultValue = "" + CaseReportOptions.DEFAULT_KEY_IMAGES,
                description = "at most N key images (default ${DEFAULT-VALUE}; 0 for none)")
        int keyImages;

        @Override
        public Integer call() throws Exception {
            if (reviewer != null && !blinded) {
                throw new IllegalArgumentException("--reviewer chooses whose view a blinded report shows; add --blinded");
            }
            CaseReportOptions options = blinded ? CaseReportOptions.blindedFor(reviewer, keyImages)
                    : CaseReportOptions.unblinded(keyImages);
            try (ProjectStore store = Projects.openReadOnly(project)) {
                long id = caseIdOf(store, caseId);
                CaseReportData data = PdfReports.writeCaseReport(store, id, options, out, Clock.systemUTC(),
                        ProgressListener.NONE, new Cancellation());
                int images = data.keyImages().size();
                System.out.println("wrote " + out + ": case " + id + ", " + data.claims().size() + " claims, "
                        + images + (images == 1 ? " key image" : " key images")
                        + (data.blinded() ? ", blinded for " + reviewer : ""));
                if (!data.keyImageNote().isBlank()) {
                    System.out.println(data.keyImageNote());
                }
            }
            return 0;
        }

        /** A number is a case id; anything else must be a case's study reference. */
        static long caseIdOf(ProjectStore store, String given) {
            List<ReviewCase> cases = store.cases();
            if (given.matches("[0-9]+")) {
                long id = Long.parseLong(given);
                if (cases.stream().anyMatch(c -> c.id() == id)) {
                    return id;
                }
            }
            return cases.stream().filter(c -> c.studyRef().equals(given)).findFirst().map(ReviewCase::id)
                    .orElseThrow(() -> new IllegalArgumentException("project " + store.folder() + " has no case with id"
                            + " or study reference '" + given + "' (" + cases.size() + " cases; attest project status"
                            + " lists them)"));
        }
    }

    /**
     * {@code attest pdf summary PROJECT OUT.pdf [--resamples N] [--seed S] [--partial-correct] [--tau MM]
     * [--percentile P] [--pointing-tolerance MM]}: the last three as {@code attest metrics} takes them.
     */
    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "The project's verdicts, check failure rates and metrics with 95% intervals as a PDF.")
    static final class Summary implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Parameters(index = "1", paramLabel = "OUT.pdf")
        Path out;

        @picocli.CommandLine.Mixin
        ClaimMetricsFlags metricsFlags = new ClaimMetricsFlags();

        @picocli.CommandLine.Mixin
        GroundTruthFlags groundTruthFlags = new GroundTruthFlags();

        @Override
        public Integer call() throws Exception {
            // The PDF's tables say 95 %; the interval level is not an option here.
            MetricsOptions options = metricsFlags.options(0.95, groundTruthFlags.options());
            try (ProjectStore store = Projects.openReadOnly(project)) {
                BenchmarkSummaryData data = PdfReports.writeBenchmarkSummary(store, options, out,
                        Clock.systemUTC());
                System.out.println("wrote " + out + ": " + data.counts().cases() + " cases, " + data.counts().claims()
                        + " claims, " + data.counts().scores() + " scores, " + data.metrics().size() + " metrics");
            }
            return 0;
        }
    }
}
