package dev.attest.dicom.write;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the sequences that list referenced instances grouped by series (and study), in first-seen
 * order with duplicates dropped.
 */
public final class ReferenceSequences {
    private ReferenceSequences() {
    }

    /**
     * Items of the Common Instance Reference module's Referenced Series Sequence (PS3.3 C.12.2)
     * for the instances in {@code studyInstanceUid}: Series Instance UID and Referenced Instance
     * Sequence.
     */
    public static List<DicomDataset> referencedSeries(List<InstanceReference> references, String studyInstanceUid) {
        return seriesItems(references.stream().filter(r -> r.studyInstanceUid().equals(studyInstanceUid)).toList(),
                Tag.ReferencedInstanceSequence);
    }

    /**
     * Items of the Common Instance Reference module's Studies Containing Other Referenced
     * Instances Sequence: the instances outside {@code studyInstanceUid}, by study.
     */
    public static List<DicomDataset> otherStudies(List<InstanceReference> references, String studyInstanceUid) {
        return hierarchical(references.stream().filter(r -> !r.studyInstanceUid().equals(studyInstanceUid)).toList(),
                Tag.ReferencedInstanceSequence);
    }

    /**
     * Items of a Hierarchical SOP Instance Reference Macro sequence (PS3.3 Table C.17-3), such as
     * Current Requested Procedure Evidence: Study Instance UID, Referenced Series Sequence, and
     * per series the Referenced SOP Sequence.
     */
    public static List<DicomDataset> evidence(List<InstanceReference> references) {
        return hierarchical(references, Tag.ReferencedSOPSequence);
    }

    private static List<DicomDataset> hierarchical(List<InstanceReference> references, int instanceSequence) {
        Map<String, List<InstanceReference>> byStudy = new LinkedHashMap<>();
        for (InstanceReference r : references) {
            byStudy.computeIfAbsent(r.studyInstanceUid(), s -> new ArrayList<>()).add(r);
        }
        List<DicomDataset> items = new ArrayList<>();
        byStudy.forEach((study, refs) -> {
            DicomDataset item = new DicomDataset();
            Elements.text(item, Tag.StudyInstanceUID, study);
            Elements.sequence(item, Tag.ReferencedSeriesSequence, seriesItems(refs, instanceSequence));
            items.add(item);
        });
        return items;
    }

    private static List<DicomDataset> seriesItems(List<InstanceReference> references, int instanceSequence) {
        Map<String, Set<InstanceReference>> bySeries = new LinkedHashMap<>();
        for (InstanceReference r : references) {
            bySeries.computeIfAbsent(r.seriesInstanceUid(), s -> new LinkedHashSet<>()).add(r);
        }
        List<DicomDataset> items = new ArrayList<>();
        bySeries.forEach((series, refs) -> {
            DicomDataset item = new DicomDataset();
            Elements.text(item, Tag.SeriesInstanceUID, series);
            List<DicomDataset> instances = new ArrayList<>();
            for (InstanceReference r : refs) {
                DicomDataset instance = new DicomDataset();
                Elements.text(instance, Tag.ReferencedSOPClassUID, r.sopClassUid());
                Elements.text(instance, Tag.ReferencedSOPInstanceUID, r.sopInstanceUid());
                instances.add(instance);
            }
            Elements.sequence(item, instanceSequence, instances);
            items.add(item);
        });
        return items;
    }
}
