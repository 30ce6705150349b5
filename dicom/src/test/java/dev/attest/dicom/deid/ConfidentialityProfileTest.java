package dev.attest.dicom.deid;

import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidentialityProfileTest {
    private final ConfidentialityProfile profile = ConfidentialityProfile.standard();

    @Test
    void everyRowNamesTheAttributeThePs36DictionaryGivesItsTag() {
        List<String> unknown = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (ProfileRow r : profile.rows()) {
            if (r.mask() != 0xFFFFFFFF) {
                continue; // curves, overlays, private attributes
            }
            String keyword = TagDictionary.keyword(r.tag());
            if (keyword.isEmpty()) {
                unknown.add(r.tagText());
            } else if (!normalise(keyword).equals(normalise(r.name()))) {
                mismatched.add(r.tagText() + " " + r.name() + " vs " + keyword);
            }
        }
        assertEquals(List.of(), mismatched);
        // Added to PS3.6 after the dictionary Attest ships (pydicom 2.3.1's).
        assertEquals(List.of("(0010,2161)", "(0010,2162)"), unknown);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("'s", "").replace("(trial)", "trial").replaceAll("[^a-z0-9]", "");
    }

    @Test
    void holdsTheWholeTableWithAttestsAdditionsMarked() {
        List<ProfileRow> rows = profile.rows();
        assertEquals(475, rows.size());
        assertEquals(15, rows.stream().filter(r -> r.source().equals("attest")).count());
        assertEquals(460, rows.stream().filter(r -> r.source().equals("E.1-1")).count());
        assertEquals(50, rows.stream().filter(r -> r.basic() == ActionCode.U).count()); // awk -F"\t" '$4=="U"' basic-profile.tsv | wc -l
    }

    @Test
    void givesTheStandardsActionsForTheCommonAttributes() {
        assertRow(Tag.PatientName, ActionCode.Z, null, null);
        assertRow(Tag.PatientID, ActionCode.Z, null, null);
        assertRow(Tag.PatientBirthDate, ActionCode.Z, null, null);
        assertRow(Tag.AccessionNumber, ActionCode.Z, null, null);
        assertRow(Tag.StudyID, ActionCode.Z, null, null);
        assertRow(Tag.StudyDate, ActionCode.Z, ProfileColumn.RETAIN_LONG_MODIFIED_DATES, ActionCode.C);
        assertRow(Tag.SeriesDate, ActionCode.X_D, ProfileColumn.RETAIN_LONG_MODIFIED_DATES, ActionCode.C);
        assertRow(Tag.ContentDate, ActionCode.Z_D, ProfileColumn.RETAIN_LONG_FULL_DATES, ActionCode.K);
        assertRow(Tag.InstitutionName, ActionCode.X_Z_D, ProfileColumn.RETAIN_INSTITUTION_IDENTITY, ActionCode.K);
        assertRow(0x00181000, ActionCode.X_Z_D, ProfileColumn.RETAIN_DEVICE_IDENTITY, ActionCode.K); // Device Serial Number
        assertRow(0x00081010, ActionCode.X_Z_D, ProfileColumn.RETAIN_DEVICE_IDENTITY, ActionCode.K); // Station Name
        assertRow(0x00101010, ActionCode.X, ProfileColumn.RETAIN_PATIENT_CHARACTERISTICS, ActionCode.K); // Patient's Age
        assertRow(Tag.PatientSex, ActionCode.Z, ProfileColumn.RETAIN_PATIENT_CHARACTERISTICS, ActionCode.K);
        assertRow(Tag.SeriesDescription, ActionCode.X, ProfileColumn.CLEAN_DESCRIPTORS, ActionCode.C);
        assertRow(0x00400275, ActionCode.X, ProfileColumn.CLEAN_DESCRIPTORS, ActionCode.C); // Request Attributes Sequence
        assertRow(Tag.SOPInstanceUID, ActionCode.U, ProfileColumn.RETAIN_UIDS, ActionCode.K);
        assertRow(Tag.FrameOfReferenceUID, ActionCode.U, ProfileColumn.RETAIN_UIDS, ActionCode.K);
        assertRow(Tag.ReferencedImageSequence, ActionCode.X_Z_U, ProfileColumn.RETAIN_UIDS, ActionCode.K);
        assertRow(0x0040A730, ActionCode.D, ProfileColumn.CLEAN_STRUCTURED_CONTENT, ActionCode.C); // Content Sequence
        assertRow(0x00081120, ActionCode.X, ProfileColumn.RETAIN_UIDS, ActionCode.X); // Referenced Patient Sequence
        assertNull(profile.rowFor(Tag.SOPClassUID), "SOP Class UID is not in the table: kept");
        assertNull(profile.rowFor(Tag.Rows));
    }

    @Test
    void matchesRepeatingGroupsAndEveryPrivateTagToTheirRows() {
        assertEquals("Overlay Data", profile.rowFor(0x60023000).name());
        assertEquals("(60xx,3000)", profile.rowFor(0x601E3000).tagText());
        assertEquals("Curve Data", profile.rowFor(0x50040010).name());
        ProfileRow priv = profile.rowFor(0x00091010);
        assertSame(priv, profile.rowFor(0x7FE10010));
        assertTrue(priv.isPrivateAttributes());
        assertEquals(ActionCode.X, priv.basic());
        assertEquals(ActionCode.C, priv.option(ProfileColumn.RETAIN_SAFE_PRIVATE));
        assertNull(profile.rowFor(0x60000010), "Overlay Rows is not itself in the table");
    }

    @Test
    void resolvesCombinedCodesToTheActionThatSuitsEveryAttributeType() {
        assertEquals(Action.Z, ActionCode.X_Z.applied());
        assertEquals(Action.D, ActionCode.X_D.applied());
        assertEquals(Action.D, ActionCode.Z_D.applied());
        assertEquals(Action.D, ActionCode.X_Z_D.applied());
        assertEquals(Action.U, ActionCode.X_Z_U.applied());
        assertEquals(ActionCode.X_Z_U, ActionCode.parse("X/Z/U*"));
        assertNull(ActionCode.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> ActionCode.parse("Q"));
    }

    @Test
    void optionsOverrideTheBasicActionKeepBeforeClean() {
        ProfileRow serial = profile.rowFor(0x00181000);
        assertEquals(Action.D, DeidOptions.basic().resolve(serial).action());
        assertEquals(Action.K, DeidOptions.of(DeidOption.RETAIN_DEVICE_IDENTITY).resolve(serial).action());
        ProfileRow allergies = profile.rowFor(0x00102110);
        assertEquals(Action.X, DeidOptions.basic().resolve(allergies).action());
        assertEquals(Action.C, DeidOptions.of(DeidOption.CLEAN_DESCRIPTORS, DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                .resolve(allergies).action());
        ProfileRow studyDate = profile.rowFor(Tag.StudyDate);
        DeidOptions.Resolution r = DeidOptions.of(DeidOption.RETAIN_LONGITUDINAL_MODIFIED_DATES).resolve(studyDate);
        assertEquals(Action.C, r.action());
        assertEquals("option Retain Longitudinal Temporal Information Modified Dates Option", r.rule());
        assertEquals("basic profile Z", DeidOptions.of(DeidOption.RETAIN_DEVICE_IDENTITY).resolve(studyDate).rule());
    }

    private void assertRow(int tag, ActionCode basic, ProfileColumn column, ActionCode option) {
        ProfileRow r = profile.rowFor(tag);
        assertEquals(basic, r.basic(), r.name());
        if (column != null) {
            assertEquals(option, r.option(column), r.name() + " " + column);
        }
    }
}
