package dev.attest.dicom.sr;

/** Tags of the SR document modules (PS3.3 C.17) and content items, not needed elsewhere. */
final class SrTags {
    static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String ENHANCED_SR = "1.2.840.10008.5.1.4.1.1.88.22";
    /** DICOM Content Mapping Resource (PS3.16), the owner of TID 1500. */
    static final String DCMR_UID = "1.2.840.10008.8.1.1";

    static final int MappingResource = 0x00080105;
    static final int CodingSchemeDesignator = 0x00080102;
    static final int CodingSchemeUID = 0x0008010C;
    static final int CodingSchemeName = 0x00080115;
    static final int CodingSchemeResponsibleOrganization = 0x00080116;
    static final int MappingResourceUID = 0x00080118;
    static final int MeasurementUnitsCodeSequence = 0x004008EA;
    static final int VerifyingOrganization = 0x0040A027;
    static final int VerificationDateTime = 0x0040A030;
    static final int VerifyingObserverSequence = 0x0040A073;
    static final int VerifyingObserverName = 0x0040A075;
    static final int VerifyingObserverIdentificationCodeSequence = 0x0040A088;
    static final int RelationshipType = 0x0040A010;
    static final int ValueType = 0x0040A040;
    static final int ConceptNameCodeSequence = 0x0040A043;
    static final int ContinuityOfContent = 0x0040A050;
    static final int DateTime = 0x0040A120;
    static final int Date = 0x0040A121;
    static final int Time = 0x0040A122;
    static final int PersonName = 0x0040A123;
    static final int UID = 0x0040A124;
    static final int TextValue = 0x0040A160;
    static final int FloatingPointValue = 0x0040A161;
    static final int ConceptCodeSequence = 0x0040A168;
    static final int MeasuredValueSequence = 0x0040A300;
    static final int NumericValue = 0x0040A30A;
    static final int PerformedProcedureCodeSequence = 0x0040A372;
    static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
    static final int PertinentOtherEvidenceSequence = 0x0040A385;
    static final int CompletionFlag = 0x0040A491;
    static final int VerificationFlag = 0x0040A493;
    static final int PreliminaryFlag = 0x0040A496;
    static final int ContentTemplateSequence = 0x0040A504;
    static final int ContentSequence = 0x0040A730;
    static final int TemplateIdentifier = 0x0040DB00;
    static final int ReferencedContentItemIdentifier = 0x0040DB73;
    static final int ReferencedSegmentNumber = 0x0062000B;

    private SrTags() {
    }
}
