package dev.attest.dicom.series;

import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.UnsupportedTransferSyntaxException;
import dev.attest.dicom.pixel.FrameCodecs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups parsed files into study → series → stacks. Stacks are split so that each one is a
 * proper volume: one frame of reference, one image size and pixel spacing, one orientation,
 * each enhanced multi-frame instance on its own, and no two frames at the same position (a
 * series that revisits positions — echoes, phases, repeats — becomes one stack per visit).
 */
public final class SeriesGrouper {
    /** Orientation vectors closer than this (cosine) are the same orientation. */
    private static final double SAME_ORIENTATION_COS = 0.9999;
    /** Frames closer than this along the normal are at the same position. */
    private static final double SAME_POSITION_MM = 0.001;

    private SeriesGrouper() {
    }

    public static List<DicomStudy> group(List<DicomFile> files) {
        Map<String, Map<String, List<DicomFile>>> byStudy = new LinkedHashMap<>();
        for (DicomFile f : files) {
            DicomDataset ds = f.dataset();
            String study = ds.getString(Tag.StudyInstanceUID, "");
            String series = ds.getString(Tag.SeriesInstanceUID, "");
            if (series.isEmpty()) {
                series = derivedSeriesKey(f);
            }
            byStudy.computeIfAbsent(study, k -> new LinkedHashMap<>()).computeIfAbsent(series, k -> new ArrayList<>()).add(f);
        }
        List<DicomStudy> studies = new ArrayList<>();
        for (var study : byStudy.entrySet()) {
            List<DicomSeries> series = new ArrayList<>();
            for (var s : study.getValue().entrySet()) {
                series.add(buildSeries(study.getKey(), s.getKey(), s.getValue()));
            }
            series.sort(Comparator.comparingInt(DicomSeries::seriesNumber).thenComparing(DicomSeries::seriesInstanceUid));
            DicomDataset first = study.getValue().values().iterator().next().get(0).dataset();
            studies.add(new DicomStudy(study.getKey(), first.getString(Tag.StudyDescription, ""),
                    first.getString(Tag.StudyDate, ""), List.copyOf(series)));
        }
        return List.copyOf(studies);
    }

    /**
     * Anonymisers sometimes blank the Series Instance UID (the TotalSegmentator example does):
     * fall back to what else ties a series together — folder, frame of reference, number,
     * description and modality — rather than making every file a series of its own.
     */
    private static String derivedSeriesKey(DicomFile f) {
        DicomDataset ds = f.dataset();
        String source = f.source();
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        String folder = slash > 0 ? source.substring(0, slash) : "";
        return "derived:" + folder + '|' + ds.getString(Tag.FrameOfReferenceUID, "") + '|'
                + ds.getInt(Tag.SeriesNumber, 0) + '|' + ds.getString(Tag.SeriesDescription, "") + '|'
                + ds.getString(Tag.Modality, "");
    }

    private static DicomSeries buildSeries(String studyUid, String seriesUid, List<DicomFile> instances) {
        DicomDataset first = instances.get(0).dataset();
        List<ImageFrame> frames = new ArrayList<>();
        for (DicomFile f : instances) {
            if (f.pixelData().isPresent() && f.dataset().getInt(Tag.Rows, 0) > 0) {
                frames.addAll(FrameExtractor.frames(f));
            }
        }
        List<List<ImageFrame>> buckets = splitByKey(frames);
        List<List<ImageFrame>> stacks = new ArrayList<>();
        for (List<ImageFrame> bucket : buckets) {
            for (List<ImageFrame> oriented : splitByOrientation(bucket)) {
                stacks.addAll(splitRepeatedPositions(oriented));
            }
        }
        List<SeriesWarning> seriesWarnings = new ArrayList<>();
        if (stacks.size() > 1) {
            seriesWarnings.add(new SeriesWarning(SeriesWarning.Kind.SPLIT_SERIES, "series split into " + stacks.size()
                    + " volumes (different orientation, size, frame of reference, instance or repeated positions)"));
        }
        seriesWarnings.addAll(undecodable(instances));
        if (isLossy(instances)) {
            seriesWarnings.add(new SeriesWarning(SeriesWarning.Kind.LOSSY_COMPRESSION,
                    "images were lossy compressed: values differ from the original acquisition"));
        }
        List<StackGeometry> geometries = new ArrayList<>();
        for (List<ImageFrame> stack : stacks) {
            geometries.add(StackGeometry.of(stack));
        }
        geometries.sort(Comparator.comparingInt((StackGeometry g) -> -g.frames().size()));
        return new DicomSeries(studyUid, seriesUid, first.getInt(Tag.SeriesNumber, 0),
                first.getString(Tag.Modality, ""), first.getString(Tag.SeriesDescription, ""),
                List.copyOf(instances), List.copyOf(geometries), List.copyOf(seriesWarnings));
    }

