package dev.attest.dicom.deid;

import java.util.List;

/**
 * What one call of {@link Deidentifier#deidentify} needs besides the data set: who the patient
 * becomes, how their dates move, what to do with burned-in pixels, and any identifiers known from
 * outside the header (e.g. the name as the referral spelled it) for the free-text scrubber.
 *
 * @param pseudonymId      the value for Patient ID (0010,0020), e.g. "CASE-0007"
 * @param pseudonymName    the value for Patient's Name (0010,0010), usually the same pseudonym
 * @param dateShift        this patient's date offset (used with the modified-dates option)
 * @param burnedIn         what to do when the file flags burned-in annotation
 * @param extraIdentifiers strings that must not survive in cleaned free text
 */
public record DeidContext(String pseudonymId, String pseudonymName, DateShift dateShift, BurnedInDecision burnedIn,
                          List<String> extraIdentifiers) {

    public DeidContext {
        if (pseudonymId == null || pseudonymId.isBlank()) {
            throw new IllegalArgumentException("a pseudonym for Patient ID is required");
        }
        if (pseudonymName == null || pseudonymName.isBlank()) {
            pseudonymName = pseudonymId;
        }
        if (dateShift == null) {
            throw new IllegalArgumentException("a date shift is required (DateShift.forPatient)");
        }
        burnedIn = burnedIn == null ? BurnedInDecision.refuse() : burnedIn;
        extraIdentifiers = List.copyOf(extraIdentifiers);
    }

    /**
     * The usual context: the pseudonym for name and ID, this patient's derived date shift, and
     * refusal of burned-in pixels.
     */
    public static DeidContext of(String pseudonym, ProjectSecret secret, String originalPatientId) {
        return new DeidContext(pseudonym, pseudonym, DateShift.forPatient(secret, originalPatientId),
                BurnedInDecision.refuse(), List.of());
    }

    public DeidContext withBurnedIn(BurnedInDecision decision) {
        return new DeidContext(pseudonymId, pseudonymName, dateShift, decision, extraIdentifiers);
    }

    public DeidContext withExtraIdentifiers(List<String> identifiers) {
        return new DeidContext(pseudonymId, pseudonymName, dateShift, burnedIn, identifiers);
    }
}
