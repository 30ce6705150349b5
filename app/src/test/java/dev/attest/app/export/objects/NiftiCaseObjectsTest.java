package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.dicom.Code;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.seg.Segment;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.seg.TargetGrid;
import dev.attest.dicom.sr.AttestCodes;
import dev.attest.dicom.sr.MeasurementGroup;
import dev.attest.dicom.sr.MeasurementReportDocument;
import dev.attest.dicom.sr.MeasurementReportReader;
import dev.attest.dicom.sr.PersonObserver;
import dev.attest.dicom.sr.QualitativeEvaluation;
import dev.attest.dicom.sr.ReportCodes;
import dev.attest.dicom.write.InstanceReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The objects of a reviewed NIfTI case of the demo phantom ({@link ReviewedPhantom}): COCO boxes against boxes
 * found voxel by voxel, RadFact's normalised boxes to the exact fractions, the SEG read back voxel for voxel, the
 * SR read back with each reviewer's verdicts under their pseudonym, no real name, file name or note in any file,
 * and dciodvfy and DCMTK on the DICOM objects.
 */
class NiftiCaseObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ReviewedPhantom phantom;
    static ImageGrid grid;
    static CaseObjects objects;

    @BeforeAll
    static void export() throws Exception {
        phantom = ReviewedPhantom.create(dir);
        grid = phantom.labels.grid();
        objects = CaseObjectsWriter.write(phantom.input(Optional.empty(), grid), dir.resolve("set/labels"), dir.resolve("set/sr"));
    }

    private static JsonNode json(ObjectKind kind) throws Exception {
        return JSON.readTree(objects.files(kind).get(0).toFile());
    }

    private static long evidenceId(Claim claim) {
        return phantom.store.evidence(claim.id()).stream().filter(e -> e.kind() == EvidenceKind.BOX).mapToLong(Evidence::id)
                .findFirst().orElseThrow();
    }

    @Test
    void writesFourObjectsAndSaysWhichBoxWasLeftOutAndWhy() {
        assertEquals(List.of(ObjectKind.COCO, ObjectKind.RADFACT, ObjectKind.SEG, ObjectKind.SR),
                objects.written().stream().map(CaseObjects.Written::kind).toList());
        assertEquals(List.of("case-0001.coco.json", "case-0001.radfact.json", "case-0001-seg1.dcm", "case-0001-sr.dcm"),
                objects.written().stream().map(w -> w.file().getFileName().toString()).toList());
        assertEquals(List.of(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.BAD_GEOMETRY, "evidence " + phantom.brokenBox.id()
                + ": geometry has neither min_index/max_index nor min_lps_mm/max_lps_mm")), objects.skipped());
    }

    @Test
    void cocoHasOneMaskAnnotationPerLabelledSliceWithTheBoxAndMaskFoundVoxelByVoxel() throws Exception {
        JsonNode coco = json(ObjectKind.COCO);
        int expected = 0;
        for (Claim f : phantom.findings) {
            for (int k = 0; k < grid.sizeZ(); k++) {
                expected += Brute.sliceBox(phantom.labels, f.labelValue(), k) != null ? 1 : 0;
            }
        }
        int seen = 0;
        for (JsonNode a : coco.get("annotations")) {
            if (!a.get("attest").get("source").asText().equals("model_mask")) {
                continue;
            }
            seen++;
            int label = a.get("attest").get("label_value").asInt();
            int k = a.get("image_id").asInt() - 1;
            long[] box = Brute.sliceBox(phantom.labels, label, k);
            assertNotNull(box, "label " + label + " on slice " + k);
            assertEquals(List.of(box[0], box[1], box[2], box[3]), longs(a.get("bbox")), "label " + label + " slice " + k);
            assertEquals(box[4], a.get("area").asLong());
            assertEquals(label, a.get("category_id").asInt());
            assertEquals("claim-" + phantom.finding(label).id(), a.get("attest").get("claim_id").asText());
            boolean[][] mask = Brute.decode(a.get("segmentation"));
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    assertEquals(phantom.labels.getStored(i, j, k) == label, mask[j][i], "RLE of label " + label + " at " + i + "," + j + "," + k);
                }
            }
        }
        assertEquals(expected, seen);
        assertEquals(277, expected, "pinned: the labelled slices brute force finds in this phantom, so an empty export cannot pass");
    }

    @Test
    void cocoGivesA3dBoxOneAnnotationPerSliceAndNamesCategoriesFromTheLabelTable() throws Exception {
        JsonNode coco = json(ObjectKind.COCO);
        List<List<Long>> phraseBoxes = new ArrayList<>();
        List<Integer> phraseSlices = new ArrayList<>();
        int[][] cyst = Brute.box3d(phantom.labels, 11);
        List<Integer> cystSlices = new ArrayList<>();
        List<String> reviewers = new ArrayList<>();
        for (JsonNode a : coco.get("annotations")) {
            JsonNode at = a.get("attest");
            if (at.has("evidence_id") && at.get("evidence_id").asText().equals("evidence-" + evidenceId(phantom.phrase))) {
                phraseBoxes.add(longs(a.get("bbox")));
                phraseSlices.add(a.get("image_id").asInt() - 1);
                assertEquals(64, a.get("area").asLong());
                assertEquals(14, a.get("category_id").asInt(), "a box with no label: 'finding', after the 13 labels");
                assertEquals("model_box", at.get("source").asText());
                assertEquals("[20,24,30]", at.get("min_index").toString());
                assertEquals("[27,31,33]", at.get("max_index").toString());
            }
            if (at.has("evidence_id") && at.get("evidence_id").asText().equals("evidence-" + evidenceId(phantom.cyst))) {
                // Stored in millimetres only: read back to the label's own voxel box.
                assertEquals(List.of((long) cyst[0][0], (long) cyst[0][1], (long) (cyst[1][0] - cyst[0][0] + 1),
                        (long) (cyst[1][1] - cyst[0][1] + 1)), longs(a.get("bbox")));
                cystSlices.add(a.get("image_id").asInt() - 1);
                assertEquals(CocoCategories.UNLABELLED, category(coco, a.get("category_id").asInt()),
                        "a sentence's box names no label");
            }
            if (at.get("source").asText().equals("reviewer_box")) {
                reviewers.add(at.get("reviewer").asText() + " " + at.get("claim_id").asText() + " " + a.get("category_id") + " "
                        + a.get("bbox"));
            }
        }
        assertEquals(List.of(30, 31, 32, 33), phraseSlices);
        assertEquals(4, phraseBoxes.size());
        phraseBoxes.forEach(b -> assertEquals(List.of(20L, 24L, 8L, 8L), b));
        List<Integer> expectedCyst = new ArrayList<>();
        for (int k = cyst[0][2]; k <= cyst[1][2]; k++) {
            expectedCyst.add(k);
        }
        assertEquals(expectedCyst, cystSlices);
        List<String> expectedReviewers = new ArrayList<>();
        for (int k = 30; k <= 33; k++) {
            expectedReviewers.add("reader-2 claim-" + phantom.phrase.id() + " 10 [21,24,8,8]");
        }
        for (int k = cyst[0][2]; k <= cyst[1][2]; k++) {
            expectedReviewers.add("reader-1 null 11 [" + cyst[0][0] + "," + cyst[0][1] + "," + (cyst[1][0] - cyst[0][0] + 1) + ","
                    + (cyst[1][1] - cyst[0][1] + 1) + "]");
        }
        assertEquals(expectedReviewers, reviewers);

        List<String> categories = new ArrayList<>();
        coco.get("categories").forEach(c -> categories.add(c.get("id") + " " + c.get("name").asText()));
        List<String> expectedCategories = new ArrayList<>();
        CtPhantom.STRUCTURES.forEach(s -> expectedCategories.add(s.label() + " " + s.name()));
        expectedCategories.add("14 finding");
        assertEquals(expectedCategories, categories);

        TreeSet<Integer> slices = new TreeSet<>();
        coco.get("annotations").forEach(a -> slices.add(a.get("image_id").asInt()));
        List<Integer> imageIds = new ArrayList<>();
        for (JsonNode image : coco.get("images")) {
            imageIds.add(image.get("id").asInt());
            assertEquals(image.get("id").asInt() - 1, image.get("attest").get("slice_index").asInt());
            assertEquals("images/case-0001.nii.gz", image.get("file_name").asText());
            assertEquals(64, image.get("width").asInt());
            assertEquals(64, image.get("height").asInt());
        }
        assertEquals(List.copyOf(slices), imageIds, "one image per slice an annotation lies on");
    }

    private static String category(JsonNode coco, int id) {
        for (JsonNode c : coco.get("categories")) {
            if (c.get("id").asInt() == id) {
                return c.get("name").asText();
            }
        }
        throw new AssertionError("no category " + id);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    @Test
    void radFactBoxesAreNormalisedOnTheirKeySliceAndTheTargetIsTheReviewedReport() throws Exception {
        JsonNode file = json(ObjectKind.RADFACT);
        assertEquals(1, file.size(), "RadFact reads a list of examples");
        JsonNode example = file.get(0);
        assertEquals("case-0001", example.get("example_id").asText());
        for (String report : List.of("prediction", "target")) {
            for (JsonNode phrase : example.get(report)) {
                // RadFact's GroundedPhrase.from_dict accepts exactly these keys, and boxes null or non-empty in [0, 1].
                assertEquals(List.of("text", "boxes"), fieldNames(phrase));
                if (!phrase.get("boxes").isNull()) {
                    assertFalse(phrase.get("boxes").isEmpty());
                    for (JsonNode b : phrase.get("boxes")) {
                        assertEquals(List.of("x_min", "y_min", "x_max", "y_max"), fieldNames(b));
                        assertTrue(0 <= b.get("x_min").asDouble() && b.get("x_min").asDouble() <= b.get("x_max").asDouble()
                                && b.get("x_max").asDouble() <= 1);
                        assertTrue(0 <= b.get("y_min").asDouble() && b.get("y_min").asDouble() <= b.get("y_max").asDouble()
                                && b.get("y_max").asDouble() <= 1);
                    }
                }
            }
        }
        JsonNode prediction = example.get("prediction");
        assertEquals(16, prediction.size());
        int phrase = phantom.findings.size();
        assertEquals("nodule in the left upper lobe", prediction.get(phrase).get("text").asText());
        // Voxels 20..27 and 24..31 of 64: from pixel edges, 20/64 to 28/64 and 24/64 to 32/64.
        assertEquals("[{\"x_min\":0.3125,\"y_min\":0.375,\"x_max\":0.4375,\"y_max\":0.5}]", prediction.get(phrase).get("boxes").toString());
        JsonNode phraseSource = example.get("attest").get("prediction").get(phrase);
        assertEquals(31, phraseSource.get("boxes").get(0).get("slice_index").asInt(), "the middle of slices 30..33, the lower one");
        assertTrue(prediction.get(phrase + 1).get("boxes").isNull(), "the broken box is left out, the sentence stays");

        // The liver's mask: its box on the slice where it has most voxels, found here voxel by voxel.
        int liverSlice = -1;
        long most = 0;
        for (int k = 0; k < grid.sizeZ(); k++) {
            long[] b = Brute.sliceBox(phantom.labels, 4, k);
            if (b != null && b[4] > most) {
                most = b[4];
                liverSlice = k;
            }
        }
        long[] liver = Brute.sliceBox(phantom.labels, 4, liverSlice);
        JsonNode liverBox = prediction.get(3).get("boxes").get(0);
        assertEquals(liver[0] / 64.0, liverBox.get("x_min").asDouble(), 0);
        assertEquals(liver[1] / 64.0, liverBox.get("y_min").asDouble(), 0);
        assertEquals((liver[0] + liver[2]) / 64.0, liverBox.get("x_max").asDouble(), 0);
        assertEquals((liver[1] + liver[3]) / 64.0, liverBox.get("y_max").asDouble(), 0);
        assertEquals(liverSlice, example.get("attest").get("prediction").get(3).get("boxes").get(0).get("slice_index").asInt());
        assertEquals("[{\"x_min\":0.078125,\"y_min\":0.28125,\"x_max\":0.546875,\"y_max\":0.6875}]", prediction.get(3).get("boxes").toString());

        List<String> target = new ArrayList<>();
        example.get("target").forEach(p -> target.add(p.get("text").asText()));
        List<String> expected = new ArrayList<>();
        // Kept: a majority of gradable verdicts correct or partial. The liver lesion (both incorrect), the
        // effusion (one of two) and the unscored cyst sentence are left out; the body is kept on its one gradable verdict.
        for (Claim f : phantom.findings) {
            if (f.labelValue() != 9) {
                expected.add(f.text());
            }
        }
        expected.add("6 mm nodule in the left upper lobe, MRN: [ID]");
        expected.add("small right pleural effusion");
        assertEquals(expected, target);
        JsonNode revised = example.get("target").get(expected.size() - 2);
        assertEquals("[{\"x_min\":0.328125,\"y_min\":0.375,\"x_max\":0.453125,\"y_max\":0.5}]", revised.get("boxes").toString(),
                "the reviewer's corrected box replaces the model's");
        assertTrue(example.get("target").get(expected.size() - 1).get("boxes").isNull(), "a missed finding marked by a point");
        JsonNode missed = example.get("attest").get("target").get(expected.size() - 1);
        assertEquals("reader-2", missed.get("reviewer").asText());
        assertTrue(missed.get("claim_id").isNull());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void segReadsBackVoxelForVoxelInTheCasesOwnSynthesisedStudy() throws Exception {
        DicomFile file = DicomReader.read(objects.files(ObjectKind.SEG).get(0));
        Segmentation seg = SegmentationReader.read(file, TargetGrid.of(grid), false);
        List<String> names = seg.segments().stream().map(Segment::label).toList();
        assertEquals(CtPhantom.STRUCTURES.stream().map(CtPhantom.Structure::name).toList(), names);
        // Segments of a label map never overlap: one layer, and since the phantom's labels are 1..13 in order,
        // segment n is label n.
        assertEquals(1, seg.layerCount());
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    assertEquals(phantom.labels.getStored(i, j, k), seg.layers().get(0).getStored(i, j, k), "at " + i + "," + j + "," + k);
                }
            }
        }
        assertEquals("Kidney", seg.segments().get(4).type(), "'right kidney' is read as kidney, right");
        assertEquals("Tissue", seg.segments().get(8).type(), "'liver lesion' is not in the table");
        var ds = file.dataset();
        assertEquals("case-0001", ds.getString(Tag.PatientName));
        assertEquals("case-0001", ds.getString(Tag.PatientID));
        assertEquals("YES", ds.getString(0x00120062));
        assertEquals(phantom.uids.remap("attest:case-" + phantom.reviewCase.id() + ":frame-of-reference"), ds.getString(Tag.FrameOfReferenceUID));
        assertEquals(phantom.uids.remap("attest:case-" + phantom.reviewCase.id() + ":study"), ds.getString(Tag.StudyInstanceUID));
        assertTrue(ds.getSequence(Tag.ReferencedSeriesSequence).isEmpty(), "a NIfTI case has no images to refer to");
    }

    @Test
    void srCarriesEveryReviewersJudgementsUnderTheirPseudonymAndRefersToTheSeg() throws Exception {
        MeasurementReportDocument doc = MeasurementReportReader.read(DicomReader.read(objects.files(ObjectKind.SR).get(0)));
        DicomFile segFile = DicomReader.read(objects.files(ObjectKind.SEG).get(0));
        InstanceReference seg = InstanceReference.of(segFile);
        assertEquals(List.of(seg), doc.evidence());
        assertEquals(seg.studyInstanceUid(), doc.studyInstanceUid(), "SEG and SR share the case's study");
        assertFalse(doc.complete(), "the cyst sentence has no score");
        assertEquals(List.of(PersonObserver.named("reader-1"), PersonObserver.named("reader-2")), doc.report().observers().persons());
        assertEquals(List.of(ReportCodes.CT_UNSPECIFIED_BODY_REGION), doc.report().proceduresReported());
        assertEquals(List.of(), doc.report().imageLibrary());
        List<MeasurementGroup> groups = doc.report().groups();
        assertEquals(16, groups.size());

        Claim lesion = phantom.finding(9);
        MeasurementGroup g = groups.get(8);
        assertEquals("claim-" + lesion.id() + ": " + lesion.text(), g.trackingId());
        assertEquals(seg.sopInstanceUid(), g.segment().orElseThrow().segmentation().sopInstanceUid());
        assertEquals(9, g.segment().orElseThrow().segmentNumber());
        assertEquals(Optional.empty(), g.sourceSeriesUid());
        assertEquals(lesion.numericValue(), g.measurements().get(0).value(), 1e-9, "the volume the claim states");
        assertEquals(List.of(
                QualitativeEvaluation.by("reader-1", AttestCodes.VERDICT, AttestCodes.INCORRECT),
                QualitativeEvaluation.by("reader-1", AttestCodes.EVIDENCE_SUPPORT, AttestCodes.SUPPORTS),
                QualitativeEvaluation.by("reader-1", AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_GOOD),
                QualitativeEvaluation.by("reader-1", AttestCodes.ERROR_TYPE, AttestCodes.FALSE_FINDING),
                QualitativeEvaluation.by("reader-1", ReportCodes.LEVEL_OF_SIGNIFICANCE, ReportCodes.SIGNIFICANT),
                QualitativeEvaluation.by("reader-2", AttestCodes.VERDICT, AttestCodes.INCORRECT),
                QualitativeEvaluation.by("reader-2", AttestCodes.EVIDENCE_SUPPORT, AttestCodes.CONTRADICTS),
                QualitativeEvaluation.by("reader-2", AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_MISS),
                QualitativeEvaluation.by("reader-2", AttestCodes.ERROR_TYPE, AttestCodes.FALSE_FINDING),
                QualitativeEvaluation.by("reader-2", ReportCodes.LEVEL_OF_SIGNIFICANCE, ReportCodes.NOT_SIGNIFICANT)),
                g.evaluations());
        MeasurementGroup kidney = groups.get(4);
        assertEquals(Optional.of(Code.sct("64033007", "Kidney")), kidney.finding());
        assertEquals(Optional.of(Code.sct("24028007", "Right")), kidney.laterality());

        MeasurementGroup phrase = groups.get(13);
        assertEquals("claim-" + phantom.phrase.id() + ": nodule in the left upper lobe", phrase.trackingId());
        assertEquals(Optional.empty(), phrase.segment(), "a boxed phrase has no segment to refer to");
        assertEquals(List.of(
                QualitativeEvaluation.by("reader-1", AttestCodes.VERDICT, AttestCodes.PARTIALLY_CORRECT),
                QualitativeEvaluation.by("reader-1", AttestCodes.EVIDENCE_SUPPORT, AttestCodes.PARTIALLY_SUPPORTS),
                QualitativeEvaluation.by("reader-1", AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_HIT),
                QualitativeEvaluation.by("reader-1", AttestCodes.ERROR_TYPE, AttestCodes.WRONG_SEVERITY_OR_SIZE),
                QualitativeEvaluation.by("reader-1", ReportCodes.LEVEL_OF_SIGNIFICANCE, ReportCodes.NOT_SIGNIFICANT),
                QualitativeEvaluation.by("reader-2", AttestCodes.VERDICT, AttestCodes.CORRECT),
                QualitativeEvaluation.by("reader-2", AttestCodes.EVIDENCE_SUPPORT, AttestCodes.SUPPORTS),
                QualitativeEvaluation.by("reader-2", AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_GOOD)), phrase.evaluations());
        assertEquals(List.of(), groups.get(15).evaluations(), "nobody scored the cyst sentence");
        assertEquals(List.of(QualitativeEvaluation.by("reader-1", AttestCodes.ACCEPTABILITY, AttestCodes.ACCEPTABLE_WITH_EDITS),
                QualitativeEvaluation.by("reader-2", AttestCodes.ACCEPTABILITY, AttestCodes.NOT_ACCEPTABLE)), doc.report().evaluations());
        var ds = DicomReader.read(objects.files(ObjectKind.SR).get(0)).dataset();
        assertEquals(segFile.dataset().getString(Tag.FrameOfReferenceUID), phantom.uids.remap("attest:case-" + phantom.reviewCase.id()
                + ":frame-of-reference"));
        assertEquals("case-0001", ds.getString(Tag.PatientName));
    }

    @Test
    void noRealNameFileNameNoteOrIdentifierReachesAnyFile() throws Exception {
        Set<String> forbidden = Set.of("Realname", "Secretname", "Alice", "Bob", "Doe_Jane", "19700101", "12345678",
                "the note stays out", "fine after the edit", dir.toString(), phantom.niftiFile.getFileName().toString());
        for (CaseObjects.Written w : objects.written()) {
            String bytes = new String(Files.readAllBytes(w.file()), StandardCharsets.ISO_8859_1);
            for (String s : forbidden) {
                assertFalse(bytes.contains(s), w.file().getFileName() + " holds '" + s + "'");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("validator")
    void dciodvfyFindsNoErrorInTheSegOrTheSrAndDcmtkAcceptsTheSrTree() throws Exception {
        KnownWarnings.assertAccepted(objects.files(ObjectKind.SEG).get(0), objects.files(ObjectKind.SR).get(0), "case-0001");
        OutsideTools.Run dcmtk = OutsideTools.dsrdump(objects.files(ObjectKind.SR).get(0));
        assertEquals(0, dcmtk.exitCode(), dcmtk.output());
        assertEquals(List.of(), dcmtk.output().lines().filter(l -> l.startsWith("E:") || l.startsWith("F:")).toList(), dcmtk.output());
    }
}
