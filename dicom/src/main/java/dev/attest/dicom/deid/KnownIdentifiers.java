package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Vr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers a header states about a patient and the people around them, gathered so that
 * free text (descriptions, report sentences, reviewer notes) can be checked for them.
 *
 * @param patientNameParts  parts of the patient's names (family, given, middle; birth and other names)
 * @param personNameParts   parts of other people's names in the header (physicians, operators, ...)
 * @param identifiers       patient IDs, accession numbers, study and request IDs
 * @param birthDates        the patient's birth date(s)
 * @param contacts          addresses, telephone numbers and e-mail addresses from the header
 * @param organizations     institution and department names
 */
public record KnownIdentifiers(Set<String> patientNameParts, Set<String> personNameParts, Set<String> identifiers,
                               Set<LocalDate> birthDates, Set<String> contacts, Set<String> organizations) {

    /** Name parts shorter than this are ignored: initials would match everywhere. */
    static final int MIN_NAME_PART = 2;
    /** Identifiers shorter than this are ignored: a Study ID of "1" is no identifier in text. */
    static final int MIN_IDENTIFIER = 3;

    private static final Set<String> NOT_NAMES = Set.of("DR", "MD", "JR", "SR", "MR", "MRS", "MS", "MISS", "PROF", "PHD",
            "II", "III", "IV", "DO", "RN", "THE", "OF", "AND", "VAN", "VON", "DE", "LA", "LE", "DA", "DI");

    private static final Set<Integer> PATIENT_NAMES = Set.of(Tag.PatientName, 0x00101001, 0x00101005);
    private static final Set<Integer> IDENTIFIER_TAGS = Set.of(
            Tag.PatientID, 0x00101000, Tag.AccessionNumber, Tag.StudyID, 0x00380010, 0x00380060, 0x00401001, 0x00400009,
            0x00400253, 0x00402016, 0x00402017, 0x00101090, 0x00101050, 0x00120040, 0x00120042, 0x0040050A, 0x00400551,
            0x00400512, 0x004006FA, 0x00100021);
    private static final Set<Integer> CONTACT_TAGS = Set.of(
            0x00101040, 0x00102154, 0x00102155, 0x00401102, 0x00401103, 0x00401104, 0x00080092, 0x00080094, 0x00402010,
            0x00402011, 0x00080081, 0x0040A353, 0x0040A354);
    private static final Set<Integer> ORGANIZATION_TAGS = Set.of(Tag.InstitutionName, 0x00081040, 0x00102299, 0x00404036);

    public KnownIdentifiers {
        patientNameParts = Set.copyOf(patientNameParts);
        personNameParts = Set.copyOf(personNameParts);
        identifiers = Set.copyOf(identifiers);
        birthDates = Set.copyOf(birthDates);
        contacts = Set.copyOf(contacts);
        organizations = Set.copyOf(organizations);
    }

    public static KnownIdentifiers none() {
        return new KnownIdentifiers(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Everything identifying found anywhere in {@code dataset}, sequences included (private tags are not read). */
    public static KnownIdentifiers collect(DicomDataset dataset) {
        Collector c = new Collector();
        c.walk(dataset, 0);
        return c.build();
    }

    /** These identifiers plus free strings known from elsewhere (taken as identifiers, names split into parts). */
    public KnownIdentifiers plus(Collection<String> extra) {
        Set<String> ids = new LinkedHashSet<>(identifiers);
        for (String s : extra) {
            String t = s == null ? "" : s.trim();
            if (t.length() >= MIN_IDENTIFIER) {
                ids.add(t);
            }
        }
        return new KnownIdentifiers(patientNameParts, personNameParts, ids, birthDates, contacts, organizations);
    }

    /** The same identifiers without institution names, for exports that retain institution identity. */
    public KnownIdentifiers withoutOrganizations() {
        return new KnownIdentifiers(patientNameParts, personNameParts, identifiers, birthDates, contacts, Set.of());
    }

    /** Splits a person name (PN "Family^Given^Middle^Prefix^Suffix", or plain text) into the parts worth matching. */
    static Set<String> nameParts(String name) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : name.split("[\\^=,\\s]+")) {
            String t = p.strip();
            while (t.endsWith(".")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.length() >= MIN_NAME_PART && !NOT_NAMES.contains(t.toUpperCase(Locale.ROOT))) {
                parts.add(t);
            }
        }
        return parts;
    }

    private static final class Collector {
        final Set<String> patientNames = new LinkedHashSet<>();
        final Set<String> personNames = new LinkedHashSet<>();
        final Set<String> ids = new LinkedHashSet<>();
        final Set<LocalDate> births = new LinkedHashSet<>();
        final Set<String> contacts = new LinkedHashSet<>();
        final Set<String> organizations = new LinkedHashSet<>();

        void walk(DicomDataset ds, int depth) {
            if (depth > 32) {
                return;
            }
            for (DicomElement e : ds.elements()) {
                int tag = e.tag();
                if (Tag.isPrivate(tag)) {
                    continue;
                }
                if (e instanceof DicomElement.Sequence s) {
                    for (DicomDataset item : s.items()) {
                        walk(item, depth + 1);
                    }
                    continue;
                }
                if (!(e instanceof DicomElement.Value)) {
                    continue;
                }
                Vr vr = DicomDataset.effectiveVr(e);
                if (vr == Vr.PN) {
                    String[] names = ds.getStrings(tag);
                    for (String n : names == null ? new String[0] : names) {
                        (PATIENT_NAMES.contains(tag) ? patientNames : personNames).addAll(nameParts(n));
                    }
                } else if (tag == 0x00100030) {
                    String birth = ds.getString(tag);
                    if (birth != null && birth.matches("\\d{8}")) {
                        try {
                            births.add(LocalDate.parse(birth, DateTimeFormatter.BASIC_ISO_DATE));
                        } catch (DateTimeException ignored) {
                            // not a real date: nothing to look for in text
                        }
                    }
                } else if (IDENTIFIER_TAGS.contains(tag)) {
                    addValues(ds, tag, ids, MIN_IDENTIFIER);
                } else if (CONTACT_TAGS.contains(tag)) {
                    addValues(ds, tag, contacts, MIN_IDENTIFIER);
                } else if (ORGANIZATION_TAGS.contains(tag)) {
                    addValues(ds, tag, organizations, MIN_IDENTIFIER);
                }
            }
        }

        private static void addValues(DicomDataset ds, int tag, Set<String> into, int minLength) {
            String[] values = ds.getStrings(tag);
            for (String v : values == null ? new String[0] : values) {
                String t = v.strip();
                if (t.length() >= minLength) {
                    into.add(t);
                }
            }
        }

        KnownIdentifiers build() {
            personNames.removeAll(patientNames);
            return new KnownIdentifiers(patientNames, personNames, ids, births, contacts, organizations);
        }
    }
}
