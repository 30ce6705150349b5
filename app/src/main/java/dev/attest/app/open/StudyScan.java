package dev.attest.app.open;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.DicomStudy;
import dev.attest.dicom.series.SeriesGrouper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user asked to open (folders, zips, DICOMDIRs, single files, dropped together), scanned
 * into studies and series, plus the NIfTI files among them. One bad input is a problem listed
 * with the rest, never the end of the scan.
 */
public record StudyScan(List<DicomStudy> studies, List<Path> niftiFiles, List<DicomScanner.Problem> problems) {

    public static boolean isNifti(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    /** Scans every input (headers only, in parallel), reporting progress per input; cancellable. */
    public static StudyScan scan(List<Path> inputs, ProgressListener progress, Cancellation cancel) {
        List<DicomFile> files = new ArrayList<>();
        List<Path> nifti = new ArrayList<>();
        List<DicomScanner.Problem> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            cancel.throwIfCancelled();
            Path input = inputs.get(i);
            if (isNifti(input) && Files.isRegularFile(input)) {
                nifti.add(input);
                continue;
            }
            int index = i;
            try {
                DicomScanner.Result r = DicomScanner.scan(input, (done, total, message) -> progress.progress(done, total,
                        inputs.size() == 1 ? message : message + " (" + (index + 1) + " of " + inputs.size() + ")"), cancel);
                files.addAll(r.files());
                problems.addAll(r.problems());
                if (Files.isDirectory(input)) {
                    r.skipped().stream().map(Path::of).filter(StudyScan::isNifti).forEach(nifti::add);
                }
            } catch (IOException e) {
                problems.add(new DicomScanner.Problem(input.toString(), e.getMessage()));
            }
        }
        return new StudyScan(SeriesGrouper.group(files), List.copyOf(nifti), List.copyOf(problems));
    }

    /** Whether anything at all can be shown. */
    public boolean isEmpty() {
        return niftiFiles.isEmpty() && studies.stream().allMatch(s -> s.series().stream().allMatch(x -> x.stacks().isEmpty()));
    }
}
