package dev.attest.dicom.sr;

import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Uids;
import dev.attest.dicom.write.Elements;

import java.util.List;

/**
 * Attest's private coding scheme, 99ATTEST, for the reviewer judgements SCORING.md defines and
 * DICOM has no codes for (a claim's verdict, how its evidence supports it, localisation, error
 * type, a report's acceptability). Clinical significance uses the standard (121403, DCM, "Level
 * of Significance") with SNOMED CT values instead. Every report that uses these codes declares
 * the scheme in its Coding Scheme Identification Sequence; the table is in docs/dicom-seg-sr.md.
 */
public final class AttestCodes {
    /** Coding Scheme Designator: private schemes start with "99" (PS3.3 8.2). */
    public static final String SCHEME = "99ATTEST";
    /** A stable UID for the scheme, derived from its name under the 2.25 root. */
    public static final String SCHEME_UID = Uids.fromName("dev.attest coding scheme 99ATTEST");
    public static final String SCHEME_NAME = "Attest reviewer judgement codes";

    private AttestCodes() {
    }

    private static Code code(String value, String meaning) {
        return new Code(value, SCHEME, meaning);
    }

    // Concepts: what was judged.
    public static final Code VERDICT = code("VERDICT", "Claim verdict");
    public static final Code EVIDENCE_SUPPORT = code("EVIDENCE", "Evidence support");
    public static final Code LOCALISATION = code("LOCALISATION", "Localisation");
    public static final Code ERROR_TYPE = code("ERRORTYPE", "Error type");
    public static final Code ACCEPTABILITY = code("ACCEPTABILITY", "Report acceptability");

    // Verdict values.
    public static final Code CORRECT = code("CORRECT", "Correct");
    public static final Code PARTIALLY_CORRECT = code("PARTIAL", "Partially correct");
    public static final Code INCORRECT = code("INCORRECT", "Incorrect");
    public static final Code UNGRADABLE = code("UNGRADABLE", "Ungradable");

    // Evidence support values.
    public static final Code SUPPORTS = code("SUPPORTS", "Evidence supports the claim");
    public static final Code PARTIALLY_SUPPORTS = code("PARTSUPPORTS", "Evidence partly supports the claim");
    public static final Code CONTRADICTS = code("CONTRADICTS", "Evidence contradicts the claim");
    public static final Code NO_EVIDENCE = code("NOEVIDENCE", "No evidence or off-target evidence");

    // Localisation values.
    public static final Code LOCALISATION_GOOD = code("LOCGOOD", "Good localisation");
    public static final Code LOCALISATION_HIT = code("LOCHIT", "Hit only");
    public static final Code LOCALISATION_MISS = code("LOCMISS", "Miss");

    // Error type values.
    public static final Code FALSE_FINDING = code("FALSEFINDING", "False finding");
    public static final Code WRONG_LOCATION = code("WRONGLOCATION", "Wrong location or laterality");
    public static final Code WRONG_SEVERITY_OR_SIZE = code("WRONGSIZE", "Wrong severity or size");
    public static final Code FALSE_COMPARISON = code("FALSECOMPARISON", "False comparison");
    public static final Code OMITTED_COMPARISON = code("OMITTEDCOMPARE", "Omitted comparison");
    public static final Code NEGATION_ERROR = code("NEGATIONERROR", "Negation error");
    public static final Code DEVICE_ERROR = code("DEVICEERROR", "Device error");

    // Report acceptability values.
    public static final Code ACCEPTABLE = code("ACCEPTABLE", "Acceptable");
    public static final Code ACCEPTABLE_WITH_EDITS = code("ACCEPTEDITS", "Acceptable with edits");
    public static final Code NOT_ACCEPTABLE = code("NOTACCEPTABLE", "Not acceptable");

    /** Every code of the scheme, concepts first, for the documentation table and its test. */
    public static List<Code> all() {
        return List.of(VERDICT, EVIDENCE_SUPPORT, LOCALISATION, ERROR_TYPE, ACCEPTABILITY, CORRECT, PARTIALLY_CORRECT,
                INCORRECT, UNGRADABLE, SUPPORTS, PARTIALLY_SUPPORTS, CONTRADICTS, NO_EVIDENCE, LOCALISATION_GOOD,
                LOCALISATION_HIT, LOCALISATION_MISS, FALSE_FINDING, WRONG_LOCATION, WRONG_SEVERITY_OR_SIZE,
                FALSE_COMPARISON, OMITTED_COMPARISON, NEGATION_ERROR, DEVICE_ERROR, ACCEPTABLE, ACCEPTABLE_WITH_EDITS,
                NOT_ACCEPTABLE);
    }

    /** The Coding Scheme Identification Sequence item that declares the scheme (PS3.3 C.12.1.1.3). */
    static DicomDataset identification() {
        DicomDataset item = new DicomDataset();
        Elements.text(item, SrTags.CodingSchemeDesignator, SCHEME);
        Elements.text(item, SrTags.CodingSchemeUID, SCHEME_UID);
        Elements.text(item, SrTags.CodingSchemeName, SCHEME_NAME);
        Elements.text(item, SrTags.CodingSchemeResponsibleOrganization, "Attest");
        return item;
    }
}
