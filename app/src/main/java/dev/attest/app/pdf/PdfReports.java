package dev.attest.app.pdf;

import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import dev.attest.reports.pdf.BenchmarkSummaryPdf;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.CaseReportPdf;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The PDFs of an open project in one call each, for the command line and the GUI alike: no window, no JavaFX,
 * so a menu action runs them on a background thread with the project it already has open. Both read only.
 */
public final class PdfReports {
    private PdfReports() {
    }

    /**
     * Writes one case's report.
     *
     * @return what the PDF prints (its key-image note says why images are missing, if any are)
     * @throws IllegalArgumentException if the project has no such case or (blinded) no such reviewer
     * @throws IOException              if the PDF cannot be written; the message names the file
     */
    public static CaseReportData writeCaseReport(ProjectStore store, long caseId, CaseReportOptions options, Path out,
                                                 Clock clock, ProgressListener progress, Cancellation cancel)
            throws IOException {
        CaseReportData data = CaseReportAssembler.assemble(store, caseId, options, clock.instant(), progress, cancel);
        CaseReportPdf.write(data, out);
        return data;
    }

    /** {@link #writeCaseReport(ProjectStore, long, CaseReportOptions, Path, Clock, ProgressListener, Cancellation)} now, not cancellable. */
    public static CaseReportData writeCaseReport(ProjectStore store, long caseId, CaseReportOptions options, Path out)
            throws IOException {
        return writeCaseReport(store, caseId, options, out, Clock.systemUTC(), ProgressListener.NONE, new Cancellation());
    }

    /**
     * Computes the project's metrics (bootstrap intervals included, which take a moment on a large project) and
     * writes the benchmark summary.
     *
     * @throws IllegalArgumentException if the options ask for an interval level other than 95 %
     * @throws IOException              if the PDF cannot be written; the message names the file
     */
    public static BenchmarkSummaryData writeBenchmarkSummary(ProjectStore store, MetricsOptions options, Path out,
                                                             Clock clock) throws IOException {
        BenchmarkSummaryData data = BenchmarkSummaryAssembler.assemble(store, ProjectMetrics.compute(store, options),
                clock.instant());
        BenchmarkSummaryPdf.write(data, out);
        return data;
    }

    /** The summary with the default metrics options (2000 resamples, 95 %, the fixed seed), now. */
    public static BenchmarkSummaryData writeBenchmarkSummary(ProjectStore store, Path out) throws IOException {
        return writeBenchmarkSummary(store, MetricsOptions.DEFAULT, out, Clock.systemUTC());
    }
}
