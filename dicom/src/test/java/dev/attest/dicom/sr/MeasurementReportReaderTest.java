package dev.attest.dicom.sr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.write.InstanceReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TID 1500 reports written by other tools (highdicom's Comprehensive 3D SR, dcmqi's Comprehensive
 * SR with 22 PET measurements), read into records and compared field by field with
 * {@code reference/segsr/seg_sr_reference.json}, which {@code tools/reference/make_seg_sr_refs.py}
 * extracted with pydicom.
 */
class MeasurementReportReaderTest {
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MeasurementReportReaderTest.class.getResourceAsStream("/reference/segsr/seg_sr_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    static Optional<Code> code(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty()
                : Optional.of(new Code(node.get(0).asText(), node.get(1).asText(), node.get(2).asText()));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"highdicom:seg-sr/highdicom_sr_document.dcm", "dcmqi:seg-sr/dcmqi_sr-example/sr.dcm"})
    void reportsOfOtherToolsReadAsPydicomSeesThem(String spec) throws IOException {
        String[] parts = spec.split(":");
        JsonNode expected = ref.get("sr").get(parts[0]);
        MeasurementReportDocument doc = MeasurementReportReader.read(TestData.read(parts[1]));
        MeasurementReport report = doc.report();
        assertEquals(expected.get("sopClassUid").asText(), doc.sopClassUid());
        assertEquals(code(expected.get("title")).orElseThrow(), report.title());
        assertEquals(code(expected.get("language")), report.language());
        assertEquals(List.of(code(expected.get("procedure")).orElseThrow()), report.proceduresReported());
        assertEquals(expected.get("completion").asText().equals("COMPLETE"), doc.complete());
        assertEquals(expected.get("verification").asText().equals("VERIFIED"), doc.verified());
        assertEquals(strings(expected.get("personObservers")), report.observers().persons().stream().map(PersonObserver::name).toList());
        assertEquals(strings(expected.get("deviceObserverUids")), report.observers().devices().stream().map(DeviceObserver::uid).toList());
        assertEquals(strings(expected.get("imageLibrary")), report.imageLibrary().stream().map(SopReference::sopInstanceUid).toList());
        List<String> evidence = new ArrayList<>();
        expected.get("evidence").forEach(e -> evidence.add(String.join("|", strings(e))));
        assertEquals(evidence, doc.evidence().stream().map(r -> String.join("|", r.studyInstanceUid(), r.seriesInstanceUid(),
                r.sopClassUid(), r.sopInstanceUid())).toList());
        assertEquals(expected.get("groups").size(), report.groups().size());
        for (int g = 0; g < report.groups().size(); g++) {
            JsonNode eg = expected.get("groups").get(g);
            MeasurementGroup group = report.groups().get(g);
            assertEquals(eg.get("trackingIdentifier").asText(), group.trackingId());
            assertEquals(eg.get("trackingUid").asText(), group.trackingUid());
            assertEquals(code(eg.get("finding")), group.finding());
            assertEquals(code(eg.get("findingSite")), group.findingSite());
            JsonNode segment = eg.get("segment");
            assertEquals(segment.isNull() ? Optional.empty() : Optional.of(segment.get(0).asText() + "#" + segment.get(1).asInt()),
                    group.segment().map(s -> s.segmentation().sopInstanceUid() + "#" + s.segmentNumber()));
            assertEquals(eg.get("sourceSeries").isNull() ? Optional.empty() : Optional.of(eg.get("sourceSeries").asText()),
                    group.sourceSeriesUid());
            JsonNode ms = eg.get("measurements");
            assertEquals(ms.size(), group.measurements().size());
            for (int m = 0; m < ms.size(); m++) {
                JsonNode em = ms.get(m);
                Measurement measurement = group.measurements().get(m);
                assertEquals(new Measurement(code(em.get("concept")).orElseThrow(), Double.parseDouble(em.get("value").asText()),
                        code(em.get("unit")).orElseThrow(), code(em.get("derivation")), code(em.get("method"))), measurement,
                        "group " + g + " measurement " + m);
            }
            assertEquals(List.of(), group.evaluations(), "neither example codes a qualitative evaluation in its group");
        }
    }

    @Test
    void theDcmqiReportsVolumeOfItsTumourWithLegacySnomedCodes() throws IOException {
        MeasurementGroup group = MeasurementReportReader.read(TestData.read("seg-sr/dcmqi_sr-example/sr.dcm")).report().groups().get(0);
        Measurement volume = group.measurements().stream().filter(m -> m.concept().value().equals("G-D705")).findFirst().orElseThrow();
        assertEquals(new Measurement(new Code("G-D705", "SRT", "Volume"), 33.5824, new Code("ml", "UCUM", "Milliliter"),
                Optional.empty(), Optional.of(Code.dcm("126030", "Sum of segmented voxel volumes"))), volume);
        assertEquals(22, group.measurements().size());
    }

    @Test
    void theSegTheDcmqiReportRefersToStillReads() throws IOException {
        JsonNode expected = ref.get("dcmqiSrSeg");
        DicomFile file = TestData.read("seg-sr/dcmqi_sr-example/seg.dcm");
        Segmentation seg = SegmentationReader.readOnOwnGrid(file, false);
        assertEquals(expected.get("frames").asInt(), seg.header().frames().size());
        assertEquals(expected.get("voxels").asLong(), seg.voxelCounts().get(1));
        assertEquals(expected.get("label").asText(), seg.segments().get(0).label());
        MeasurementReportDocument doc = MeasurementReportReader.read(TestData.read("seg-sr/dcmqi_sr-example/sr.dcm"));
        assertEquals(file.sopInstanceUid(), doc.report().groups().get(0).segment().orElseThrow().segmentation().sopInstanceUid());
        assertTrue(doc.evidence().stream().map(InstanceReference::sopInstanceUid).anyMatch(file.sopInstanceUid()::equals),
                "the SEG is listed in the report's evidence");
    }

    @Test
    void aSegIsRefusedAsAReportNamingTheFile() throws IOException {
        DicomFile seg = TestData.read("seg-sr/highdicom_seg_single_frame.dcm");
        SrFormatException e = assertThrows(SrFormatException.class, () -> MeasurementReportReader.read(seg));
        assertEquals(seg.source() + ": SOP Class UID is '1.2.840.10008.5.1.4.1.1.66.4', not a structured report storage class",
                e.getMessage());
    }

    @Test
    void aCodeItemWithoutItsValueIsRefusedNamingTheItem() throws IOException {
        DicomFile file = TestData.read("seg-sr/highdicom_sr_document.dcm");
        DicomDataset ds = file.dataset();
        // Content item 1.8.1.3 is the group's Finding (CODE).
        ds.getSequence(SrTags.ContentSequence).get(7).getSequence(SrTags.ContentSequence).get(0)
                .getSequence(SrTags.ContentSequence).get(2).remove(SrTags.ConceptCodeSequence);
        DicomFile broken = DicomReader.read("broken-sr.dcm", DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE));
        SrFormatException e = assertThrows(SrFormatException.class, () -> MeasurementReportReader.read(broken));
        assertEquals("broken-sr.dcm: content item 1.8.1.3 is a CODE without a complete Concept Code Sequence (0040,A168)",
                e.getMessage());
    }
}
