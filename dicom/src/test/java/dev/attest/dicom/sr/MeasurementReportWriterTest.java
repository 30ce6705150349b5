package dev.attest.dicom.sr;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.SegSrReference;
import dev.attest.dicom.seg.SegmentDefinition;
import dev.attest.dicom.seg.SegmentMask;
import dev.attest.dicom.seg.SegmentationSource;
import dev.attest.dicom.seg.SegmentationWriter;
import dev.attest.dicom.seg.SegmentedProperties;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.StudyContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports written by {@link MeasurementReportWriter} read back by {@link MeasurementReportReader} into equal records. */
class MeasurementReportWriterTest {
    private static ReviewedCase reviewed;

    @BeforeAll
    static void load() throws IOException {
        reviewed = ReviewedCase.load();
    }

    static DicomFile roundTrip(DicomDataset sr) throws IOException {
        return DicomReader.read("report.dcm", DicomWriter.toBytes(sr, TransferSyntax.EXPLICIT_VR_LE));
    }

    @Test
    void aWrittenReportReadsBackIntoTheSameRecords() throws IOException {
        MeasurementReport report = reviewed.report();
        DicomDataset sr = MeasurementReportWriter.write(report, reviewed.source.study(), reviewed.evidence(), reviewed.settings());
        MeasurementReportDocument doc = MeasurementReportReader.read(roundTrip(sr));
        assertEquals(report, doc.report());
        assertEquals("1.2.840.10008.5.1.4.1.1.88.34", doc.sopClassUid());
        assertEquals("2.25.4002", doc.sopInstanceUid());
        assertEquals(reviewed.source.study().studyInstanceUid(), doc.studyInstanceUid());
        assertEquals(reviewed.seg.getString(Tag.StudyInstanceUID), doc.studyInstanceUid(), "the report joins the SEG's study");
        assertEquals(reviewed.evidence(), doc.evidence());
        assertTrue(doc.complete());
        assertEquals(false, doc.verified());
    }

    @Test
    void measurementsCarryTheVolumeAndMeanOfEachSegment() throws IOException {
        DicomDataset sr = MeasurementReportWriter.write(reviewed.report(), reviewed.source.study(), reviewed.evidence(), reviewed.settings());
        MeasurementGroup liver = MeasurementReportReader.read(roundTrip(sr)).report().groups().get(1);
        assertEquals("liver, claim 2", liver.trackingId());
        assertEquals(Optional.of(Code.sct("10200004", "Liver")), liver.finding());
        assertEquals(Optional.of(new ReferencedSegment(new SopReference("1.2.840.10008.5.1.4.1.1.66.4", "2.25.3002"), 2)), liver.segment());
        // 366708 voxels (pydicom's count) of 0.9765625 x 0.9765625 x 2 mm.
        assertEquals(366708 * 0.9765625 * 0.9765625 * 2 / 1000, liver.measurements().get(0).value(), 1e-9);
        assertEquals(ReportCodes.MILLILITER, liver.measurements().get(0).unit());
        assertEquals(ReportCodes.HOUNSFIELD_UNIT, liver.measurements().get(1).unit());
        assertEquals(Optional.of(ReportCodes.MEAN), liver.measurements().get(1).derivation());
        MeasurementGroup adrenal = MeasurementReportReader.read(roundTrip(sr)).report().groups().get(2);
        assertEquals(Optional.of(Code.sct("24028007", "Right")), adrenal.laterality());
        assertEquals(new QualitativeEvaluation(AttestCodes.ERROR_TYPE, AttestCodes.WRONG_LOCATION, Optional.of("Reviewer^R02")),
                adrenal.evaluations().get(5));
    }

