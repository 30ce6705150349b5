package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end guarantee: files written by our writer with an identifier in every Table E.1-1
 * attribute (and in sequences, private blocks, curves, overlays and free text) come out of
 * de-identification, writing and reading back with none of those identifiers in any byte or any
 * attribute, with every UID reference between the CT, SEG and SR still pointing at the right
 * (replaced) instance.
 */
class DeidentifierMarkerTest {
    private static final DateShift SHIFT = new DateShift(-1000);
    private static final String PSEUDONYM = "CASE-0007";

    /** The three files after de-identification, writing and reading back. */
    private record Exported(DicomDataset ct, DicomDataset seg, DicomDataset sr, List<byte[]> bytes, UidMap uids,
                            List<DeidFileLog> logs) {
    }

    @Test
    void basicProfileLeavesNoIdentifierInAnyByteOrAttributeAndKeepsReferencesConsistent(@TempDir Path dir) throws Exception {
        MarkerFixture fx = new MarkerFixture(DeidOptions.basic());
        Exported out = export(DeidOptions.basic(), fx, dir);

        for (byte[] file : out.bytes()) {
            assertEquals(Set.of(), identTokens(file), "IDENT markers left in the written bytes");
            assertAbsent(file, fx.dates, "original date");
            assertAbsent(file, fx.times, "original time");
            assertAbsent(file, fx.uids, "original UID");
            assertAbsent(file, Set.of("ACME", "047Y"), "private creator or patient age");
        }
        for (DicomDataset ds : List.of(out.ct(), out.seg(), out.sr())) {
            assertEquals(List.of(), scan(ds, fx, Set.of(), true), "identifying values found by walking the data set");
        }
        assertReferencesConsistent(out, fx);
        assertMarkedDeidentified(out.ct(), Set.of("113100"));

        DicomDataset ct = out.ct();
        assertEquals("", ct.getString(Tag.StudyDate), "Z");
        assertEquals("", ct.getString(Tag.AccessionNumber), "Z");
        assertEquals("19000101", ct.getString(Tag.SeriesDate), "X/D gives a dummy date");
        assertEquals("ANONYMIZED", ct.getString(0x00081010), "Station Name X/Z/D gives a dummy");
        assertEquals("ANONYMIZED", ct.getString(Tag.InstitutionName));
        assertFalse(ct.contains(0x00101010), "Patient's Age removed");
        assertFalse(ct.contains(Tag.SeriesDescription), "descriptions removed without Clean Descriptors");
        assertFalse(ct.contains(0x00204000), "Image Comments removed");
        assertFalse(ct.contains(0x00101002), "Other Patient IDs Sequence removed");
        assertFalse(ct.contains(0x00400275), "Request Attributes Sequence removed");
        assertFalse(ct.contains(0x00081110), "Referenced Study Sequence X/Z: a Type 3 sequence, removed");
        assertTrue(ct.contains(0x00400555) && ct.getSequence(0x00400555).isEmpty(), "Acquisition Context Sequence X/Z: Type 2, emptied");
        assertEquals(List.of(), ct.elements().stream().filter(e -> Tag.isPrivate(e.tag())).toList(), "private attributes");
        assertEquals(List.of(), ct.elements().stream().filter(e -> Tag.group(e.tag()) == 0x5000 || Tag.group(e.tag()) == 0x6000)
                .toList(), "curves and overlay planes");
        assertEquals("REMOVED", ct.getString(0x00280303));

        DicomDataset pname = ct.getSequence(0x0040A730).get(0);
        assertEquals("ANONYMIZED", pname.getString(MarkerFixture.PERSON_NAME), "PNAME content item: dummy name");
        assertEquals("121008", pname.getItem(0x0040A043).orElseThrow().getString(MarkerFixture.CODE_VALUE),
                "concept names are kept: they identify nobody");
        assertEquals("ANONYMIZED", ct.getSequence(0x0040A730).get(1).getString(0x0040A160), "TEXT content item: dummy text");

        DeidFileLog log = out.logs().get(0);
        assertEquals(Action.Z, log.actionAt("(0010,0010)"));
        assertEquals(Action.X, log.actionAt("(0009,1001)"));
        assertEquals(Action.D, log.actionAt("(0040,A730)>(0040,A123)"));
        assertEquals(Action.U, log.actionAt("(0040,A730)>(0040,A124)"));
    }

