package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Uids;
import dev.attest.dicom.write.Elements;
import dev.attest.dicom.write.Equipment;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.ReferenceSequences;
import dev.attest.dicom.write.StudyContext;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link MeasurementReport} as a TID 1500 Measurement Report in a Comprehensive 3D SR
 * document (SOP class 1.2.840.10008.5.1.4.1.1.88.34).
 *
 * <p>Why Comprehensive 3D SR: it is the SOP class TID 1500 was written around and what current
 * tools (highdicom, OHIF, 3D Slicer) produce and read; it accepts everything Comprehensive SR
 * does (IMAGE references with segment numbers, by-reference relationships) and also SCOORD3D, so
 * a later version can add reviewers' clicked points and boxes in patient coordinates without
 * changing SOP class. Enhanced SR would forbid by-reference relationships and 3D coordinates.
 *
 * <p>Content, in TID 1500 order: Language; the observer context (every person, then every
 * device); Procedure reported; Image Library (one group holding the source images); Imaging
 * Measurements with one TID 1411 Measurement Group per segment (Tracking Identifier and UID,
 * Finding, Referenced Segment, Source series for segmentation, Finding Site with Laterality,
 * measurements with their derivation and method, then the coded qualitative evaluations, each
 * carrying its reviewer as its own observer context); report-level Qualitative Evaluations. The
 * referenced instances are listed in Current Requested Procedure Evidence (those of the report's
 * study) and Pertinent Other Evidence (others); 99ATTEST is declared in the Coding Scheme
 * Identification Sequence when used.
 */
public final class MeasurementReportWriter {

    /** Who verified the report (Verification Flag VERIFIED needs a Verifying Observer). */
    public record Verification(String observerName, String organization, LocalDateTime time) {
        public Verification {
            Objects.requireNonNull(time, "time");
            if (Objects.requireNonNull(observerName, "observerName").isBlank()
                    || Objects.requireNonNull(organization, "organization").isBlank()) {
                throw new IllegalArgumentException("Verifying Observer Name and Verifying Organization are Type 1");
            }
        }
    }

    /**
     * How the written document identifies itself.
     *
     * @param equipment         General and Enhanced General Equipment
     * @param seriesNumber      Series Number
     * @param seriesDescription Series Description
     * @param complete          Completion Flag COMPLETE (else PARTIAL)
     * @param verification      Verification Flag VERIFIED with this observer (else UNVERIFIED)
     * @param seriesInstanceUid Series Instance UID
     * @param sopInstanceUid    SOP Instance UID
     * @param created           Content, Series and Instance Creation date and time
     */
    public record Settings(Equipment equipment, int seriesNumber, String seriesDescription, boolean complete,
                           Optional<Verification> verification, String seriesInstanceUid, String sopInstanceUid,
                           LocalDateTime created) {
        public Settings {
            Objects.requireNonNull(equipment, "equipment");
            Objects.requireNonNull(seriesDescription, "seriesDescription");
            Objects.requireNonNull(verification, "verification");
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(created, "created");
        }

        /** Defaults: series 400 "Measurement Report", COMPLETE, UNVERIFIED, new UIDs, now. */
        public static Settings of(Equipment equipment) {
            return new Settings(equipment, 400, "Measurement Report", true, Optional.empty(), Uids.create(), Uids.create(),
                    LocalDateTime.now());
        }

        public Settings withSeries(int number, String description) {
            return new Settings(equipment, number, description, complete, verification, seriesInstanceUid, sopInstanceUid, created);
        }

        public Settings withCompletion(boolean isComplete) {
            return new Settings(equipment, seriesNumber, seriesDescription, isComplete, verification, seriesInstanceUid,
                    sopInstanceUid, created);
        }

        public Settings verifiedBy(Verification by) {
            return new Settings(equipment, seriesNumber, seriesDescription, complete, Optional.of(by), seriesInstanceUid,
                    sopInstanceUid, created);
        }

        public Settings withIdentity(String seriesUid, String sopUid, LocalDateTime time) {
            return new Settings(equipment, seriesNumber, seriesDescription, complete, verification, seriesUid, sopUid, time);
        }
    }

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private MeasurementReportWriter() {
    }

