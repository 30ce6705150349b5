package dev.attest.dicom.sr;

import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Uids;
import dev.attest.dicom.seg.AlgorithmIdentification;
import dev.attest.dicom.seg.LabelSegment;
import dev.attest.dicom.seg.SegmentationSource;
import dev.attest.dicom.seg.SegmentationWriter;
import dev.attest.dicom.seg.TotalSegmentatorCase;
import dev.attest.dicom.series.VolumeAssembler;
import dev.attest.dicom.write.Equipment;
import dev.attest.dicom.write.InstanceReference;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reviewed case as the exporter will hand it over: the TotalSegmentator CT, a SEG of three of
 * its organs (spleen, liver, right adrenal gland), their volumes and mean CT numbers, and two
 * pseudonymised reviewers' judgements of each organ claim.
 */
final class ReviewedCase {
    static final Equipment EQUIPMENT = Equipment.attest("Attest workstation", "0.1.0", "TEST-0001");
    static final AlgorithmIdentification MODEL = AlgorithmIdentification.ai("TotalSegmentator", "2.0.0", "task=total");
    static final int[] LABELS = {1, 5, 8};

    final TotalSegmentatorCase ct;
    final SegmentationSource source;
    final DicomDataset seg;
    final List<LabelSegment> segments;
    final long[] voxels = new long[LABELS.length];
    final double[] meanHu = new double[LABELS.length];

    private ReviewedCase(TotalSegmentatorCase ct) throws IOException {
        this.ct = ct;
        this.source = SegmentationSource.of(ct.stack);
        List<LabelSegment> all = ct.presentSegments(MODEL);
        List<LabelSegment> chosen = new ArrayList<>();
        for (int label : LABELS) {
            chosen.add(all.stream().filter(s -> s.label() == label).findFirst().orElseThrow());
        }
        this.segments = List.copyOf(chosen);
        this.seg = SegmentationWriter.fromLabelMap(source, ct.labels, segments, SegmentationWriter.Settings.of(EQUIPMENT)
                .withIdentity("2.25.3001", "2.25.3002", LocalDateTime.of(2026, 3, 1, 14, 30)));
        Volume image = VolumeAssembler.load(ct.stack);
        double[] sums = new double[LABELS.length];
        for (int z = 0; z < image.grid().sizeZ(); z++) {
            byte[] labels = (byte[]) ct.labels.sliceArray(z);
            for (int i = 0; i < labels.length; i++) {
                for (int s = 0; s < LABELS.length; s++) {
                    if ((labels[i] & 0xFF) == LABELS[s]) {
                        voxels[s]++;
                        sums[s] += image.getPhysical(i % image.grid().sizeX(), i / image.grid().sizeX(), z);
                    }
                }
            }
        }
        for (int s = 0; s < LABELS.length; s++) {
            meanHu[s] = sums[s] / voxels[s];
        }
    }

    static ReviewedCase load() throws IOException {
        return new ReviewedCase(TotalSegmentatorCase.load());
    }

    double voxelMl() {
        return Math.abs(ct.stack.grid().indexToLps().determinant()) / 1000.0;
    }

    InstanceReference segReference() {
        return InstanceReference.of(seg);
    }

    /** The source images and the SEG. */
    List<InstanceReference> evidence() {
        List<InstanceReference> out = new ArrayList<>(source.sourceImages());
        out.add(segReference());
        return out;
    }

    MeasurementReport report() {
        List<MeasurementGroup> groups = new ArrayList<>();
        String[] reviewers = {"Reviewer^R01", "Reviewer^R02"};
        for (int s = 0; s < segments.size(); s++) {
            LabelSegment segment = segments.get(s);
            List<QualitativeEvaluation> evaluations = List.of(
                    QualitativeEvaluation.by(reviewers[0], AttestCodes.VERDICT, AttestCodes.CORRECT),
                    QualitativeEvaluation.by(reviewers[0], AttestCodes.EVIDENCE_SUPPORT, AttestCodes.SUPPORTS),
                    QualitativeEvaluation.by(reviewers[1], AttestCodes.VERDICT, s == 2 ? AttestCodes.INCORRECT : AttestCodes.CORRECT),
                    QualitativeEvaluation.by(reviewers[1], AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_HIT),
                    QualitativeEvaluation.by(reviewers[1], ReportCodes.LEVEL_OF_SIGNIFICANCE,
                            s == 2 ? ReportCodes.SIGNIFICANT : ReportCodes.NOT_SIGNIFICANT));
            if (s == 2) {
                evaluations = new ArrayList<>(evaluations);
                evaluations.add(QualitativeEvaluation.by(reviewers[1], AttestCodes.ERROR_TYPE, AttestCodes.WRONG_LOCATION));
            }
            groups.add(MeasurementGroup.ofSegment(segment.definition().label() + ", claim " + (s + 1),
                    Uids.fromName("attest test claim " + s),
                    new ReferencedSegment(SopReference.of(segReference()), s + 1),
                    source.sourceImages().get(0).seriesInstanceUid(), segment.definition().property(),
                    List.of(Measurement.volumeMl(voxels[s] * voxelMl()), Measurement.meanHu(meanHu[s])), evaluations));
        }
        ObserverContext observers = new ObserverContext(
                List.of(PersonObserver.named(reviewers[0]), new PersonObserver(reviewers[1], "Site B")),
                List.of(new DeviceObserver(Uids.fromName("attest device TEST-0001"), "Attest", "Attest", "Attest workstation 0.1.0", "TEST-0001"),
                        new DeviceObserver(Uids.fromName("model TotalSegmentator 2.0.0"), "TotalSegmentator", "", "TotalSegmentator 2.0.0", "")));
        return MeasurementReport.of(observers, ReportCodes.CT_UNSPECIFIED_BODY_REGION, source.sourceImages(), groups)
                .withEvaluations(List.of(QualitativeEvaluation.by(reviewers[0], AttestCodes.ACCEPTABILITY, AttestCodes.ACCEPTABLE),
                        new QualitativeEvaluation(AttestCodes.ACCEPTABILITY, AttestCodes.NOT_ACCEPTABLE, Optional.empty())));
    }

    MeasurementReportWriter.Settings settings() {
        return MeasurementReportWriter.Settings.of(EQUIPMENT).withIdentity("2.25.4001", "2.25.4002", LocalDateTime.of(2026, 3, 2, 9, 15));
    }
}
