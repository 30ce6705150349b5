package dev.attest.app.project;

import dev.attest.annotation.model.CaseDraft;
import dev.attest.app.open.StudyScan;
import dev.attest.app.review.CaseRefs;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.DicomStudy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a folder (or files, zips, DICOMDIRs) of studies into cases for a benchmark project: one case per
 * image series (SEG, SR and other non-image series are evidence, not cases) and one per NIfTI file, with
 * the site, scanner and modality that results are later split by.
 */
public final class CaseFinder {

    /** Series that hold no image to review. */
    private static final Set<String> NOT_IMAGES = Set.of("SEG", "SR", "PR", "KO", "RTSTRUCT", "RTPLAN", "REG");

    /** The cases found, and the files that could not be read (reported, never stopping the rest). */
    public record Found(List<CaseDraft> cases, List<DicomScanner.Problem> problems) {
    }

    private CaseFinder() {
    }

    /**
     * @param site the site to record for every case, or null to take each series' Institution Name
     */
    public static Found find(List<Path> inputs, String site, ProgressListener progress, Cancellation cancel) {
        StudyScan scan = StudyScan.scan(inputs, progress, cancel);
        List<CaseDraft> cases = new ArrayList<>();
        for (DicomStudy study : scan.studies()) {
            for (DicomSeries series : study.series()) {
                if (NOT_IMAGES.contains(series.modality()) || series.stacks().isEmpty() || series.instances().isEmpty()) {
                    continue;
                }
                DicomDataset first = series.instances().get(0).dataset();
                // A de-identified series may carry no UID (the grouper then derives one, "derived:..."): the
                // folder holding it names the case instead.
                String uid = series.seriesInstanceUid();
                Path folder = CaseRefs.commonFolder(series.instances().stream().map(i -> i.source()).toList());
                String ref = uid == null || uid.isBlank() || uid.startsWith("derived:")
                        ? Path.of(series.instances().get(0).source()).toAbsolutePath().normalize().getParent().toString()
                        : CaseRefs.SERIES + uid;
                cases.add(new CaseDraft(ref, site != null ? site : blankToNull(first.getString(Tag.InstitutionName)),
                        scanner(first), blankToNull(series.modality()), folder == null ? null : folder.toString()));
            }
        }
        for (Path nifti : scan.niftiFiles()) {
            String file = nifti.toAbsolutePath().normalize().toString();
            cases.add(new CaseDraft(file, site, null, null, file));
        }
        return new Found(List.copyOf(cases), scan.problems());
    }

    /** "Manufacturer Model", or whichever of the two is known. */
    static String scanner(DicomDataset d) {
        String make = blankToNull(d.getString(Tag.Manufacturer));
        String model = blankToNull(d.getString(Tag.ManufacturerModelName));
        if (make == null) {
            return model;
        }
        return model == null ? make : make + " " + model;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
