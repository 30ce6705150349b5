package dev.attest.app.cli;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.seg.Segment;
import dev.attest.dicom.seg.SegmentationException;
import dev.attest.dicom.seg.SegmentationHeader;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.DicomSeries;
import dev.attest.dicom.series.DicomStudy;
import dev.attest.dicom.series.SeriesWarning;
import dev.attest.dicom.series.StackGeometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a scan into the plain maps that {@code attest info} prints as JSON or text. */
final class SeriesReport {
    private SeriesReport() {
    }

    static Map<String, Object> of(String input, DicomScanner.Result scan, List<DicomStudy> studies) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", input);
        root.put("files", scan.files().size());
        List<Object> studyList = new ArrayList<>();
        for (DicomStudy study : studies) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("studyInstanceUid", study.studyInstanceUid());
            s.put("description", study.description());
            s.put("date", study.date());
            List<Object> seriesList = new ArrayList<>();
            for (DicomSeries series : study.series()) {
                seriesList.add(series(series));
            }
            s.put("series", seriesList);
            studyList.add(s);
        }
        root.put("studies", studyList);
        List<Object> problems = new ArrayList<>();
        for (DicomScanner.Problem p : scan.problems()) {
            problems.add(Map.of("file", p.source(), "error", p.message()));
        }
        root.put("problems", problems);
        root.put("skipped", scan.skipped());
        return root;
    }

    static Map<String, Object> series(DicomSeries series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seriesInstanceUid", series.seriesInstanceUid());
        m.put("seriesNumber", series.seriesNumber());
        m.put("modality", series.modality());
        m.put("description", series.description());
        m.put("instances", series.instances().size());
        m.put("transferSyntax", series.instances().isEmpty() ? "" : series.instances().get(0).transferSyntax().uid());
        m.put("warnings", warnings(series.warnings()));
        List<Object> volumes = new ArrayList<>();
        for (StackGeometry stack : series.stacks()) {
            volumes.add(volume(stack));
        }
        m.put("volumes", volumes);
        if (!series.instances().isEmpty() && SegmentationHeader.isSegmentation(series.instances().get(0))) {
            segments(series.instances().get(0), m);
        }
        return m;
    }

    /** A DICOM SEG's segments (from its header, pixels are not read), or why they cannot be listed. */
    static void segments(DicomFile file, Map<String, Object> m) {
        try {
            SegmentationHeader header = SegmentationHeader.of(file);
            List<Object> list = new ArrayList<>();
            for (Segment s : header.segments()) {
                Map<String, Object> seg = new LinkedHashMap<>();
                seg.put("number", s.number());
                seg.put("label", s.label());
                seg.put("category", s.category());
                seg.put("type", s.type());
                seg.put("algorithmType", s.algorithmType());
                seg.put("algorithmName", s.algorithmName());
                seg.put("colour", s.displayRgb().map(rgb -> String.format("#%06x", rgb)).orElse(""));
                seg.put("frames", header.frames().stream().filter(f -> f.segmentNumber() == s.number()).count());
                list.add(seg);
            }
            m.put("segmentationType", header.type().name());
            m.put("segments", list);
        } catch (SegmentationException e) {
            m.put("segmentError", e.getMessage());
        }
    }

    static Map<String, Object> volume(StackGeometry stack) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.putAll(grid(stack.grid()));
        v.put("sliceSpacing", stack.spacing());
        v.put("gantryTiltDegrees", stack.tiltDegrees());
        v.put("regular", stack.isRegular());
        v.put("warnings", warnings(stack.warnings()));
        return v;
    }

    static Map<String, Object> grid(ImageGrid grid) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dimensions", new int[] {grid.sizeX(), grid.sizeY(), grid.sizeZ()});
        Vec3 s = grid.spacing();
        v.put("spacing", new double[] {s.x(), s.y(), s.z()});
        Vec3 o = grid.origin();
        v.put("originLps", new double[] {o.x(), o.y(), o.z()});
        v.put("orientation", grid.orientationCode());
        Affine a = grid.indexToLps();
        v.put("affineLps", new double[][] {
                {a.get(0, 0), a.get(0, 1), a.get(0, 2), a.get(0, 3)},
                {a.get(1, 0), a.get(1, 1), a.get(1, 2), a.get(1, 3)},
                {a.get(2, 0), a.get(2, 1), a.get(2, 2), a.get(2, 3)}});
        return v;
    }

    private static List<Object> warnings(List<SeriesWarning> warnings) {
        List<Object> out = new ArrayList<>();
        for (SeriesWarning w : warnings) {
            out.add(Map.of("kind", w.kind().name(), "message", w.message()));
        }
        return out;
    }
}
