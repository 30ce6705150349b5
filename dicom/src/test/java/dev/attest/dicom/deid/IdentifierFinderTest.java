package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class IdentifierFinderTest {

    static DicomDataset header() {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE^Q^MRS");
        ds.setString(Tag.PatientID, Vr.LO, "PAT-123456");
        ds.setString(Tag.AccessionNumber, Vr.SH, "ACC77881");
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19710304");
        ds.setString(0x00080090, Vr.PN, "SMITH^JOHN^^DR");
        ds.setString(0x00102154, Vr.SH, "555-867-5309");
        ds.setString(0x00101040, Vr.LO, "12 Elm Street, Springfield");
        ds.setString(Tag.InstitutionName, Vr.LO, "Springfield General");
        DicomDataset other = new DicomDataset();
        other.setString(Tag.PatientID, Vr.LO, "OLD-99001");
        ds.setSequence(0x00101002, List.of(other));
        return ds;
    }

    @Test
    void collectsTheHeadersIdentifiersIncludingThoseInSequences() {
        KnownIdentifiers k = KnownIdentifiers.collect(header());
        assertEquals(Set.of("DOE", "JANE"), k.patientNameParts());
        assertEquals(Set.of("SMITH", "JOHN"), k.personNameParts());
        assertEquals(Set.of("PAT-123456", "ACC77881", "OLD-99001"), k.identifiers());
        assertEquals(Set.of(LocalDate.of(1971, 3, 4)), k.birthDates());
        assertEquals(Set.of("555-867-5309", "12 Elm Street, Springfield"), k.contacts());
        assertEquals(Set.of("Springfield General"), k.organizations());
    }

    @Test
    void findsKnownAndIdentifierShapedTextWithExactOffsets() {
        String text = "Jane Doe (PAT-123456), born 04/03/1971, seen by Dr. Harold Brown; referrer John Smith, call"
                + " (555) 867 5309 or jane.doe@example.org. Acc ACC77881, MRN 00123456, old id OLD-99001. Study on"
                + " 12 March 2020 at Springfield General. UID 1.2.3.4.5.6. Liver 1512 mL, lesion 3.5 cm, 120 kV, 10-15 mm.";
        List<Finding> found = new IdentifierFinder(KnownIdentifiers.collect(header())).find(text);
        List<String> expected = List.of(
                "Jane PATIENT_NAME", "Doe PATIENT_NAME", "PAT-123456 IDENTIFIER", "04/03/1971 BIRTH_DATE",
                "Dr. Harold Brown PERSON_NAME", "John PERSON_NAME", "Smith PERSON_NAME", "(555) 867 5309 CONTACT",
                "jane.doe@example.org EMAIL", "ACC77881 IDENTIFIER", "00123456 ID_LIKE", "OLD-99001 IDENTIFIER",
                "12 March 2020 DATE", "Springfield General ORGANIZATION", "1.2.3.4.5.6 UID");
        List<String> actual = new ArrayList<>();
        for (Finding f : found) {
            actual.add(f.matched() + " " + f.kind());
            assertEquals(text.indexOf(f.matched(), f.start() == 0 ? 0 : f.start() - 1), f.start(), f.matched());
            assertEquals(f.start() + f.matched().length(), f.end());
        }
        assertEquals(expected, actual);
    }

    @Test
    void scrubsEveryFindingToItsPlaceholderAndLeavesClinicalTextAlone() {
        FreeTextScrubber scrubber = FreeTextScrubber.forDataset(header());
        FreeTextScrubber.Result r = scrubber.scrub("DOE, JANE born 1971-03-04 / 4 Mar 1971, 12 Elm  Street."
                + " Follow-up with SMITH. Nodule 8 mm in RLL, stable since 2019-11-02.");
        assertEquals("[NAME], [NAME] born [DATE] / [DATE], [CONTACT]. Follow-up with [NAME]. Nodule 8 mm in RLL,"
                + " stable since [DATE].", r.text());
        assertEquals(7, r.findings().size());
        FreeTextScrubber.Result clean = scrubber.scrub("CT chest with contrast, 1.25 mm, 120 kV");
        assertFalse(clean.changed());
        assertEquals("CT chest with contrast, 1.25 mm, 120 kV", clean.text());
    }

    @Test
    void findsIdentifierShapedTextWithoutAnyHeader() {
        IdentifierFinder finder = new IdentifierFinder(KnownIdentifiers.none());
        List<String> kinds = finder.find("Mrs. Okafor, tel +44 20 7946 0958, MRN: A1234567, seen 2023-07-14; Patel, MD signed.")
                .stream().map(f -> f.matched() + " " + f.kind()).toList();
        assertEquals(List.of("Mrs. Okafor PERSON_NAME", "+44 20 7946 0958 PHONE", "A1234567 ID_LIKE",
                "2023-07-14 DATE", "Patel, MD PERSON_NAME"), kinds);
    }

    @Test
    void splitsPersonNamesIntoMatchablePartsWithoutInitialsOrTitles() {
        assertEquals(Set.of("DOE", "JANE"), KnownIdentifiers.nameParts("DOE^JANE^Q^MRS"));
        assertEquals(Set.of("O'Neil", "Mary-Kate"), KnownIdentifiers.nameParts("O'Neil, Mary-Kate J."));
        assertEquals(Set.of("IDENT-0010-0010", "Jane"), KnownIdentifiers.nameParts("IDENT-0010-0010^Jane"));
    }

    @Test
    void findsIdentifiersTheCallerKnowsFromOutsideTheHeaderButNotTooShortOnes() {
        IdentifierFinder finder = new IdentifierFinder(KnownIdentifiers.none().plus(List.of("Ward 12B", "ab", " ")));
        assertEquals(List.of("ward 12b IDENTIFIER"), finder.find("moved to ward  12b; ab normal")
                .stream().map(f -> f.matched().replaceAll("\\s+", " ") + " " + f.kind()).toList());
    }
}
