package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.DicomStudy;
import dev.attest.dicom.series.SeriesGrouper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest info PATH [--json]}: studies, series, volumes with geometry, and warnings. */
@Command(name = "info", description = "Describe the DICOM studies under a folder, zip, DICOMDIR or file (or a NIfTI file).")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH")
    Path path;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report;
        if (NiftiInfo.isNifti(path)) {
            report = NiftiInfo.of(path);
        } else {
            DicomScanner.Result scan = DicomScanner.scan(path);
            List<DicomStudy> studies = SeriesGrouper.group(scan.files());
            report = SeriesReport.of(path.toString(), scan, studies);
        }
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            System.out.print(InfoText.render(report));
        }
        return 0;
    }
}