    /**
     * One warning per transfer syntax of the series' images that no codec decodes, found from the
     * headers alone, so a user sees it before trying to open the series.
     */
    private static List<SeriesWarning> undecodable(List<DicomFile> instances) {
        Map<TransferSyntax, Integer> counts = new LinkedHashMap<>();
        int images = 0;
        for (DicomFile f : instances) {
            if (f.pixelData().isEmpty()) {
                continue;
            }
            images++;
            if (!FrameCodecs.canDecode(f.transferSyntax())) {
                counts.merge(f.transferSyntax(), 1, Integer::sum);
            }
        }
        List<SeriesWarning> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            String message = UnsupportedTransferSyntaxException.describe(e.getKey());
            if (e.getValue() < images) {
                message += " (" + e.getValue() + " of " + images + " images)";
            }
            out.add(new SeriesWarning(SeriesWarning.Kind.UNDECODABLE, message));
        }
        return out;
    }

    private static boolean isLossy(List<DicomFile> instances) {
        for (DicomFile f : instances) {
            if (f.transferSyntax().lossy() || "01".equals(f.dataset().getString(Tag.LossyImageCompression))) {
                return true;
            }
        }
        return false;
    }

    private static List<List<ImageFrame>> splitByKey(List<ImageFrame> frames) {
        Map<String, List<ImageFrame>> byKey = new LinkedHashMap<>();
        for (ImageFrame f : frames) {
            DicomDataset ds = f.file().dataset();
            boolean multiFrame = ds.getInt(Tag.NumberOfFrames, 1) > 1;
            String key = ds.getString(Tag.FrameOfReferenceUID, "") + '|' + f.rows() + 'x' + f.columns()
                    + '|' + round(f.rowSpacing()) + ',' + round(f.columnSpacing())
                    + '|' + ds.getInt(Tag.SamplesPerPixel, 1) + '|' + ds.getInt(Tag.BitsAllocated, 16)
                    + (multiFrame ? "|instance:" + f.file().source() : "");
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String round(double v) {
        return String.format("%.4f", v);
    }

    private static List<List<ImageFrame>> splitByOrientation(List<ImageFrame> frames) {
        List<List<ImageFrame>> groups = new ArrayList<>();
        for (ImageFrame f : frames) {
            List<ImageFrame> home = null;
            for (List<ImageFrame> g : groups) {
                ImageFrame ref = g.get(0);
                if (ref.rowDirection().dot(f.rowDirection()) > SAME_ORIENTATION_COS
                        && ref.columnDirection().dot(f.columnDirection()) > SAME_ORIENTATION_COS) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(f);
        }
        return groups;
    }

    /**
     * Frames sharing a position go to different stacks, in acquisition order: the k-th frame
     * acquired at each position belongs to stack k.
     */
    private static List<List<ImageFrame>> splitRepeatedPositions(List<ImageFrame> frames) {
        Vec3 normal = frames.get(0).normal();
        List<ImageFrame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble((ImageFrame f) -> f.distanceAlongNormal(normal))
                .thenComparingLong(ImageFrame::order));
        List<List<ImageFrame>> stacks = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double d = sorted.get(i).distanceAlongNormal(normal);
            while (j < sorted.size() && Math.abs(sorted.get(j).distanceAlongNormal(normal) - d) < SAME_POSITION_MM) {
                j++;
            }
            for (int k = i; k < j; k++) {
                while (stacks.size() <= k - i) {
                    stacks.add(new ArrayList<>());
                }
                stacks.get(k - i).add(sorted.get(k));
            }
            i = j;
        }
        return stacks;
    }
}
