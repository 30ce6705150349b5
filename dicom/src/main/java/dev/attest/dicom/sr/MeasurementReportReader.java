package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.write.InstanceReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a TID 1500 Measurement Report from any SR document (Attest's, highdicom's, dcmqi's) into
 * a {@link MeasurementReportDocument}.
 *
 * <p>What is read: language, person and device observers at the root, procedures reported, the
 * images of the Image Library, every Measurement Group of Imaging Measurements (tracking
 * identifier and UID, finding, finding site and its laterality, referenced segment, source
 * series, every NUM with its derivation and measurement method, every CONTAINS CODE other than
 * Finding as a qualitative evaluation with the person observer attached to it) and the root's
 * Qualitative Evaluations. Legacy SNOMED-RT concept names (G-C0E3 Finding Site, G-C036
 * Measurement Method, G-C171 Laterality) are recognised. Other content (image regions,
 * measurement properties, time points) is skipped.
 */
public final class MeasurementReportReader {
    private static final String SR_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";

    private MeasurementReportReader() {
    }

    /**
     * @throws SrFormatException when the file is not an SR document, not a TID 1500 report, or
     *                           its content tree is malformed
     */
    public static MeasurementReportDocument read(DicomFile file) throws SrFormatException {
        String src = file.source();
        DicomDataset ds = file.dataset();
        String sopClass = file.sopClassUid();
        if (!sopClass.startsWith(SR_CLASS_PREFIX)) {
            throw new SrFormatException(src, "SOP Class UID is '" + sopClass + "', not a structured report storage class");
        }
        ContentItem root = ContentTree.parse(src, ds);
        String template = ds.getItem(SrTags.ContentTemplateSequence).map(t -> t.getString(SrTags.TemplateIdentifier, "")).orElse("");
        boolean measurementReport = template.equals("1500")
                || template.isEmpty() && root.child(ReportCodes.IMAGING_MEASUREMENTS).isPresent();
        if (!measurementReport) {
            throw new SrFormatException(src, "the document is not a TID 1500 Measurement Report (template '" + template
                    + "', title " + root.concept().map(Code::toString).orElse("none") + ")");
        }
        MeasurementReport report = new MeasurementReport(root.concept().orElseThrow(),
                root.child(ReportCodes.LANGUAGE).flatMap(ContentItem::codeValue), observers(root),
                root.children(c -> c.is(ReportCodes.PROCEDURE_REPORTED)).stream().flatMap(c -> c.codeValue().stream()).toList(),
                imageLibrary(root), groups(root), rootEvaluations(root));
        List<InstanceReference> evidence = new ArrayList<>();
        evidence(ds.getSequence(SrTags.CurrentRequestedProcedureEvidenceSequence), evidence);
        evidence(ds.getSequence(SrTags.PertinentOtherEvidenceSequence), evidence);
        return new MeasurementReportDocument(src, sopClass, file.sopInstanceUid(), ds.getString(Tag.StudyInstanceUID, ""),
                ds.getString(Tag.SeriesInstanceUID, ""), "COMPLETE".equals(ds.getString(SrTags.CompletionFlag)),
                "VERIFIED".equals(ds.getString(SrTags.VerificationFlag)), evidence, report);
    }

    /** The fields of a device observer, filled as its content items come. */
    private static final class DeviceFields {
        final String uid;
        String name = "";
        String manufacturer = "";
        String model = "";
        String serial = "";

        DeviceFields(String uid) {
            this.uid = uid;
        }

        DeviceObserver toObserver() {
            return new DeviceObserver(uid, name, manufacturer, model, serial);
        }
    }

    /**
     * TID 1001 at the root, in document order: a Person Observer Name starts a person (with or
     * without an Observer Type before it, Person being TID 1002's default), a Device Observer UID
     * starts a device, and the items after each fill it in.
     */
    private static ObserverContext observers(ContentItem root) {
        List<PersonObserver> persons = new ArrayList<>();
        List<DeviceFields> devices = new ArrayList<>();
        for (ContentItem item : root.children(c -> c.relationship().equals(Optional.of(Relationship.HAS_OBS_CONTEXT)))) {
            String text = item.textValue().orElse("");
            DeviceFields device = devices.isEmpty() ? null : devices.get(devices.size() - 1);
            if (item.is(ReportCodes.PERSON_OBSERVER_NAME)) {
                persons.add(PersonObserver.named(text));
            } else if (item.is(ReportCodes.PERSON_OBSERVER_ORGANIZATION) && !persons.isEmpty()) {
                PersonObserver last = persons.remove(persons.size() - 1);
                persons.add(new PersonObserver(last.name(), text));
            } else if (item.is(ReportCodes.DEVICE_OBSERVER_UID) && !text.isEmpty()) {
                devices.add(new DeviceFields(text));
            } else if (device != null && item.is(ReportCodes.DEVICE_OBSERVER_NAME)) {
                device.name = text;
            } else if (device != null && item.is(ReportCodes.DEVICE_OBSERVER_MANUFACTURER)) {
                device.manufacturer = text;
            } else if (device != null && item.is(ReportCodes.DEVICE_OBSERVER_MODEL_NAME)) {
                device.model = text;
            } else if (device != null && item.is(ReportCodes.DEVICE_OBSERVER_SERIAL_NUMBER)) {
                device.serial = text;
            }
        }
        return new ObserverContext(persons, devices.stream().map(DeviceFields::toObserver).toList());
    }

    private static List<SopReference> imageLibrary(ContentItem root) {
        List<SopReference> images = new ArrayList<>();
        root.child(ReportCodes.IMAGE_LIBRARY).ifPresent(library -> collectImages(library, images));
        return images;
    }

    private static void collectImages(ContentItem item, List<SopReference> images) {
        for (ContentItem child : item.children()) {
            if (child.value() instanceof ContentValue.Image image) {
                images.add(image.sop());
            } else if (child.value() instanceof ContentValue.Container) {
                collectImages(child, images);
            }
        }
    }

    private static List<MeasurementGroup> groups(ContentItem root) {
        List<MeasurementGroup> groups = new ArrayList<>();
        for (ContentItem measurements : root.children(c -> c.is(ReportCodes.IMAGING_MEASUREMENTS))) {
            for (ContentItem group : measurements.children(c -> c.is(ReportCodes.MEASUREMENT_GROUP))) {
                groups.add(group(group));
            }
        }
        return groups;
    }

    private static MeasurementGroup group(ContentItem group) {
        Optional<ContentItem> site = group.child(ReportCodes.FINDING_SITE, ReportCodes.FINDING_SITE_SRT);
        Optional<ReferencedSegment> segment = group.child(ReportCodes.REFERENCED_SEGMENT)
                .filter(c -> c.value() instanceof ContentValue.Image image && !image.segments().isEmpty())
                .map(c -> (ContentValue.Image) c.value())
                .map(image -> new ReferencedSegment(image.sop(), image.segments().get(0)));
        List<Measurement> measurements = new ArrayList<>();
        List<QualitativeEvaluation> evaluations = new ArrayList<>();
        for (ContentItem item : group.children(c -> c.relationship().equals(Optional.of(Relationship.CONTAINS)))) {
            if (item.value() instanceof ContentValue.Numeric n) {
                measurements.add(new Measurement(item.concept().orElseThrow(), n.value(), n.unit(),
                        item.child(ReportCodes.DERIVATION).flatMap(ContentItem::codeValue),
                        item.child(ReportCodes.MEASUREMENT_METHOD, ReportCodes.MEASUREMENT_METHOD_SRT).flatMap(ContentItem::codeValue)));
            } else if (item.value() instanceof ContentValue.CodeValue && !item.is(ReportCodes.FINDING)) {
                evaluations.add(evaluation(item));
            }
        }
        return new MeasurementGroup(
                group.child(ReportCodes.TRACKING_IDENTIFIER).flatMap(ContentItem::textValue).orElse(""),
                group.child(ReportCodes.TRACKING_UID).flatMap(ContentItem::textValue).orElse(""),
                group.child(ReportCodes.FINDING).flatMap(ContentItem::codeValue),
                site.flatMap(ContentItem::codeValue),
                site.flatMap(s -> s.child(ReportCodes.LATERALITY, ReportCodes.LATERALITY_SRT)).flatMap(ContentItem::codeValue),
                segment,
                group.child(ReportCodes.SOURCE_SERIES_FOR_SEGMENTATION).flatMap(ContentItem::textValue),
                measurements, evaluations);
    }

    private static QualitativeEvaluation evaluation(ContentItem item) {
        return new QualitativeEvaluation(item.concept().orElseThrow(), item.codeValue().orElseThrow(),
                item.child(ReportCodes.PERSON_OBSERVER_NAME).flatMap(ContentItem::textValue));
    }

    private static List<QualitativeEvaluation> rootEvaluations(ContentItem root) {
        List<QualitativeEvaluation> out = new ArrayList<>();
        for (ContentItem container : root.children(c -> c.is(ReportCodes.QUALITATIVE_EVALUATIONS))) {
            for (ContentItem item : container.children()) {
                if (item.value() instanceof ContentValue.CodeValue) {
                    out.add(evaluation(item));
                }
            }
        }
        return out;
    }

    /** Hierarchical SOP Instance Reference items; references with a blank UID are skipped. */
    private static void evidence(List<DicomDataset> studies, List<InstanceReference> out) {
        for (DicomDataset study : studies) {
            String studyUid = study.getString(Tag.StudyInstanceUID, "");
            for (DicomDataset series : study.getSequence(Tag.ReferencedSeriesSequence)) {
                String seriesUid = series.getString(Tag.SeriesInstanceUID, "");
                for (DicomDataset sop : series.getSequence(Tag.ReferencedSOPSequence)) {
                    String cls = sop.getString(Tag.ReferencedSOPClassUID, "");
                    String uid = sop.getString(Tag.ReferencedSOPInstanceUID, "");
                    if (!studyUid.isEmpty() && !seriesUid.isEmpty() && !cls.isEmpty() && !uid.isEmpty()) {
                        out.add(new InstanceReference(studyUid, seriesUid, cls, uid));
                    }
                }
            }
        }
    }
}
