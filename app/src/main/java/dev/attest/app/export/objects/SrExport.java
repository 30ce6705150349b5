package dev.attest.app.export.objects;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.Score;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Uids;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.seg.SegmentedProperty;
import dev.attest.dicom.sr.DeviceObserver;
import dev.attest.dicom.sr.Measurement;
import dev.attest.dicom.sr.MeasurementGroup;
import dev.attest.dicom.sr.MeasurementReport;
import dev.attest.dicom.sr.MeasurementReportWriter;
import dev.attest.dicom.sr.ObserverContext;
import dev.attest.dicom.sr.PersonObserver;
import dev.attest.dicom.sr.QualitativeEvaluation;
import dev.attest.dicom.sr.ReferencedSegment;
import dev.attest.dicom.sr.SopReference;
import dev.attest.dicom.write.InstanceReference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a case's TID 1500 measurement report: one measurement group per claim, in claim order. A claim whose mask
 * is a segment of a written SEG gets a volumetric group (TID 1411) referring to that segment, with its finding and
 * finding site from the segment's codes and its volume summed from the label's voxels; any other claim (a
 * sentence, a boxed phrase) gets a group of qualitative evaluations only (TID 1501), its tracking identifier
 * carrying the claim's id and text. Every reviewer's current score becomes coded evaluations under their
 * pseudonym; report acceptability goes in the report-level evaluations. The observers are the reviewers, Attest
 * and each model that made a claim.
 */
final class SrExport {
    static final int SERIES_NUMBER = 400;

    private SrExport() {
    }

    static CaseObjects.Written write(CaseObjectsInput in, CaseRecords records, CaseGeometry geometry, ExportStudy study,
                                     List<SegExport.Seg> segs, ExportUids uids, Path srDir) throws IOException {
        List<MeasurementGroup> groups = new ArrayList<>();
        TreeSet<Long> observers = new TreeSet<>();
        boolean everyClaimScored = true;
        for (Claim claim : records.claims()) {
            List<QualitativeEvaluation> evaluations = new ArrayList<>();
            for (Score s : records.scores().get(claim.id())) {
                evaluations.addAll(JudgementCodes.of(s, in.pseudonymOf(s.reviewerId())));
                observers.add(s.reviewerId());
            }
            everyClaimScored &= !records.scores().get(claim.id()).isEmpty();
            groups.add(group(in, claim, geometry, study, segs, uids, evaluations));
        }
        List<QualitativeEvaluation> reportLevel = new ArrayList<>();
        for (ReportAcceptability a : records.acceptability()) {
            reportLevel.add(JudgementCodes.acceptability(a.acceptability(), in.pseudonymOf(a.reviewerId())));
            observers.add(a.reviewerId());
        }
        List<PersonObserver> persons = observers.stream().map(id -> PersonObserver.named(in.pseudonymOf(id))).toList();
        MeasurementReport report = MeasurementReport.of(new ObserverContext(persons, devices(in, records)),
                StructureCodes.procedure(in.reviewCase().modality()), study.sourceImages(), groups).withEvaluations(reportLevel);
        List<InstanceReference> evidence = new ArrayList<>(study.sourceImages());
        segs.forEach(s -> evidence.add(s.reference()));
        MeasurementReportWriter.Settings settings = MeasurementReportWriter.Settings.of(in.equipment())
                .withIdentity(uids.derived("sr-series"), uids.derived("sr-instance"), in.created())
                .withSeries(SERIES_NUMBER, "Reviewer verdicts")
                .withCompletion(everyClaimScored);
        DicomDataset sr = MeasurementReportWriter.write(report, study.study(), evidence, settings);
        Path file = srDir.resolve(in.casePseudonym() + "-sr.dcm");
        DicomWriter.write(file, sr, TransferSyntax.EXPLICIT_VR_LE);
        return new CaseObjects.Written(ObjectKind.SR, file, settings.sopInstanceUid());
    }

    private static MeasurementGroup group(CaseObjectsInput in, Claim claim, CaseGeometry geometry, ExportStudy study,
                                          List<SegExport.Seg> segs, ExportUids uids, List<QualitativeEvaluation> evaluations) {
        String trackingId = in.names().claim().apply(claim.id()) + ": " + in.textScrubber().apply(claim.text());
        String trackingUid = uids.derived("claim-" + claim.id() + ":tracking");
        for (CaseGeometry.ClaimMask mask : geometry.allMasksOf(claim.id())) {
            for (SegExport.Seg seg : segs) {
                Integer segment = seg.map() == mask.map() ? seg.segmentOfLabel().get(mask.label()) : null;
                if (segment == null) {
                    continue;
                }
                ReferencedSegment referenced = new ReferencedSegment(SopReference.of(seg.reference()), segment);
                SegmentedProperty property = StructureCodes.property(mask.map().nameOf(mask.label()));
                List<Measurement> volume = List.of(Measurement.volumeMl(volumeMl(mask.map(), mask.label())));
                Optional<String> sourceSeries = study.sourceSeriesUid();
                return new MeasurementGroup(trackingId, trackingUid, Optional.of(property.type()), Optional.of(property.type()),
                        property.typeModifier(), Optional.of(referenced), sourceSeries, volume, evaluations);
            }
        }
        return new MeasurementGroup(trackingId, trackingUid, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), evaluations);
    }

    /** The label's voxels times the voxel volume (the grid's determinant, so a sheared grid is measured right), in mL. */
    static double volumeMl(LabelMap map, int label) {
        return map.extents().voxels(label) * Math.abs(map.labels().grid().indexToLps().determinant()) / 1000.0;
    }

    /** Attest, then each model with a claim in the case, as device observers with UIDs derived from their names. */
    private static List<DeviceObserver> devices(CaseObjectsInput in, CaseRecords records) {
        List<DeviceObserver> out = new ArrayList<>();
        var eq = in.equipment();
        out.add(new DeviceObserver(Uids.fromName("attest:device:" + eq.modelName() + ":" + eq.softwareVersions()),
                eq.modelName(), eq.manufacturer(), eq.modelName(), ""));
        Map<String, ModelRun> models = new LinkedHashMap<>();
        for (ModelRun run : records.runs().values()) {
            models.putIfAbsent(run.modelId() + "\u0000" + run.modelVersion(), run);
        }
        for (ModelRun run : models.values()) {
            String version = run.modelVersion() == null ? "" : run.modelVersion();
            out.add(new DeviceObserver(Uids.fromName("attest:model:" + run.modelId() + ":" + version), run.modelId(), "",
                    run.modelId(), ""));
        }
        return out;
    }
}
