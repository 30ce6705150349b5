package dev.attest.app.export;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.deid.Finding;
import dev.attest.dicom.deid.FreeTextScrubber;
import dev.attest.dicom.deid.KnownIdentifiers;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Takes identifiers out of one case's free text (claim text, reviewer notes, missed findings, strings inside
 * recorded JSON) with dicom.deid's scrubber, knowing the case's own header identifiers and every reviewer's name,
 * and logs each redaction for deid.json.
 */
public final class TextRedactor {
    private final FreeTextScrubber scrubber;
    private final RedactionLog log;

    private TextRedactor(KnownIdentifiers identifiers, RedactionLog log) {
        this.scrubber = new FreeTextScrubber(identifiers);
        this.log = log;
    }

    /**
     * A redactor for one case.
     *
     * @param originalHeader      the case's DICOM header before de-identification, or null when it has none
     * @param reviewerNames       every reviewer's real name: they must not appear in the set
     * @param retainInstitution   whether institution names stay (the export keeps site identity)
     * @param log                 where redactions are recorded (shared by the export)
     */
    static TextRedactor forCase(DicomDataset originalHeader, Collection<String> reviewerNames, boolean retainInstitution,
                                RedactionLog log) {
        KnownIdentifiers known = originalHeader == null ? KnownIdentifiers.none() : KnownIdentifiers.collect(originalHeader);
        if (retainInstitution) {
            known = known.withoutOrganizations();
        }
        Set<String> people = new LinkedHashSet<>(known.personNameParts());
        for (String name : reviewerNames) {
            people.addAll(nameParts(name));
        }
        return new TextRedactor(new KnownIdentifiers(known.patientNameParts(), people, known.identifiers(),
                known.birthDates(), known.contacts(), known.organizations()), log);
    }

    /** The parts of a person's name worth looking for: "Jane^Q. Doe" gives Jane and Doe (single letters are skipped). */
    static Set<String> nameParts(String name) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : name.split("[\\^=,\\s]+")) {
            String t = p.strip().replaceAll("\\.+$", "");
            if (t.length() >= 2) {
                parts.add(t);
            }
        }
        return parts;
    }

    /** Records a redaction made outside the scrubber (a folder path cut from a file name) under placeholder. */
    void record(String table, String row, String field, String placeholder) {
        log.add(new Redaction(table, row, field, java.util.List.of(placeholder)));
    }

    /**
     * The same cleaning for text a table already logged (the standard objects repeat claim text, revisions and
     * missed findings), so deid.json counts each redaction once.
     */
    public String cleanAgain(String text) {
        return text == null ? null : scrubber.scrub(text).text();
    }

    /** The text with identifiers replaced by placeholders; a change is logged under table/row/field. */
    public String clean(String text, String table, String row, String field) {
        if (text == null) {
            return null;
        }
        log.scanned();
        FreeTextScrubber.Result r = scrubber.scrub(text);
        if (r.changed()) {
            log.add(new Redaction(table, row, field, r.findings().stream().map(Finding::kind)
                    .map(Finding.Kind::placeholder).toList()));
        }
        return r.text();
    }
}
