package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.RunFacts;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.io.Sha256;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Uids;
import dev.attest.dicom.deid.FreeTextScrubber;
import dev.attest.dicom.deid.KnownIdentifiers;
import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.deid.UidMap;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.seg.Segmentation;
import dev.attest.dicom.seg.SegmentationReader;
import dev.attest.dicom.seg.TargetGrid;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.series.VolumeAssembler;
import dev.attest.dicom.sr.AttestCodes;
import dev.attest.dicom.sr.MeasurementGroup;
import dev.attest.dicom.sr.MeasurementReportDocument;
import dev.attest.dicom.sr.MeasurementReportReader;
import dev.attest.dicom.sr.PersonObserver;
import dev.attest.dicom.sr.QualitativeEvaluation;
import dev.attest.dicom.sr.SopReference;
import dev.attest.dicom.write.Equipment;
import dev.attest.dicom.write.InstanceReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The objects of a case opened from a real DICOM series: the TotalSegmentator example CT (20 slices, 512 × 512,
 * JPEG 2000, blank Study and Series Instance UIDs) with the model's 31-organ label map, added to a project and
 * reviewed. COCO's boxes and masks are checked against totalseg_slice_boxes.json (pydicom + nibabel + numpy, see
 * tools/reference/make_export_objects_refs.py); the SEG refers slice by slice to the remapped SOP Instance UIDs and
 * reads back voxel for voxel; the SR refers to the SEG and the remapped images; no original UID survives.
 */
class DicomCaseObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));
    private static final String CT = "series-ct/totalsegmentator_example_ct_dicom";
    private static final String LABELS = "nifti/totalsegmentator_example_seg_dicom.nii.gz";
    static final RunFacts RUN = new RunFacts("TotalSegmentator", "2.0.0", null, "{\"task\":\"total\"}", "PyTorch 2.7.1", "cpu",
            Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T04:05:08Z"));

    @TempDir
    static Path dir;
    static StackGeometry stack;
    static Volume labels;
    static JsonNode reference;
    static CaseImport.ImportedCase imported;
    static Reviewer carol;
    static UidMap uids;
    static CaseObjects objects;

    @BeforeAll
    static void export() throws Exception {
        DicomScanner.Result scan = DicomScanner.scan(DATA.resolve(CT));
        stack = SeriesSelector.select(CT, SeriesGrouper.group(scan.files()), null, 1).stack();
        NiftiImage nifti = NiftiReader.read(DATA.resolve(LABELS));
        labels = onGrid(nifti.volume(), stack.grid());
        reference = JSON.readTree(DicomCaseObjectsTest.class.getResourceAsStream("totalseg_slice_boxes.json"));
        Volume ct = VolumeAssembler.load(stack);
        ProjectStore store = Projects.create(dir.resolve("project"));
        imported = CaseImport.add(store, new CaseDraft("series:totalsegmentator-example", "Site B", "Biograph40", "CT",
                DATA.resolve(CT).toAbsolutePath().toString()), ct, labels, LabelDescriptions.fromNifti(nifti), RUN, "HU");
        carol = store.addReviewer("Carol Hiddenname");
        Claim liver = claim(5);
        Claim spleen = claim(1);
        store.saveScores(List.of(
                new ScoreDraft(liver.id(), carol.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, Localisation.GOOD, null,
                        Significance.SIGNIFICANT, null),
                new ScoreDraft(spleen.id(), carol.id(), Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, Localisation.MISS,
                        ErrorType.WRONG_LOCATION, Significance.INSIGNIFICANT, null)));
        store.addCorrection(new CorrectionDraft(imported.reviewCase().id(), liver.id(), AnnotationKind.BOX, null,
                ReviewedPhantom.indexBox(new int[] {100, 200, 3}, new int[] {259, 311, 5}, 5), null, carol.id()));
        store.setAcceptability(imported.reviewCase().id(), carol.id(), Acceptability.ACCEPTABLE, null);
        uids = new UidMap(ProjectSecret.of("a different project secret, 32+".getBytes(StandardCharsets.US_ASCII)));
        FreeTextScrubber scrubber = new FreeTextScrubber(KnownIdentifiers.none());
        CaseObjectsInput in = new CaseObjectsInput(store, imported.reviewCase(), "case-0002", Map.of(carol.id(), "reader-3"),
                stack.grid(), "images/case-0002.nii.gz", Optional.of(stack), uids::remap, s -> scrubber.scrub(s).text(),
                Equipment.attest("Attest workstation", "0.1-test", "export"), LocalDateTime.of(2026, 3, 4, 5, 6, 7));
        objects = CaseObjectsWriter.write(in, dir.resolve("set/labels"), dir.resolve("set/sr"));
    }

    /** The label map on {@code target}, which must be a re-indexing of the same voxel lattice (nothing is interpolated). */
    static Volume onGrid(Volume source, ImageGrid target) {
        Affine toSource = source.grid().lpsToIndex().multiply(target.indexToLps());
        Volume out = Volume.allocate(target, VoxelType.UINT8);
        for (int k = 0; k < target.sizeZ(); k++) {
            for (int j = 0; j < target.sizeY(); j++) {
                for (int i = 0; i < target.sizeX(); i++) {
                    Vec3 s = toSource.apply(i, j, k);
                    int x = (int) Math.round(s.x());
                    int y = (int) Math.round(s.y());
                    int z = (int) Math.round(s.z());
                    if (Math.abs(s.x() - x) + Math.abs(s.y() - y) + Math.abs(s.z() - z) > 1e-3) {
                        throw new AssertionError("voxel " + i + "," + j + "," + k + " is off the label map's lattice: " + s);
                    }
                    out.setStored(i, j, k, source.getStored(x, y, z));
                }
            }
        }
        return out;
    }

    static Claim claim(int label) {
        return imported.claims().stream().filter(c -> c.labelValue() == label).findFirst().orElseThrow();
    }

    /** The remapped SOP Instance UIDs of the slices, in slice order. */
    static List<String> remappedSlices() {
        List<String> out = new ArrayList<>();
        reference.get("sopInstanceUids").forEach(u -> out.add(uids.remap(u.asText())));
        return out;
    }

    @Test
    void cocoMasksMatchTheBoxesAndRunLengthsNumpyFindsOnEverySlice() throws Exception {
        JsonNode coco = JSON.readTree(objects.files(ObjectKind.COCO).get(0).toFile());
        Map<String, String> expected = new HashMap<>();
        reference.get("boxes").fields().forEachRemaining(e -> e.getValue().forEach(b -> expected.put(e.getKey() + "@" + b.get(0).asInt(),
                b.get(1) + "," + b.get(2) + "," + b.get(3) + "," + b.get(4) + " area " + b.get(5) + " rle " + b.get(6).asText())));
        Map<String, String> actual = new HashMap<>();
        for (JsonNode a : coco.get("annotations")) {
            if (!a.get("attest").get("source").asText().equals("model_mask")) {
                continue;
            }
            StringBuilder counts = new StringBuilder();
            a.get("segmentation").get("counts").forEach(c -> counts.append(counts.isEmpty() ? "" : ",").append(c.asLong()));
            JsonNode b = a.get("bbox");
            actual.put(a.get("attest").get("label_value").asInt() + "@" + (a.get("image_id").asInt() - 1),
                    b.get(0) + "," + b.get(1) + "," + b.get(2) + "," + b.get(3) + " area " + a.get("area")
                            + " rle " + Sha256.of(new java.io.ByteArrayInputStream(counts.toString().getBytes(StandardCharsets.US_ASCII))));
            assertEquals("[512,512]", a.get("segmentation").get("size").toString());
        }
        assertEquals(520, expected.size());
        assertEquals(expected, actual);
        JsonNode liverBox = coco.get("annotations").findParents("correction_id").get(0);
        assertEquals("[100,200,160,112]", coco.get("annotations").get(coco.get("annotations").size() - 1).get("bbox").toString());
        assertEquals("reviewer_box", liverBox.get("source").asText());
        assertEquals(5, coco.get("annotations").get(coco.get("annotations").size() - 1).get("category_id").asInt());
        List<String> categories = new ArrayList<>();
        coco.get("categories").forEach(c -> categories.add(c.get("id") + ":" + c.get("name").asText()));
        assertEquals(31, categories.size());
        assertTrue(categories.contains("5:liver") && categories.contains("1:spleen") && categories.contains("52:aorta"), categories.toString());
    }

    @Test
    void radFactDrawsEachOrgansBoxOnTheSliceWhereNumpyFindsMostOfIt() throws Exception {
        JsonNode example = JSON.readTree(objects.files(ObjectKind.RADFACT).get(0).toFile()).get(0);
        JsonNode sources = example.get("attest").get("prediction");
        for (int n = 0; n < imported.claims().size(); n++) {
            int label = imported.claims().get(n).labelValue();
            int key = reference.get("keySlice").get(String.valueOf(label)).asInt();
            assertEquals(key, sources.get(n).get("boxes").get(0).get("slice_index").asInt(), "label " + label);
            JsonNode expected = null;
            for (JsonNode b : reference.get("boxes").get(String.valueOf(label))) {
                if (b.get(0).asInt() == key) {
                    expected = b;
                }
            }
            JsonNode box = example.get("prediction").get(n).get("boxes").get(0);
            assertEquals(expected.get(1).asInt() / 512.0, box.get("x_min").asDouble(), 0);
            assertEquals(expected.get(2).asInt() / 512.0, box.get("y_min").asDouble(), 0);
            assertEquals((expected.get(1).asInt() + expected.get(3).asInt()) / 512.0, box.get("x_max").asDouble(), 0);
            assertEquals((expected.get(2).asInt() + expected.get(4).asInt()) / 512.0, box.get("y_max").asDouble(), 0);
        }
        List<String> target = new ArrayList<>();
        example.get("target").forEach(p -> target.add(p.get("text").asText() + " " + p.get("boxes")));
        // Only the liver was judged correct; its box is the reviewer's: voxels 100..259 x 200..311 of 512.
        assertEquals(List.of(claim(5).text() + " [{\"x_min\":0.1953125,\"y_min\":0.390625,\"x_max\":0.5078125,\"y_max\":0.609375}]"),
                target);
    }

    @Test
    void segRefersToTheRemappedSlicesAndReadsBackVoxelForVoxel() throws Exception {
        DicomFile file = DicomReader.read(objects.files(ObjectKind.SEG).get(0));
        DicomDataset ds = file.dataset();
        List<String> slices = remappedSlices();
        String study = uids.remap(Uids.fromName("attest:study-of:" + reference.get("sopInstanceUids").get(0).asText()));
        String series = uids.remap(Uids.fromName("attest:series-of:" + reference.get("sopInstanceUids").get(0).asText()));
        assertEquals(study, ds.getString(Tag.StudyInstanceUID), "the stand-in for the blank study UID, remapped");
        String originalFrame = stack.frames().get(0).file().dataset().getString(Tag.FrameOfReferenceUID);
        assertEquals(uids.remap(originalFrame), ds.getString(Tag.FrameOfReferenceUID));
        List<String> referenced = new ArrayList<>();
        for (DicomDataset s : ds.getSequence(Tag.ReferencedSeriesSequence)) {
            assertEquals(series, s.getString(Tag.SeriesInstanceUID));
            s.getSequence(Tag.ReferencedInstanceSequence).forEach(i -> referenced.add(i.getString(Tag.ReferencedSOPInstanceUID)));
        }
        assertEquals(slices, referenced);
        // Every frame derives from the slice it lies on: frame i's source is the slice at its Image Position.
        for (DicomDataset frame : ds.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            String source = frame.getSequence(Tag.DerivationImageSequence).get(0).getSequence(Tag.SourceImageSequence).get(0)
                    .getString(Tag.ReferencedSOPInstanceUID);
            double[] position = frame.getSequence(Tag.PlanePositionSequence).get(0).getDoubles(Tag.ImagePositionPatient);
            int k = (int) Math.round(stack.grid().lpsToIndex().apply(new Vec3(position[0], position[1], position[2])).z());
            assertEquals(slices.get(k), source, "frame at slice " + k);
        }
        Segmentation seg = SegmentationReader.read(file, TargetGrid.of(stack.grid()), false);
        assertEquals(31, seg.segments().size());
        Map<Integer, Integer> labelOfSegment = new HashMap<>();
        seg.segments().forEach(s -> labelOfSegment.put(s.number(), Integer.parseInt(s.description().replace("label value ", ""))));
        assertEquals(1, seg.layerCount());
        Volume layer = seg.layers().get(0);
        var g = stack.grid();
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    int segment = (int) layer.getStored(i, j, k);
                    assertEquals((int) labels.getStored(i, j, k), segment == 0 ? 0 : labelOfSegment.get(segment), "at " + i + "," + j + "," + k);
                }
            }
        }
        assertEquals("case-0002", ds.getString(Tag.PatientName));
        assertEquals("", ds.getString(Tag.StudyDate, ""), "nothing of the source study is copied");
    }

    @Test
    void srRefersToTheSegAndTheRemappedImagesWithTheReviewersVerdicts() throws Exception {
        MeasurementReportDocument doc = MeasurementReportReader.read(DicomReader.read(objects.files(ObjectKind.SR).get(0)));
        InstanceReference seg = InstanceReference.of(DicomReader.read(objects.files(ObjectKind.SEG).get(0)));
        List<String> slices = remappedSlices();
        assertEquals(slices, doc.report().imageLibrary().stream().map(SopReference::sopInstanceUid).toList());
        List<String> evidence = doc.evidence().stream().map(InstanceReference::sopInstanceUid).toList();
        List<String> expectedEvidence = new ArrayList<>(slices);
        expectedEvidence.add(seg.sopInstanceUid());
        assertEquals(expectedEvidence.stream().sorted().toList(), evidence.stream().sorted().toList());
        assertEquals(seg.studyInstanceUid(), doc.studyInstanceUid());
        assertEquals(List.of(PersonObserver.named("reader-3")), doc.report().observers().persons());
        assertEquals(List.of("Attest workstation", "TotalSegmentator"), doc.report().observers().devices().stream()
                .map(d -> d.name()).toList());
        assertEquals(31, doc.report().groups().size());
        String series = uids.remap(Uids.fromName("attest:series-of:" + reference.get("sopInstanceUids").get(0).asText()));
        for (MeasurementGroup g : doc.report().groups()) {
            assertEquals(seg.sopInstanceUid(), g.segment().orElseThrow().segmentation().sopInstanceUid());
            assertEquals(Optional.of(series), g.sourceSeriesUid());
        }
        int liver = imported.claims().indexOf(claim(5));
        MeasurementGroup g = doc.report().groups().get(liver);
        assertEquals(claim(5).numericValue(), g.measurements().get(0).value(), 1e-9);
        assertEquals(List.of(QualitativeEvaluation.by("reader-3", AttestCodes.VERDICT, AttestCodes.CORRECT),
                QualitativeEvaluation.by("reader-3", AttestCodes.EVIDENCE_SUPPORT, AttestCodes.SUPPORTS),
                QualitativeEvaluation.by("reader-3", AttestCodes.LOCALISATION, AttestCodes.LOCALISATION_GOOD),
                QualitativeEvaluation.by("reader-3", dev.attest.dicom.sr.ReportCodes.LEVEL_OF_SIGNIFICANCE,
                        dev.attest.dicom.sr.ReportCodes.SIGNIFICANT)), g.evaluations());
        assertEquals(List.of(QualitativeEvaluation.by("reader-3", AttestCodes.ACCEPTABILITY, AttestCodes.ACCEPTABLE)),
                doc.report().evaluations());
    }

    @Test
    void noOriginalUidDateOrNameSurvivesInAnyFile() throws IOException {
        List<String> forbidden = new ArrayList<>();
        reference.get("sopInstanceUids").forEach(u -> forbidden.add(u.asText()));
        String first = reference.get("sopInstanceUids").get(0).asText();
        forbidden.add(Uids.fromName("attest:study-of:" + first));
        forbidden.add(Uids.fromName("attest:series-of:" + first));
        DicomDataset header = stack.frames().get(0).file().dataset();
        forbidden.add(header.getString(Tag.FrameOfReferenceUID));
        forbidden.add("1.3.12.2.1107.5.1.4.60064");
        forbidden.add(header.getString(Tag.StudyDate));
        forbidden.add("Hiddenname");
        forbidden.add("Carol");
        forbidden.add(DATA.toAbsolutePath().normalize().toString());
        for (CaseObjects.Written w : objects.written()) {
            String bytes = new String(Files.readAllBytes(w.file()), StandardCharsets.ISO_8859_1);
            for (String s : forbidden) {
                assertFalse(bytes.contains(s), w.file().getFileName() + " holds '" + s + "'");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("validator")
    void dciodvfyAndDcmtkAcceptTheObjectsAndPydicomReadsTheReferences() throws Exception {
        Path segFile = objects.files(ObjectKind.SEG).get(0);
        Path srFile = objects.files(ObjectKind.SR).get(0);
        KnownWarnings.assertAccepted(segFile, srFile, "case-0002");
        OutsideTools.Run dcmtk = OutsideTools.dsrdump(srFile);
        assertEquals(0, dcmtk.exitCode(), dcmtk.output());
        assertEquals(List.of(), dcmtk.output().lines().filter(l -> l.startsWith("E:") || l.startsWith("F:")).toList(), dcmtk.output());
        OutsideTools.Run py = OutsideTools.python("""
                import sys, pydicom
                seg = pydicom.dcmread(sys.argv[1])
                sr = pydicom.dcmread(sys.argv[2])
                px = seg.pixel_array
                counts = {}
                sources = set()
                for f, item in enumerate(seg.PerFrameFunctionalGroupsSequence):
                    n = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
                    counts[n] = counts.get(n, 0) + int(px[f].sum())
                    sources.add(item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)
                liver = [s.SegmentNumber for s in seg.SegmentSequence if s.SegmentLabel == 'liver'][0]
                evidence = set()
                for study in sr.CurrentRequestedProcedureEvidenceSequence:
                    for series in study.ReferencedSeriesSequence:
                        for i in series.ReferencedSOPSequence:
                            evidence.add(i.ReferencedSOPInstanceUID)
                print(int(seg.NumberOfFrames), counts[liver], len(sources), sorted(sources) == sorted(sys.argv[3:]),
                      seg.SOPInstanceUID in evidence, sorted(evidence - {seg.SOPInstanceUID}) == sorted(sys.argv[3:]))
                """, concat(segFile.toString(), srFile.toString(), remappedSlices()));
        assertEquals(0, py.exitCode(), py.output());
        // 520 non-empty frames and the liver's 366708 voxels, as docs/dicom-seg-sr.md gives for this label map.
        assertEquals("520 366708 20 True True True", py.output().strip());
    }

    private static String[] concat(String a, String b, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(a, b));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