    @Test
    void optionsKeepWhatTheyRetainShiftDatesByTheOffsetAndCleanTextOfTheHeadersIdentifiers(@TempDir Path dir) throws Exception {
        DeidOptions all = DeidOptions.of(DeidOption.values());
        MarkerFixture fx = new MarkerFixture(all);
        Exported out = export(all, fx, dir);

        for (byte[] file : out.bytes()) {
            Set<String> left = identTokens(file);
            left.removeAll(fx.retainedMarkers);
            assertEquals(Set.of(), left, "IDENT markers left that no option retains");
            assertAbsent(file, fx.dates, "original (unshifted) date");
            Set<String> replacedUids = new TreeSet<>(fx.uids);
            replacedUids.removeAll(fx.retainedValues);
            assertAbsent(file, replacedUids, "original UID");
        }
        for (DicomDataset ds : List.of(out.ct(), out.seg(), out.sr())) {
            List<String> found = scan(ds, fx, fx.retainedMarkers, false);
            found.removeIf(f -> fx.retainedValues.stream().anyMatch(v -> f.endsWith(" holds the original " + v)));
            assertEquals(List.of(), found, "identifying values found by walking the data set");
        }
        assertReferencesConsistent(out, fx);
        assertMarkedDeidentified(out.ct(), Set.of("113100", "113107", "113105", "113109", "113112", "113108"));
        assertEquals("MODIFIED", out.ct().getString(0x00280303));

        // Every top-level attribute: what its resolved action promises.
        ConfidentialityProfile profile = ConfidentialityProfile.standard();
        List<String> wrong = new ArrayList<>();
        for (var e : fx.topLevel.entrySet()) {
            int tag = e.getKey();
            ProfileRow row = profile.rowFor(tag);
            if (row == null || tag == Tag.PatientName || tag == Tag.PatientID) {
                continue;
            }
            String original = e.getValue();
            String now = out.ct().contains(tag) ? out.ct().getString(tag) : null;
            Vr vr = out.ct().contains(tag) ? DicomDataset.effectiveVr(out.ct().get(tag)) : null;
            String expected = switch (all.resolve(row).action()) {
                case K -> original;
                case X -> null;
                case Z -> "";
                case U -> out.uids().remap(original);
                case D -> now; // checked by the scans: no original value survives
                case C -> vr == Vr.DA ? shifted(original) : vr == Vr.DT ? shifted(original.substring(0, 8)) + original.substring(8)
                        : vr == Vr.TM ? original : now;
            };
            if (!java.util.Objects.equals(expected, now)) {
                wrong.add(row.tagText() + " " + row.name() + ": expected " + expected + " got " + now);
            }
        }
        assertEquals(List.of(), wrong);

        DicomDataset ct = out.ct();
        assertEquals(fx.topLevel.get(0x00181000), ct.getString(0x00181000), "Device Serial Number retained");
        assertEquals(fx.topLevel.get(Tag.InstitutionName), ct.getString(Tag.InstitutionName), "Institution Name retained");
        assertEquals("047Y", ct.getString(0x00101010), "Patient's Age retained");
        assertEquals(shifted(fx.topLevel.get(Tag.StudyDate)), ct.getString(Tag.StudyDate));
        assertEquals(fx.topLevel.get(0x00080030), ct.getString(0x00080030), "Study Time kept");
        assertEquals("", ct.getString(Tag.PatientBirthDate), "birth date is Z even with modified dates");
        String comments = ct.getString(0x00204000);
        assertTrue(comments.startsWith(MarkerFixture.BENIGN + " [NAME] [NAME] id [ID] dob [DATE]"), comments);
        assertEquals("Seen for [NAME] [NAME], ID [ID]", ct.getSequence(0x0040A730).get(1).getString(0x0040A160));
        DicomDataset request = ct.getItem(0x00400275).orElseThrow();
        assertFalse(request.contains(0x00401001), "Requested Procedure ID removed inside the cleaned sequence");
        assertEquals("", request.getString(Tag.AccessionNumber));
        assertEquals(out.ct().getString(Tag.StudyInstanceUID), request.getString(Tag.StudyInstanceUID));
        String dateInContent = ct.getSequence(0x0040A730).get(2).getString(0x0040A121);
        assertTrue(fx.dates.contains(LocalDate.parse(dateInContent, DateTimeFormatter.BASIC_ISO_DATE).plusDays(1000)
                .format(DateTimeFormatter.BASIC_ISO_DATE)), "DATE content item shifted by the offset: " + dateInContent);
    }

