package dev.attest.app.pdf;

import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import java.nio.file.Path;

/** Test main: writes a project's case report and summary as the GUI would, and prints what it wrote. */
public final class PdfOnlyMain {
    public static void main(String[] args) throws Exception {
        try (ProjectStore store = Projects.openReadOnly(Path.of(args[0]))) {
            var data = PdfReports.writeCaseReport(store, Long.parseLong(args[1]), CaseReportOptions.unblinded(4),
                    Path.of(args[2]));
            PdfReports.writeBenchmarkSummary(store, Path.of(args[3]));
            System.out.println("wrote " + data.keyImages().size() + " key images");
        }
    }
}
