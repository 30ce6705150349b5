package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marker test's invariants on real files (../shared/data): a Philips and a Siemens CT series
 * and the SEG/SR folder go through the batch; no original instance UID, name, ID, accession
 * number, institution, station, serial number or date is left, and the SEGs and SRs still point at
 * their (replaced) source images.
 */
class RealDataDeidTest {
    /** Attributes whose original values must not be found anywhere in the output. */
    private static final int[] IDENTIFYING = {Tag.PatientName, Tag.PatientID, Tag.AccessionNumber, Tag.InstitutionName,
            0x00081010, 0x00181000, Tag.StudyID, 0x00080090, 0x00081070, 0x00080081};

    /** Everything identifying in the originals: instance UIDs, dates, and the values of {@link #IDENTIFYING}. */
    private record Originals(Set<String> uids, Set<String> dates, Set<String> values, Map<String, String> sopClassBySop) {
    }

    private static Function<DicomFile, DeidContext> pseudonyms() {
        Map<String, String> byPatient = new HashMap<>();
        return f -> {
            String id = f.dataset().getString(Tag.PatientID, "");
            String pseudonym = byPatient.computeIfAbsent(id, k -> String.format("CASE-%04d", byPatient.size() + 1));
            return DeidContext.of(pseudonym, UidMapTest.SECRET, id);
        };
    }

    @Test
    void realCtSegAndSrFilesKeepNoIdentifierAndTheirReferencesResolve(@TempDir Path out) throws Exception {
        Deidentifier deid = new Deidentifier(DeidOptions.basic(), new UidMap(UidMapTest.SECRET));
        DeidReport report = new DeidReport(DeidOptions.basic(), true);
        List<DeidBatch.Outcome> outcomes = new ArrayList<>();
        Function<DicomFile, DeidContext> contexts = pseudonyms();
        for (String folder : List.of("seg-sr", "series-ct/dcm_qa_ct_philips_S21570_S2010", "series-ct/totalsegmentator_example_ct_dicom")) {
            outcomes.addAll(DeidBatch.run(TestData.path(folder), out.resolve(folder.replace('/', '_')), deid, contexts, report).outcomes());
        }
        Map<DeidBatch.Status, List<String>> byStatus = new HashMap<>();
        for (DeidBatch.Outcome o : outcomes) {
            byStatus.computeIfAbsent(o.status(), s -> new ArrayList<>()).add(TestData.root().relativize(o.source()).toString());
        }
        // 13 SEG/SR/CT files + 28 Philips slices + 20 Siemens slices; the two SOURCES.md are no DICOM.
        assertEquals(61, byStatus.get(DeidBatch.Status.WRITTEN).size());
        assertEquals(List.of("series-ct/dcm_qa_ct_philips_S21570_S2010/DIRFILE"), byStatus.get(DeidBatch.Status.EXCLUDED));
        assertEquals(List.of("seg-sr/SOURCES.md"), byStatus.get(DeidBatch.Status.FAILED));
        DeidBatch.Outcome failed = outcomes.stream().filter(o -> o.status() == DeidBatch.Status.FAILED).findFirst().orElseThrow();
        assertTrue(failed.message().startsWith(failed.source().toString()), "the failure names its file: " + failed.message());

        Originals originals = originals(outcomes);
        assertTrue(originals.uids().size() > 150, "instance UIDs collected: " + originals.uids().size());
        Map<String, DicomDataset> bySop = new HashMap<>();
        for (DeidBatch.Outcome o : outcomes) {
            if (o.status() != DeidBatch.Status.WRITTEN) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(o.output());
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String uid : originals.uids()) {
                assertFalse(text.contains(uid), o.source() + ": original UID " + uid + " in the output bytes");
            }
            // Names, IDs and the like are checked against the file's own original: "HEAD", a phantom's patient
            // name in one series, is also part of another file's body part "HEADNECK".
            for (String v : identifyingValues(DicomReader.read(o.source()).dataset())) {
                assertFalse(text.contains(v), o.source() + ": original value \"" + v + "\" in the output bytes");
            }
            DicomDataset ds = DicomReader.read(o.output()).dataset();
            List<String> dates = new ArrayList<>();
            walk(ds, "", originals.dates(), dates);
            assertEquals(List.of(), dates, o.source() + ": original dates");
            assertEquals("YES", ds.getString(0x00120062));
            assertTrue(ds.getString(Tag.PatientName).matches("CASE-000[1-6]"), ds.getString(Tag.PatientName));
            String originalSop = DicomReader.read(o.source()).sopInstanceUid();
            assertEquals(originals.sopClassBySop().get(originalSop), ds.getString(Tag.SOPClassUID), "SOP Class UID kept");
            assertEquals(deid.uidMap().remap(originalSop), ds.getString(Tag.SOPInstanceUID));
            bySop.put(originalSop, ds);
        }
        assertEquals(5, outcomes.stream().filter(o -> o.status() == DeidBatch.Status.WRITTEN)
                .map(o -> read(o.output()).getString(Tag.PatientName)).distinct().count(), "one pseudonym per patient");

