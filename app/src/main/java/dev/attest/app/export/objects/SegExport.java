package dev.attest.app.export.objects;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.seg.AlgorithmIdentification;
import dev.attest.dicom.seg.CieLab;
import dev.attest.dicom.seg.LabelSegment;
import dev.attest.dicom.seg.SegmentDefinition;
import dev.attest.dicom.seg.SegmentationSource;
import dev.attest.dicom.seg.SegmentationWriter;
import dev.attest.dicom.seg.SegmentedProperty;
import dev.attest.dicom.write.InstanceReference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes each label map of a case (one per model run with masks) as a BINARY DICOM Segmentation: one segment per
 * label present, numbered in label order, named from the map's label table, coded by {@link StructureCodes}, made
 * by the run's model (AUTOMATIC; MANUAL when no model run is recorded), with the label's display colour.
 */
final class SegExport {
    /** Series Number of the first SEG; later ones count up from it. */
    static final int FIRST_SERIES_NUMBER = 300;

    /**
     * A written Segmentation.
     *
     * @param segmentOfLabel label value → Segment Number
     */
    record Seg(Path file, InstanceReference reference, LabelMap map, Map<Integer, Integer> segmentOfLabel) {
    }

    private SegExport() {
    }

    static List<Seg> write(CaseObjectsInput in, CaseRecords records, CaseGeometry geometry, ExportStudy study,
                           ExportUids uids, Path labelsDir, List<CaseObjects.Skipped> skipped) throws IOException {
        List<Seg> out = new ArrayList<>();
        int n = 0;
        for (LabelMap map : geometry.labelMaps.values()) {
            n++;
            String which = "label map " + n + " of the case";
            if (map.extents().isEmpty()) {
                skipped.add(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.EMPTY_LABEL_MAP, which));
                continue;
            }
            Optional<SegmentationSource> source = study.sourceFor(map.labels().grid());
            if (source.isEmpty()) {
                skipped.add(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.LABELS_OFF_IMAGE_GRID, which
                        + " is not on the DICOM series' grid"));
                continue;
            }
            Optional<ModelRun> run = runOf(map, records);
            List<LabelSegment> segments = new ArrayList<>();
            Map<Integer, Integer> segmentOfLabel = new LinkedHashMap<>();
            for (int label : map.extents().labels()) {
                segments.add(new LabelSegment(label, definition(map, label, run)));
                segmentOfLabel.put(label, segments.size());
            }
            String key = map.artifact().sha256().substring(0, 16);
            String model = run.map(ModelRun::modelId).orElse("a reviewer");
            SegmentationWriter.Settings settings = SegmentationWriter.Settings.of(in.equipment())
                    .withIdentity(uids.derived("seg-series:" + key), uids.derived("seg-instance:" + key), in.created())
                    .withSeries(FIRST_SERIES_NUMBER + n - 1, "Segmentation by " + model)
                    .withContent("SEGMENTATION", "Label map of " + model + " for the claims of " + in.casePseudonym(), "");
            DicomDataset seg = SegmentationWriter.fromLabelMap(source.get(), map.labels(), segments, settings);
            Path file = labelsDir.resolve(in.casePseudonym() + "-seg" + n + ".dcm");
            DicomWriter.write(file, seg, TransferSyntax.EXPLICIT_VR_LE);
            out.add(new Seg(file, InstanceReference.of(seg), map, segmentOfLabel));
        }
        return out;
    }

    /** The model run whose claims show this label map as their mask (the first such claim's). */
    private static Optional<ModelRun> runOf(LabelMap map, CaseRecords records) {
        for (Claim claim : records.claims()) {
            for (Evidence e : records.evidence().get(claim.id())) {
                if (e.kind() == EvidenceKind.MASK && map.artifact().equals(e.artifact())) {
                    Optional<ModelRun> run = records.runOf(claim);
                    if (run.isPresent()) {
                        return run;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static SegmentDefinition definition(LabelMap map, int label, Optional<ModelRun> run) {
        String name = map.nameOf(label);
        String segmentLabel = name.length() > 64 ? name.substring(0, 64) : name;
        SegmentedProperty property = StructureCodes.property(name);
        SegmentDefinition d = run.map(r -> SegmentDefinition.automatic(segmentLabel, property, algorithm(r)))
                .orElseGet(() -> SegmentDefinition.manual(segmentLabel, property))
                .withDescription("label value " + label);
        return map.description(label).map(l -> d.withColour(CieLab.fromSrgb(l.rgb()))).orElse(d);
    }

    /**
     * The model as the SEG names it: its version, else a prefix of its weights' sha256 (Algorithm Version is LO, 64
     * characters). Its parameters stay in model_runs.jsonl, where they are documented.
     */
    private static AlgorithmIdentification algorithm(ModelRun run) {
        String sha = run.weightsSha256() == null ? "" : run.weightsSha256();
        String version = run.modelVersion() != null && !run.modelVersion().isBlank() ? run.modelVersion()
                : !sha.isBlank() ? "sha256:" + sha.substring(0, Math.min(16, sha.length())) : "unknown";
        return AlgorithmIdentification.ai(run.modelId(), version, "");
    }
}
