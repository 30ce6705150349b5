package dev.attest.dicom.series;

import dev.attest.dicom.DicomException;

import java.util.ArrayList;
import java.util.List;

/** Picks one volume out of a scan, by series UID and volume number, or says clearly why it cannot. */
public final class SeriesSelector {
    /** The chosen series and which of its stacks (volumes). */
    public record Selection(DicomSeries series, StackGeometry stack, int volumeNumber) {
    }

    /** A selected series loaded as a volume, with the files that were skipped on the way. */
    public record Opened(Selection selection, dev.attest.core.volume.Volume volume, List<DicomScanner.Problem> problems) {
    }

    private SeriesSelector() {
    }

    /**
     * The one call behind "open this path": scan, group, select and decode. Broken files are
     * skipped and returned as problems, never fatal unless nothing usable remains.
     */
    public static Opened open(java.nio.file.Path input, String seriesUid, int volumeNumber) throws java.io.IOException {
        DicomScanner.Result scan = DicomScanner.scan(input);
        Selection sel = select(input.toString(), SeriesGrouper.group(scan.files()), seriesUid, volumeNumber);
        return new Opened(sel, VolumeAssembler.load(sel.stack()), scan.problems());
    }

    /**
     * @param seriesUid    the Series Instance UID, or null when the input holds exactly one image series
     * @param volumeNumber 1-based volume within the series (volumes are listed largest first)
     */
    public static Selection select(String source, List<DicomStudy> studies, String seriesUid, int volumeNumber)
            throws DicomException {
        List<DicomSeries> candidates = new ArrayList<>();
        for (DicomStudy study : studies) {
            for (DicomSeries s : study.series()) {
                if (!s.stacks().isEmpty() && (seriesUid == null || s.seriesInstanceUid().equals(seriesUid))) {
                    candidates.add(s);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new DicomException(source, seriesUid == null ? "no image series found"
                    : "no image series with Series Instance UID " + seriesUid);
        }
        if (candidates.size() > 1) {
            StringBuilder sb = new StringBuilder("holds " + candidates.size() + " image series; choose one with --series:");
            for (DicomSeries s : candidates) {
                sb.append("\n  ").append(s.seriesInstanceUid()).append("  #").append(s.seriesNumber()).append(' ')
                        .append(s.modality()).append(" '").append(s.description()).append("'");
            }
            throw new DicomException(source, sb.toString());
        }
        DicomSeries series = candidates.get(0);
        if (volumeNumber < 1 || volumeNumber > series.stacks().size()) {
            throw new DicomException(source, "series " + series.seriesInstanceUid() + " has " + series.stacks().size()
                    + " volume(s); --volume " + volumeNumber + " is out of range");
        }
        return new Selection(series, series.stacks().get(volumeNumber - 1), volumeNumber);
    }
}