        // dcmqi: the liver SEG (plain, RLE and deflated) and the overlap SEG reference the three CT slices.
        List<DicomDataset> slices = new ArrayList<>();
        for (String n : List.of("01", "02", "03")) {
            slices.add(bySop.get(TestData.read("seg-sr/dcmqi_ct-3slice/" + n + ".dcm").sopInstanceUid()));
        }
        Set<String> sliceUids = new TreeSet<>(slices.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList());
        for (String seg : List.of("dcmqi_liver_seg.dcm", "dcmqi_partial_overlaps_seg.dcm", "pydicom-data_liver_rle.dcm",
                "pydicom-data_liver_deflate.dcm")) {
            DicomDataset s = bySop.get(TestData.read("seg-sr/" + seg).sopInstanceUid());
            DicomDataset series = s.getItem(0x00081115).orElseThrow();
            assertEquals(slices.get(0).getString(Tag.SeriesInstanceUID), series.getString(Tag.SeriesInstanceUID), seg);
            Set<String> referenced = new TreeSet<>();
            for (DicomDataset r : series.getSequence(0x0008114A)) {
                referenced.add(r.getString(0x00081155));
            }
            assertEquals(sliceUids, referenced, seg + ": Referenced Series Sequence");
            for (DicomDataset frame : s.getSequence(Tag.PerFrameFunctionalGroupsSequence)) {
                for (DicomDataset derivation : frame.getSequence(0x00089124)) {
                    for (DicomDataset source : derivation.getSequence(0x00082112)) {
                        assertTrue(sliceUids.contains(source.getString(0x00081155)), seg + ": Derivation Image > Source Image");
                    }
                }
            }
            assertEquals(slices.get(0).getString(Tag.FrameOfReferenceUID), s.getString(Tag.FrameOfReferenceUID), seg);
            assertEquals(slices.get(0).getString(Tag.StudyInstanceUID), s.getString(Tag.StudyInstanceUID), seg);
        }

        // highdicom: SR measurements and the SEG both point at the CT image.
        DicomDataset ct = bySop.get(TestData.read("seg-sr/highdicom_ct_image.dcm").sopInstanceUid());
        DicomDataset sr = bySop.get(TestData.read("seg-sr/highdicom_sr_document.dcm").sopInstanceUid());
        Set<String> srRefs = new TreeSet<>();
        collect(sr, 0x00081155, srRefs);
        assertEquals(Set.of(ct.getString(Tag.SOPInstanceUID)), srRefs, "every SR reference is the CT's new UID");
        DicomDataset hdSeg = bySop.get(TestData.read("seg-sr/highdicom_seg_single_frame.dcm").sopInstanceUid());
        Set<String> segRefs = new TreeSet<>();
        collect(hdSeg, 0x00081155, segRefs);
        assertEquals(Set.of(ct.getString(Tag.SOPInstanceUID)), segRefs);
        assertEquals(ct.getString(Tag.FrameOfReferenceUID), hdSeg.getString(Tag.FrameOfReferenceUID));