    /**
     * The SR document.
     *
     * @param report   the content
     * @param study    the patient and study the report joins (normally the SEG's and the images')
     * @param evidence every instance the report refers to, with its study and series: the source
     *                 images and the SEG(s)
     * @throws IllegalArgumentException when an image or segmentation the content refers to is not
     *                                  in {@code evidence}, or a group lacks its tracking identifier
     */
    public static DicomDataset write(MeasurementReport report, StudyContext study, List<InstanceReference> evidence,
                                     Settings settings) {
        checkEvidence(report, evidence);
        DicomDataset ds = Elements.newInstance(SrTags.COMPREHENSIVE_3D_SR, settings.sopInstanceUid(), "SR",
                settings.created());
        settings.equipment().applyTo(ds);
        Elements.text(ds, Tag.SeriesDescription, settings.seriesDescription());
        if (usesScheme(report, AttestCodes.SCHEME)) {
            Elements.item(ds, Tag.CodingSchemeIdentificationSequence, AttestCodes.identification());
        }
        Elements.sequence(ds, Tag.ReferencedPerformedProcedureStepSequence, List.of());
        study.applyTo(ds);
        Elements.text(ds, Tag.SeriesInstanceUID, settings.seriesInstanceUid());
        Elements.ints(ds, Tag.SeriesNumber, settings.seriesNumber());
        Elements.ints(ds, Tag.InstanceNumber, 1);
        Elements.text(ds, SrTags.CompletionFlag, settings.complete() ? "COMPLETE" : "PARTIAL");
        Elements.text(ds, SrTags.VerificationFlag, settings.verification().isPresent() ? "VERIFIED" : "UNVERIFIED");
        settings.verification().ifPresent(v -> {
            DicomDataset observer = new DicomDataset();
            Elements.text(observer, SrTags.VerifyingObserverName, v.observerName());
            Elements.text(observer, SrTags.VerifyingOrganization, v.organization());
            Elements.text(observer, SrTags.VerificationDateTime, DT.format(v.time()));
            Elements.sequence(observer, SrTags.VerifyingObserverIdentificationCodeSequence, List.of());
            Elements.item(ds, SrTags.VerifyingObserverSequence, observer);
        });
        DicomDataset template = new DicomDataset();
        Elements.text(template, SrTags.MappingResource, "DCMR");
        Elements.text(template, SrTags.MappingResourceUID, SrTags.DCMR_UID);
        Elements.text(template, SrTags.TemplateIdentifier, "1500");
        Elements.item(ds, SrTags.ContentTemplateSequence, template);
        Elements.sequence(ds, SrTags.PerformedProcedureCodeSequence, List.of());
        String studyUid = study.studyInstanceUid();
        List<InstanceReference> current = evidence.stream().filter(r -> r.studyInstanceUid().equals(studyUid)).toList();
        List<InstanceReference> other = evidence.stream().filter(r -> !r.studyInstanceUid().equals(studyUid)).toList();
        if (!current.isEmpty()) {
            Elements.sequence(ds, SrTags.CurrentRequestedProcedureEvidenceSequence, ReferenceSequences.evidence(current));
        }
        if (!other.isEmpty()) {
            Elements.sequence(ds, SrTags.PertinentOtherEvidenceSequence, ReferenceSequences.evidence(other));
        }
        ContentTree.encode(content(report), ds);
        return ds;
    }

    private static void checkEvidence(MeasurementReport report, List<InstanceReference> evidence) {
        Set<String> listed = new HashSet<>();
        evidence.forEach(r -> listed.add(r.sopInstanceUid()));
        List<SopReference> used = new ArrayList<>(report.imageLibrary());
        for (MeasurementGroup g : report.groups()) {
            if (g.trackingId().isBlank() || g.trackingUid().isBlank()) {
                throw new IllegalArgumentException("every measurement group needs a Tracking Identifier and a Tracking UID (TID 1411)");
            }
            g.segment().ifPresent(s -> used.add(s.segmentation()));
        }
        for (SopReference r : used) {
            if (!listed.contains(r.sopInstanceUid())) {
                throw new IllegalArgumentException("the report refers to " + r.sopInstanceUid()
                        + ", which the evidence list does not contain: give its study and series there");
            }
        }
    }

    private static boolean usesScheme(MeasurementReport report, String scheme) {
        List<QualitativeEvaluation> all = new ArrayList<>(report.evaluations());
        report.groups().forEach(g -> all.addAll(g.evaluations()));
        return all.stream().anyMatch(e -> e.concept().scheme().equals(scheme) || e.value().scheme().equals(scheme))
                || report.groups().stream().anyMatch(g -> g.finding().map(c -> c.scheme().equals(scheme)).orElse(false));
    }