    @Test
    void theReportForDeidJsonHoldsActionsAndCodesButNoOriginalValue(@TempDir Path dir) throws Exception {
        DeidOptions options = DeidOptions.of(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES, DeidOption.CLEAN_DESCRIPTORS);
        MarkerFixture fx = new MarkerFixture(options);
        Exported out = export(options, fx, dir);
        DeidReport report = new DeidReport(options, true);
        out.logs().forEach(report::addDeidentified);
        report.addExcluded("burned-in annotation");
        report.addFailed();
        String json = report.toJson();
        assertFalse(json.contains("IDENT"), "no marker");
        for (String v : fx.uids) {
            assertFalse(json.contains(v), "original UID " + v);
        }
        for (String d : fx.dates) {
            assertFalse(json.contains(d), "original date " + d);
        }
        assertFalse(json.contains("-1000"), "the date offset stays in the workstation");
        assertFalse(json.contains(dir.toString()), "no input path");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("113100", tree.at("/profile/code").asText());
        assertEquals("113107", tree.at("/options/0/code").asText());
        assertEquals(3, tree.at("/files/deidentified").asInt());
        assertEquals(1, tree.at("/files/excluded/burned-in annotation").asInt());
        assertEquals(1, tree.at("/files/failed").asInt());
        var patientName = findAttribute(tree, "(0010,0010) PatientName");
        assertEquals(3, patientName.at("/actions/Z").asInt(), "Patient's Name in all three files");
        assertEquals(out.ct().getString(Tag.SOPInstanceUID), tree.at("/perFile/0/sopInstanceUid").asText());
        int total = 0;
        for (DeidFileLog l : out.logs()) {
            total += l.entries().size();
        }
        int summed = 0;
        for (var it = tree.get("actionCounts").elements(); it.hasNext(); ) {
            summed += it.next().asInt();
        }
        assertEquals(total, summed, "action counts add up to the entries logged");
    }