    @Test
    void theDocumentDeclaresItsTemplateEvidenceAndPrivateScheme() throws IOException {
        DicomDataset sr = MeasurementReportWriter.write(reviewed.report(), reviewed.source.study(), reviewed.evidence(),
                reviewed.settings().verifiedBy(new MeasurementReportWriter.Verification("Reviewer^R01", "Attest study",
                        LocalDateTime.of(2026, 3, 2, 10, 0))));
        DicomFile file = roundTrip(sr);
        DicomDataset ds = file.dataset();
        DicomDataset template = ds.getItem(SrTags.ContentTemplateSequence).orElseThrow();
        assertEquals(List.of("DCMR", "1500"), List.of(template.getString(SrTags.MappingResource), template.getString(SrTags.TemplateIdentifier)));
        DicomDataset scheme = ds.getItem(Tag.CodingSchemeIdentificationSequence).orElseThrow();
        assertEquals("99ATTEST", scheme.getString(SrTags.CodingSchemeDesignator));
        assertEquals(AttestCodes.SCHEME_UID, scheme.getString(SrTags.CodingSchemeUID));
        DicomDataset study = ds.getItem(SrTags.CurrentRequestedProcedureEvidenceSequence).orElseThrow();
        List<DicomDataset> series = study.getSequence(Tag.ReferencedSeriesSequence);
        assertEquals(2, series.size(), "the CT series and the SEG series");
        assertEquals(20, series.get(0).getSequence(Tag.ReferencedSOPSequence).size());
        assertEquals("2.25.3002", series.get(1).getSequence(Tag.ReferencedSOPSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals("VERIFIED", ds.getString(SrTags.VerificationFlag));
        assertEquals("Reviewer^R01", ds.getItem(SrTags.VerifyingObserverSequence).orElseThrow().getString(SrTags.VerifyingObserverName));
        assertTrue(MeasurementReportReader.read(file).verified());
    }

    @Test
    void aReportReferringToAnInstanceOutsideItsEvidenceIsRefused() {
        List<InstanceReference> imagesOnly = reviewed.source.sourceImages();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasurementReportWriter.write(
                reviewed.report(), reviewed.source.study(), imagesOnly, reviewed.settings()));
        assertEquals("the report refers to 2.25.3002, which the evidence list does not contain: give its study and series there",
                e.getMessage());
    }

    @Test
    void everyStandardCodeTheReportUsesHasItsPs316Meaning() {
        for (Code code : List.of(ReportCodes.IMAGING_MEASUREMENT_REPORT, ReportCodes.LANGUAGE, ReportCodes.PROCEDURE_REPORTED,
                ReportCodes.IMAGE_LIBRARY, ReportCodes.IMAGE_LIBRARY_GROUP, ReportCodes.IMAGING_MEASUREMENTS,
                ReportCodes.MEASUREMENT_GROUP, ReportCodes.OBSERVER_TYPE, ReportCodes.PERSON, ReportCodes.DEVICE,
                ReportCodes.PERSON_OBSERVER_NAME, ReportCodes.PERSON_OBSERVER_ORGANIZATION, ReportCodes.DEVICE_OBSERVER_UID,
                ReportCodes.DEVICE_OBSERVER_NAME, ReportCodes.DEVICE_OBSERVER_MANUFACTURER, ReportCodes.DEVICE_OBSERVER_MODEL_NAME,
                ReportCodes.DEVICE_OBSERVER_SERIAL_NUMBER, ReportCodes.TRACKING_IDENTIFIER, ReportCodes.TRACKING_UID,
                ReportCodes.FINDING, ReportCodes.REFERENCED_SEGMENT, ReportCodes.SOURCE_SERIES_FOR_SEGMENTATION,
                ReportCodes.FINDING_SITE, ReportCodes.LATERALITY, ReportCodes.MEASUREMENT_METHOD, ReportCodes.DERIVATION,
                ReportCodes.VOLUME, ReportCodes.SUM_OF_SEGMENTED_VOXEL_VOLUMES, ReportCodes.ATTENUATION_COEFFICIENT,
                ReportCodes.MEAN, ReportCodes.LEVEL_OF_SIGNIFICANCE, ReportCodes.SIGNIFICANT, ReportCodes.NOT_SIGNIFICANT,
                ReportCodes.HOUNSFIELD_UNIT, ReportCodes.CT_UNSPECIFIED_BODY_REGION, ReportCodes.MR_UNSPECIFIED_BODY_REGION,
                ReportCodes.MODALITY, ReportCodes.FRAME_OF_REFERENCE_UID)) {
            SegSrReference.assertKnown(code);
        }
    }

    @Test
    void privateCodesAreUniqueAndFitShortString() {
        Set<String> values = new HashSet<>();
        for (Code code : AttestCodes.all()) {
            assertTrue(values.add(code.value()), "duplicate " + code);
            assertTrue(code.value().length() <= 16 && code.value().matches("[A-Z]+"), code.toString());
            assertEquals("99ATTEST", code.scheme());
        }
        assertEquals(26, values.size());
    }

    /** A report on a SEG of a NIfTI volume: no source images, the SEG the only evidence. */
    record NiftiReport(MeasurementReport report, StudyContext study, List<InstanceReference> evidence) {
        static NiftiReport make() {
            ImageGrid grid = new ImageGrid(6, 4, 3, Affine.diagonal(1.5, 1.5, 3));
            Volume mask = Volume.allocate(grid, VoxelType.UINT8);
            ((byte[]) mask.sliceArray(1))[7] = 1;
            StudyContext study = StudyContext.synthesised("Case^0002", "CASE-0002", "", LocalDateTime.of(2026, 3, 3, 8, 0),
                    "2.25.5001", "2.25.5002");
            DicomDataset seg = SegmentationWriter.binary(SegmentationSource.of(grid, study),
                    List.of(new SegmentMask(SegmentDefinition.manual("nodule", SegmentedProperties.forName("nodule")), mask)),
                    SegmentationWriter.Settings.of(ReviewedCase.EQUIPMENT));
            InstanceReference segRef = InstanceReference.of(seg);
            MeasurementGroup group = new MeasurementGroup("nodule, claim 1", "2.25.5003", Optional.of(Code.sct("27925004", "Nodule")),
                    Optional.empty(), Optional.empty(), Optional.of(new ReferencedSegment(SopReference.of(segRef), 1)), Optional.empty(),
                    List.of(Measurement.volumeMl(1.5 * 1.5 * 3 / 1000)),
                    List.of(QualitativeEvaluation.by("Reviewer^R01", AttestCodes.VERDICT, AttestCodes.UNGRADABLE)));
            MeasurementReport report = MeasurementReport.of(new ObserverContext(List.of(PersonObserver.named("Reviewer^R01")), List.of()),
                    ReportCodes.CT_UNSPECIFIED_BODY_REGION, List.of(), List.of(group));
            return new NiftiReport(report, study, List.of(segRef));
        }
    }

    @Test
    void aReportOnANiftiSegListsNoImagesAndReadsBack() throws IOException {
        NiftiReport nifti = NiftiReport.make();
        DicomDataset sr = MeasurementReportWriter.write(nifti.report(), nifti.study(), nifti.evidence(), reviewed.settings());
        MeasurementReportDocument doc = MeasurementReportReader.read(roundTrip(sr));
        assertEquals(nifti.report(), doc.report());
        assertEquals("2.25.5001", doc.studyInstanceUid());
        assertEquals(List.of(), doc.report().imageLibrary());
        assertEquals(nifti.evidence(), doc.evidence());
    }
}