        String json = report.toJson();
        for (String v : originals.values()) {
            // As a token: a 4-digit Study ID may well occur inside a new 39-digit UID.
            assertFalse(java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(v) + "(?![A-Za-z0-9])")
                    .matcher(json).find(), "deid.json holds \"" + v + "\"");
        }
        for (String uid : originals.uids()) {
            assertFalse(json.contains(uid), "deid.json holds an original UID");
        }
    }

    private static DicomDataset read(Path p) {
        try {
            return DicomReader.read(p).dataset();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Originals originals(List<DeidBatch.Outcome> outcomes) throws Exception {
        Set<String> uids = new TreeSet<>();
        Set<String> dates = new TreeSet<>();
        Set<String> values = new TreeSet<>();
        Map<String, String> classes = new HashMap<>();
        for (DeidBatch.Outcome o : outcomes) {
            if (o.status() != DeidBatch.Status.WRITTEN) {
                continue;
            }
            DicomFile f = DicomReader.read(o.source());
            classes.put(f.sopInstanceUid(), f.sopClassUid());
            gather(f.dataset(), uids, dates);
            values.addAll(identifyingValues(f.dataset()));
        }
        return new Originals(uids, dates, values, classes);
    }

    private static Set<String> identifyingValues(DicomDataset ds) {
        Set<String> values = new TreeSet<>();
        for (int tag : IDENTIFYING) {
            String v = ds.getString(tag);
            if (v != null && v.length() >= 4) {
                values.add(v);
            }
        }
        return values;
    }

    /** Instance UIDs (not the standard's, not class or scheme UIDs) and DA values at any depth of an original. */
    private static void gather(DicomDataset ds, Set<String> uids, Set<String> dates) {
        Set<Integer> classUids = Set.of(Tag.SOPClassUID, 0x00081150, 0x0008010C, 0x00080117, 0x0008001A, 0x00080062);
        for (DicomElement e : ds.elements()) {
            if (e instanceof DicomElement.Sequence s) {
                s.items().forEach(item -> gather(item, uids, dates));
            } else if (e instanceof DicomElement.Value && !Tag.isPrivate(e.tag())) {
                Vr vr = DicomDataset.effectiveVr(e);
                String[] v = ds.getStrings(e.tag());
                for (String s : v == null ? new String[0] : v) {
                    if (vr == Vr.UI && !s.isEmpty() && !UidMap.isStandard(s) && !classUids.contains(e.tag())) {
                        uids.add(s);
                    } else if (vr == Vr.DA && s.matches("\\d{8}") && !s.equals("19000101")) {
                        dates.add(s);
                    }
                }
            }
        }
    }

    private static void walk(DicomDataset ds, String path, Set<String> dates, List<String> found) {
        for (DicomElement e : ds.elements()) {
            if (e instanceof DicomElement.Sequence s) {
                s.items().forEach(item -> walk(item, path + Tag.toString(e.tag()) + ">", dates, found));
            } else if (e instanceof DicomElement.Value) {
                String[] v = ds.getStrings(e.tag());
                for (String s : v == null ? new String[0] : v) {
                    if (dates.contains(s) || (s.length() >= 8 && dates.contains(s.substring(0, 8)) && s.matches("\\d{8}.*"))) {
                        found.add(path + Tag.toString(e.tag()) + " = " + s);
                    }
                }
            }
        }
    }

    private static void collect(DicomDataset ds, int tag, Set<String> into) {
        for (DicomElement e : ds.elements()) {
            if (e instanceof DicomElement.Sequence s) {
                s.items().forEach(item -> collect(item, tag, into));
            } else if (e.tag() == tag) {
                into.add(ds.getString(tag));
            }
        }
    }

}
