package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.app.review.CaseImport;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.deid.DeidContext;
import dev.attest.dicom.deid.DeidOptions;
import dev.attest.dicom.deid.DeidResult;
import dev.attest.dicom.deid.Deidentifier;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.series.VolumeAssembler;
import dev.attest.dicom.sr.MeasurementReportDocument;
import dev.attest.dicom.sr.MeasurementReportReader;
import dev.attest.dicom.sr.SopReference;
import dev.attest.dicom.write.InstanceReference;
import dev.attest.dicom.write.SeriesWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A set of two cases of one project: the reviewed phantom as NIfTI ({@link ReviewedPhantom}) and the same phantom
 * written as a DICOM series (as the GUI tests' ModelCaseFixture does) and added with its label map. The DICOM case's
 * SEG and SR must refer to exactly the images the de-identifier makes of that series with the same UID map (study,
 * frame of reference, every SOP instance), and the cases' COCO files must join into one.
 */
class PhantomSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ReviewedPhantom phantom;
    static CaseObjects nifti;
    static CaseObjects dicom;
    static List<DicomDataset> deidentified = new ArrayList<>();

    @BeforeAll
    static void export() throws Exception {
        phantom = ReviewedPhantom.create(dir);
        CtPhantom.Result p = CtPhantom.generate(64, 64, 40, 5, 5, 0, 1);
        Path series = dir.resolve("dicom");
        SeriesWriter.write(p.ct(), series, SeriesWriter.SeriesInfo.ct("Test^Phantom", "T1", "phantom"), TransferSyntax.EXPLICIT_VR_LE);
        DicomScanner.Result scan = DicomScanner.scan(series);
        StackGeometry stack = SeriesSelector.select("phantom", SeriesGrouper.group(scan.files()), null, 1).stack();
        Volume ct = VolumeAssembler.load(stack);
        Volume labels = DicomCaseObjectsTest.onGrid(p.labels(), stack.grid());
        String seriesUid = stack.frames().get(0).file().dataset().getString(Tag.SeriesInstanceUID);
        CaseImport.ImportedCase second = CaseImport.add(phantom.store, new CaseDraft("series:" + seriesUid, "Site A", "phantom", "CT",
                series.toString()), ct, labels, CtPhantom.labelDescriptions(), ReviewedPhantom.RUN, "HU");
        Path set = dir.resolve("set");
        nifti = CaseObjectsWriter.write(phantom.input(Optional.empty(), phantom.labels.grid()), set.resolve("labels"), set.resolve("sr"));
        CaseObjectsInput in = phantom.input(Optional.of(stack), stack.grid());
        dicom = CaseObjectsWriter.write(new CaseObjectsInput(in.store(), second.reviewCase(), "case-0002", in.reviewerPseudonyms(),
                in.imageGrid(), "images/case-0002.nii.gz", in.dicomSource(), in.uidRemap(), in.textScrubber(), in.equipment(),
                in.created()), set.resolve("labels"), set.resolve("sr"));
        Deidentifier deid = new Deidentifier(DeidOptions.basic(), phantom.uids);
        for (var frame : stack.frames()) {
            DeidResult r = deid.deidentify(DicomReader.read(Path.of(frame.file().source())), DeidContext.of("case-0002",
                    ReviewedPhantom.SECRET, "T1"));
            deidentified.add(((DeidResult.Deidentified) r).dataset());
        }
    }

    @Test
    void theDicomCasesSegAndSrReferToExactlyTheDeidentifiedImages() throws Exception {
        DicomFile segFile = DicomReader.read(dicom.files(ObjectKind.SEG).get(0));
        DicomDataset seg = segFile.dataset();
        DicomDataset image = deidentified.get(0);
        assertEquals(image.getString(Tag.StudyInstanceUID), seg.getString(Tag.StudyInstanceUID));
        assertEquals(image.getString(Tag.FrameOfReferenceUID), seg.getString(Tag.FrameOfReferenceUID));
        assertEquals(image.getString(Tag.PatientID), seg.getString(Tag.PatientID), "both carry the case pseudonym");
        Set<String> images = new HashSet<>();
        deidentified.forEach(d -> images.add(d.getString(Tag.SOPInstanceUID)));
        assertEquals(40, images.size());
        Set<String> referenced = new HashSet<>();
        for (DicomDataset s : seg.getSequence(Tag.ReferencedSeriesSequence)) {
            assertEquals(image.getString(Tag.SeriesInstanceUID), s.getString(Tag.SeriesInstanceUID));
            s.getSequence(Tag.ReferencedInstanceSequence).forEach(i -> referenced.add(i.getString(Tag.ReferencedSOPInstanceUID)));
        }
        assertEquals(images, referenced);
        Set<String> sources = new HashSet<>();
        for (DicomDataset frame : seg.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
            sources.add(frame.getSequence(Tag.DerivationImageSequence).get(0).getSequence(Tag.SourceImageSequence).get(0)
                    .getString(Tag.ReferencedSOPInstanceUID));
        }
        assertTrue(images.containsAll(sources) && !sources.isEmpty());

        MeasurementReportDocument sr = MeasurementReportReader.read(DicomReader.read(dicom.files(ObjectKind.SR).get(0)));
        assertEquals(image.getString(Tag.StudyInstanceUID), sr.studyInstanceUid());
        assertEquals(images, new HashSet<>(sr.report().imageLibrary().stream().map(SopReference::sopInstanceUid).toList()));
        Set<String> evidence = new HashSet<>(sr.evidence().stream().map(InstanceReference::sopInstanceUid).toList());
        Set<String> expected = new HashSet<>(images);
        expected.add(InstanceReference.of(segFile).sopInstanceUid());
        assertEquals(expected, evidence);
        sr.report().groups().forEach(g -> assertEquals(Optional.of(image.getString(Tag.SeriesInstanceUID)), g.sourceSeriesUid()));
    }

    @Test
    void theTwoCasesObjectsNeverShareAUid() throws Exception {
        DicomDataset a = DicomReader.read(nifti.files(ObjectKind.SEG).get(0)).dataset();
        DicomDataset b = DicomReader.read(dicom.files(ObjectKind.SEG).get(0)).dataset();
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID, Tag.FrameOfReferenceUID}) {
            assertFalse(a.getString(tag).equals(b.getString(tag)), String.format("(%08x)", tag));
        }
        assertFalse(nifti.written().get(3).sopInstanceUid().equals(dicom.written().get(3).sopInstanceUid()));
    }

    @Test
    void theCasesCocoFilesJoinIntoOneWithEveryIdRenumberedAndEveryCategoryKept() throws Exception {
        Path merged = dir.resolve("set/labels/coco.json");
        CocoMerge.merge(List.of(nifti.files(ObjectKind.COCO).get(0), dicom.files(ObjectKind.COCO).get(0)), merged,
                "Attest benchmark set of the phantom", "2026-03-04T05:06:07");
        JsonNode all = JSON.readTree(merged.toFile());
        List<JsonNode> cases = List.of(JSON.readTree(nifti.files(ObjectKind.COCO).get(0).toFile()),
                JSON.readTree(dicom.files(ObjectKind.COCO).get(0).toFile()));
        int images = cases.get(0).get("images").size() + cases.get(1).get("images").size();
        int annotations = cases.get(0).get("annotations").size() + cases.get(1).get("annotations").size();
        assertEquals(images, all.get("images").size());
        assertEquals(annotations, all.get("annotations").size());
        Map<Integer, String> imageOf = new HashMap<>();
        for (int n = 0; n < images; n++) {
            JsonNode image = all.get("images").get(n);
            assertEquals(n + 1, image.get("id").asInt());
            imageOf.put(n + 1, image.get("attest").get("case").asText() + "@" + image.get("attest").get("slice_index").asInt());
        }
        Map<Integer, String> categoryOf = new HashMap<>();
        all.get("categories").forEach(c -> categoryOf.put(c.get("id").asInt(), c.get("name").asText()));
        // The same labels in both cases are one category; the unlabelled boxes' 'finding' keeps the id after them.
        assertEquals(14, categoryOf.size());
        assertEquals("finding", categoryOf.get(14));
        // Every annotation, renumbered, still lies on its case's slice and names its category.
        List<String> before = new ArrayList<>();
        for (JsonNode c : cases) {
            Map<Integer, String> names = new HashMap<>();
            c.get("categories").forEach(k -> names.put(k.get("id").asInt(), k.get("name").asText()));
            for (JsonNode a : c.get("annotations")) {
                before.add(a.get("attest").get("case").asText() + "@" + (a.get("image_id").asInt() - 1) + " " + names.get(a.get("category_id").asInt())
                        + " " + a.get("bbox"));
            }
        }
        List<String> after = new ArrayList<>();
        for (int n = 0; n < annotations; n++) {
            JsonNode a = all.get("annotations").get(n);
            assertEquals(n + 1, a.get("id").asInt());
            after.add(imageOf.get(a.get("image_id").asInt()) + " " + categoryOf.get(a.get("category_id").asInt()) + " " + a.get("bbox"));
        }
        assertEquals(before, after);
    }

    @Test
    void categoriesThatWantTheSameIdAreKeptApartByName() {
        ObjectNode one = coco(JSON, "liver", 5, null);
        ObjectNode two = coco(JSON, "lesion", 5, "finding");
        ObjectNode merged = CocoMerge.merge(List.of(one, two), "two", "2026-03-04");
        List<String> categories = new ArrayList<>();
        merged.get("categories").forEach(c -> categories.add(c.get("id") + " " + c.get("name").asText() + " " + c.get("attest").get("label_value")));
        // 'lesion' also wants 5: it gets the next id after the labelled ones; 'finding' (no label) comes after that.
        assertEquals(List.of("5 liver 5", "6 lesion 5", "7 finding null"), categories);
        assertEquals(List.of(5, 6, 7), List.of(merged.get("annotations").get(0).get("category_id").asInt(),
                merged.get("annotations").get(1).get("category_id").asInt(), merged.get("annotations").get(2).get("category_id").asInt()));
    }

    @Test
    void aFileThatIsNotOneOfOurCocoFilesIsRefusedByName() throws Exception {
        ObjectNode broken = coco(JSON, "liver", 5, null);
        ((ObjectNode) broken.get("annotations").get(0)).put("image_id", 9);
        Path file = dir.resolve("broken.coco.json");
        JSON.writeValue(file.toFile(), broken);
        CocoMerge.CocoMergeException e = assertThrows(CocoMerge.CocoMergeException.class,
                () -> CocoMerge.merge(List.of(file), dir.resolve("out.json"), "x", "y"));
        assertEquals(file + ": annotation 1 names an image or category the file does not list", e.getMessage());
        Path notCoco = dir.resolve("not.json");
        JSON.writeValue(notCoco.toFile(), JSON.createObjectNode().put("images", 3));
        e = assertThrows(CocoMerge.CocoMergeException.class,
                () -> CocoMerge.merge(List.of(notCoco), dir.resolve("out.json"), "x", "y"));
        assertEquals(notCoco + ": has no \"images\" array: not a COCO file", e.getMessage());
    }

    private static ObjectNode coco(ObjectMapper m, String name, int label, String unlabelled) {
        ObjectNode doc = m.createObjectNode();
        doc.putArray("images").addObject().put("id", 1).putObject("attest").put("case", name).put("slice_index", 0);
        var annotations = doc.putArray("annotations");
        var categories = doc.putArray("categories");
        categories.addObject().put("id", label).put("name", name).putObject("attest").put("label_value", label);
        annotations.addObject().put("id", 1).put("image_id", 1).put("category_id", label);
        if (unlabelled != null) {
            categories.addObject().put("id", label + 1).put("name", unlabelled).putObject("attest").putNull("label_value");
            annotations.addObject().put("id", 2).put("image_id", 1).put("category_id", label + 1);
        }
        return doc;
    }
}