    private static com.fasterxml.jackson.databind.JsonNode findAttribute(com.fasterxml.jackson.databind.JsonNode tree, String key) {
        for (var a : tree.get("attributes")) {
            if (a.get("attribute").asText().equals(key)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + key + " in the report");
    }

    // ---- export and checks ------------------------------------------------------------------------

    private static Exported export(DeidOptions options, MarkerFixture fx, Path dir) throws Exception {
        List<DicomDataset> originals = List.of(fx.ct(), fx.seg(), fx.sr());
        Deidentifier deid = new Deidentifier(options, new UidMap(UidMapTest.SECRET));
        DeidContext context = new DeidContext(PSEUDONYM, PSEUDONYM, SHIFT, BurnedInDecision.refuse(), List.of());
        List<DicomDataset> back = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        List<DeidFileLog> logs = new ArrayList<>();
        String[] names = {"ct", "seg", "sr"};
        for (int i = 0; i < 3; i++) {
            Path in = dir.resolve("in").resolve(names[i] + ".dcm");
            DicomWriter.write(in, originals.get(i), TransferSyntax.EXPLICIT_VR_LE);
            DicomFile read = DicomReader.read(in);
            assertEquals(1, identTokens(Files.readAllBytes(in)).stream().filter(t -> t.equals(MarkerFixture.FAMILY)).count(),
                    "the input really carries the patient's name");
            DeidResult.Deidentified d = (DeidResult.Deidentified) deid.deidentify(read, context);
            Path out = dir.resolve("out").resolve(names[i] + ".dcm");
            DicomWriter.write(out, d.dataset(), d.transferSyntax());
            bytes.add(Files.readAllBytes(out));
            back.add(DicomReader.read(out).dataset());
            logs.add(d.log());
        }
        return new Exported(back.get(0), back.get(1), back.get(2), bytes, deid.uidMap(), logs);
    }

    private static String shifted(String da) {
        return LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE).plusDays(SHIFT.days()).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Every "IDENT..." token in the bytes (letters, digits and dashes after it). */
    static Set<String> identTokens(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Set<String> tokens = new TreeSet<>();
        for (int at = text.indexOf("IDENT"); at >= 0; at = text.indexOf("IDENT", at + 1)) {
            int end = at;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
            tokens.add(text.substring(at, end));
        }
        return tokens;
    }

    private static void assertAbsent(byte[] bytes, Set<String> values, String what) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String v : values) {
            assertFalse(text.contains(v), what + " " + v + " found in the written bytes");
        }
    }

    /** Walks every attribute at every depth and lists the values that should not be there. */
    static List<String> scan(DicomDataset ds, MarkerFixture fx, Set<String> allowedMarkers, boolean timesForbidden) {
        List<String> found = new ArrayList<>();
        walk(ds, "", fx, allowedMarkers, timesForbidden, found);
        return found;
    }

    private static void walk(DicomDataset ds, String path, MarkerFixture fx, Set<String> allowed, boolean timesForbidden,
                             List<String> found) {
        for (DicomElement e : ds.elements()) {
            String where = path + Tag.toString(e.tag());
            if (e instanceof DicomElement.Sequence s) {
                for (DicomDataset item : s.items()) {
                    walk(item, where + ">", fx, allowed, timesForbidden, found);
                }
                continue;
            }
            if (!(e instanceof DicomElement.Value v)) {
                continue;
            }
            String text = new String(v.bytes(), StandardCharsets.UTF_8);
            for (String token : identTokens(v.bytes())) {
                if (!allowed.contains(token)) {
                    found.add(where + " holds " + token);
                }
            }
            for (String part : text.split("\\\\")) {
                String p = part.trim().replace("\0", "");
                if (fx.uids.contains(p) || fx.dates.contains(p) || (timesForbidden && fx.times.contains(p))) {
                    found.add(where + " holds the original " + p);
                }
            }
        }
    }

    private static void assertReferencesConsistent(Exported out, MarkerFixture fx) {
        UidMap uids = out.uids();
        DicomDataset ct = out.ct();
        DicomDataset seg = out.seg();
        DicomDataset sr = out.sr();
        String ctSop = ct.getString(Tag.SOPInstanceUID);
        assertEquals(uids.remap(fx.ctSopUid), ctSop);
        assertNotEquals(fx.ctSopUid, ctSop);
        assertTrue(ctSop.startsWith("2.25."), ctSop);
        assertEquals(MarkerFixture.CT_CLASS, ct.getString(Tag.SOPClassUID), "SOP Class UIDs are never replaced");
        assertEquals(MarkerFixture.SEG_CLASS, seg.getString(Tag.SOPClassUID));
        assertEquals(MarkerFixture.SR_CLASS, sr.getString(Tag.SOPClassUID));
        assertEquals(ct.getString(Tag.StudyInstanceUID), seg.getString(Tag.StudyInstanceUID));
        assertEquals(ct.getString(Tag.StudyInstanceUID), sr.getString(Tag.StudyInstanceUID));
        assertEquals(ct.getString(Tag.FrameOfReferenceUID), seg.getString(Tag.FrameOfReferenceUID), "shared Frame of Reference");
        assertEquals(ct.getString(Tag.FrameOfReferenceUID),
                seg.getItem(0x30060010).orElseThrow().getString(0x30060024), "Referenced Frame of Reference UID");

        DicomDataset refSeries = seg.getItem(0x00081115).orElseThrow();
        assertEquals(ct.getString(Tag.SeriesInstanceUID), refSeries.getString(Tag.SeriesInstanceUID));
        assertEquals(ctSop, refSeries.getItem(0x0008114A).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE));
        assertEquals(MarkerFixture.CT_CLASS, refSeries.getItem(0x0008114A).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_CLASS));
        assertEquals(ctSop, seg.getItem(0x00082112).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE), "Source Image");
        DicomDataset derivation = seg.getItem(Tag.PerFrameFunctionalGroupsSequence).orElseThrow().getItem(0x00089124).orElseThrow();
        assertEquals(ctSop, derivation.getItem(0x00082112).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE),
                "Derivation Image > Source Image");
        assertEquals(seg.getItem(0x00209221).orElseThrow().getString(0x00209164),
                seg.getItem(Tag.DimensionIndexSequence).orElseThrow().getString(0x00209164), "Dimension Organization UID");
        assertEquals(uids.remap(fx.studyUid), seg.getItem(0x0040A375).orElseThrow().getString(Tag.StudyInstanceUID));

        List<DicomDataset> content = sr.getSequence(0x0040A730);
        assertEquals(ctSop, content.get(5).getItem(0x00081199).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE),
                "SR IMAGE item refers to the CT");
        assertEquals(seg.getString(Tag.SOPInstanceUID),
                content.get(6).getItem(0x00081199).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE),
                "SR IMAGE item refers to the SEG");
        DicomDataset evidence = sr.getItem(0x0040A375).orElseThrow().getItem(0x00081115).orElseThrow();
        assertEquals(ctSop, evidence.getItem(0x00081199).orElseThrow().getString(MarkerFixture.REFERENCED_SOP_INSTANCE),
                "Current Requested Procedure Evidence refers to the CT");
        String uidref = content.get(4).getString(0x0040A124);
        assertTrue(fx.uids.contains(uids.original(uidref).orElseThrow()), "UIDREF item holds a replaced UID: " + uidref);
    }

    private static void assertMarkedDeidentified(DicomDataset ds, Set<String> codes) {
        assertEquals("YES", ds.getString(0x00120062));
        assertEquals(PSEUDONYM, ds.getString(Tag.PatientName));
        assertEquals(PSEUDONYM, ds.getString(Tag.PatientID));
        Set<String> found = new TreeSet<>();
        for (DicomDataset item : ds.getSequence(0x00120064)) {
            assertEquals("DCM", item.getString(MarkerFixture.CODING_SCHEME));
            found.add(item.getString(MarkerFixture.CODE_VALUE));
        }
        assertEquals(new TreeSet<>(codes), found);
        String[] methods = ds.getStrings(0x00120063);
        assertEquals(codes.size(), methods.length);
        assertEquals("Attest: Basic Application Confidentiality Profile", methods[0]);
        assertNull(ds.get(0x00090010));
    }
}