    private static ContentItem content(MeasurementReport report) {
        List<ContentItem> items = new ArrayList<>();
        report.language().ifPresent(l -> items.add(ContentItem.code(Relationship.HAS_CONCEPT_MOD, ReportCodes.LANGUAGE, l)));
        for (PersonObserver person : report.observers().persons()) {
            items.addAll(person(person));
        }
        for (DeviceObserver device : report.observers().devices()) {
            items.add(ContentItem.code(Relationship.HAS_OBS_CONTEXT, ReportCodes.OBSERVER_TYPE, ReportCodes.DEVICE));
            items.add(ContentItem.uid(Relationship.HAS_OBS_CONTEXT, ReportCodes.DEVICE_OBSERVER_UID, device.uid()));
            addText(items, ReportCodes.DEVICE_OBSERVER_NAME, device.name());
            addText(items, ReportCodes.DEVICE_OBSERVER_MANUFACTURER, device.manufacturer());
            addText(items, ReportCodes.DEVICE_OBSERVER_MODEL_NAME, device.modelName());
            addText(items, ReportCodes.DEVICE_OBSERVER_SERIAL_NUMBER, device.serialNumber());
        }
        for (Code procedure : report.proceduresReported()) {
            items.add(ContentItem.code(Relationship.HAS_CONCEPT_MOD, ReportCodes.PROCEDURE_REPORTED, procedure));
        }
        List<ContentItem> images = new ArrayList<>();
        for (SopReference image : report.imageLibrary()) {
            images.add(ContentItem.reference(Relationship.CONTAINS, new ContentValue.Image(image, List.of(), List.of())));
        }
        List<ContentItem> library = images.isEmpty() ? List.of()
                : List.of(ContentItem.container(Relationship.CONTAINS, ReportCodes.IMAGE_LIBRARY_GROUP, images));
        items.add(ContentItem.container(Relationship.CONTAINS, ReportCodes.IMAGE_LIBRARY, library));
        List<ContentItem> groups = new ArrayList<>();
        for (MeasurementGroup group : report.groups()) {
            groups.add(group(group));
        }
        items.add(ContentItem.container(Relationship.CONTAINS, ReportCodes.IMAGING_MEASUREMENTS, groups));
        if (!report.evaluations().isEmpty()) {
            items.add(ContentItem.container(Relationship.CONTAINS, ReportCodes.QUALITATIVE_EVALUATIONS,
                    report.evaluations().stream().map(MeasurementReportWriter::evaluation).toList()));
        }
        return new ContentItem(Optional.empty(), Optional.of(report.title()), new ContentValue.Container(true), items);
    }

    /** TID 1002 + 1003: Observer Type Person, then the name and organisation. */
    private static List<ContentItem> person(PersonObserver person) {
        List<ContentItem> items = new ArrayList<>();
        items.add(ContentItem.code(Relationship.HAS_OBS_CONTEXT, ReportCodes.OBSERVER_TYPE, ReportCodes.PERSON));
        items.add(ContentItem.of(Relationship.HAS_OBS_CONTEXT, ReportCodes.PERSON_OBSERVER_NAME,
                new ContentValue.PersonName(person.name())));
        addText(items, ReportCodes.PERSON_OBSERVER_ORGANIZATION, person.organization());
        return items;
    }

    private static void addText(List<ContentItem> items, Code concept, String text) {
        if (!text.isEmpty()) {
            items.add(ContentItem.text(Relationship.HAS_OBS_CONTEXT, concept, text));
        }
    }

    private static ContentItem group(MeasurementGroup group) {
        List<ContentItem> items = new ArrayList<>();
        items.add(ContentItem.text(Relationship.HAS_OBS_CONTEXT, ReportCodes.TRACKING_IDENTIFIER, group.trackingId()));
        items.add(ContentItem.uid(Relationship.HAS_OBS_CONTEXT, ReportCodes.TRACKING_UID, group.trackingUid()));
        group.finding().ifPresent(f -> items.add(ContentItem.code(Relationship.CONTAINS, ReportCodes.FINDING, f)));
        group.segment().ifPresent(s -> items.add(ContentItem.of(Relationship.CONTAINS, ReportCodes.REFERENCED_SEGMENT,
                new ContentValue.Image(s.segmentation(), List.of(), List.of(s.segmentNumber())))));
        group.sourceSeriesUid().ifPresent(uid -> items.add(
                ContentItem.uid(Relationship.CONTAINS, ReportCodes.SOURCE_SERIES_FOR_SEGMENTATION, uid)));
        group.findingSite().ifPresent(site -> items.add(ContentItem.of(Relationship.HAS_CONCEPT_MOD, ReportCodes.FINDING_SITE,
                new ContentValue.CodeValue(site), group.laterality().map(l -> List.of(
                        ContentItem.code(Relationship.HAS_CONCEPT_MOD, ReportCodes.LATERALITY, l))).orElse(List.of()))));
        for (Measurement m : group.measurements()) {
            List<ContentItem> modifiers = new ArrayList<>();
            m.method().ifPresent(c -> modifiers.add(ContentItem.code(Relationship.HAS_CONCEPT_MOD, ReportCodes.MEASUREMENT_METHOD, c)));
            m.derivation().ifPresent(c -> modifiers.add(ContentItem.code(Relationship.HAS_CONCEPT_MOD, ReportCodes.DERIVATION, c)));
            items.add(ContentItem.of(Relationship.CONTAINS, m.concept(), new ContentValue.Numeric(m.value(), m.unit()), modifiers));
        }
        for (QualitativeEvaluation e : group.evaluations()) {
            items.add(evaluation(e));
        }
        return ContentItem.of(Relationship.CONTAINS, ReportCodes.MEASUREMENT_GROUP, new ContentValue.Container(true), items);
    }

    /** A coded judgement; one person's judgement carries that person as its own observer context (TID 1002). */
    private static ContentItem evaluation(QualitativeEvaluation e) {
        List<ContentItem> context = e.observer().map(name -> person(PersonObserver.named(name))).orElse(List.of());
        return ContentItem.of(Relationship.CONTAINS, e.concept(), new ContentValue.CodeValue(e.value()), context);
    }
}
