package dev.attest.dicom;

/** Tag numbers used by Attest's code, and helpers to format and classify tags. */
public final class Tag {
    private Tag() {
    }

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;

    public static final int DirectoryRecordSequence = 0x00041220;
    public static final int ReferencedFileID = 0x00041500;
    public static final int ReferencedSOPInstanceUIDInFile = 0x00041511;
    public static final int ReferencedTransferSyntaxUIDInFile = 0x00041512;
    public static final int DirectoryRecordType = 0x00041430;

    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int AcquisitionDate = 0x00080022;
    public static final int ContentDate = 0x00080023;
    public static final int StudyTime = 0x00080030;
    public static final int SeriesTime = 0x00080031;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int Manufacturer = 0x00080070;
    public static final int InstitutionName = 0x00080080;
    public static final int StudyDescription = 0x00081030;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ManufacturerModelName = 0x00081090;
    public static final int ReferencedImageSequence = 0x00081140;
    public static final int DerivationDescription = 0x00082111;
    public static final int LossyImageCompression = 0x00282110;

    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;

    public static final int SliceThickness = 0x00180050;
    public static final int SpacingBetweenSlices = 0x00180088;
    public static final int GantryDetectorTilt = 0x00181120;

    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int AcquisitionNumber = 0x00200012;
    public static final int InstanceNumber = 0x00200013;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int SliceLocation = 0x00201041;
    public static final int DimensionIndexSequence = 0x00209222;

    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    public static final int PlanePositionSequence = 0x00209113;
    public static final int PlaneOrientationSequence = 0x00209116;
    public static final int FrameContentSequence = 0x00209111;
    public static final int DimensionIndexValues = 0x00209157;
    public static final int StackID = 0x00209056;
    public static final int InStackPositionNumber = 0x00209057;
    public static final int TemporalPositionIndex = 0x00209128;
    public static final int PixelMeasuresSequence = 0x00289110;
    public static final int PixelValueTransformationSequence = 0x00289145;
    public static final int FrameVOILUTSequence = 0x00289132;

    public static final int SamplesPerPixel = 0x00280002;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int PlanarConfiguration = 0x00280006;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int PixelSpacing = 0x00280030;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int RescaleType = 0x00281054;
    public static final int RedPaletteColorLookupTableDescriptor = 0x00281101;
    public static final int GreenPaletteColorLookupTableDescriptor = 0x00281102;
    public static final int BluePaletteColorLookupTableDescriptor = 0x00281103;
    public static final int RedPaletteColorLookupTableData = 0x00281201;
    public static final int GreenPaletteColorLookupTableData = 0x00281202;
    public static final int BluePaletteColorLookupTableData = 0x00281203;
    public static final int SegmentedRedPaletteColorLookupTableData = 0x00281221;
    public static final int SegmentedGreenPaletteColorLookupTableData = 0x00281222;
    public static final int SegmentedBluePaletteColorLookupTableData = 0x00281223;
    public static final int BurnedInAnnotation = 0x00280301;

    public static final int ExtendedOffsetTable = 0x7FE00001;
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;
    public static final int PixelData = 0x7FE00010;

    // Derived objects Attest writes (SEG, SR) and the references they make to their sources.
    public static final int InstanceCreationDate = 0x00080012;
    public static final int InstanceCreationTime = 0x00080013;
    public static final int ContentTime = 0x00080033;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int CodingSchemeIdentificationSequence = 0x00080110;
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    public static final int ReferencedSeriesSequence = 0x00081115;
    public static final int ReferencedInstanceSequence = 0x0008114A;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int ReferencedFrameNumber = 0x00081160;
    public static final int ReferencedSOPSequence = 0x00081199;
    public static final int StudiesContainingOtherReferencedInstancesSequence = 0x00081200;
    public static final int SourceImageSequence = 0x00082112;
    public static final int DerivationImageSequence = 0x00089124;
    public static final int DerivationCodeSequence = 0x00089215;
    public static final int PurposeOfReferenceCodeSequence = 0x0040A170;
    public static final int DeviceSerialNumber = 0x00181000;
    public static final int SoftwareVersions = 0x00181020;
    public static final int PositionReferenceIndicator = 0x00201040;
    public static final int DimensionOrganizationUID = 0x00209164;
    public static final int DimensionIndexPointer = 0x00209165;
    public static final int FunctionalGroupPointer = 0x00209167;
    public static final int DimensionOrganizationSequence = 0x00209221;
    public static final int DimensionOrganizationType = 0x00209311;
    public static final int DimensionDescriptionLabel = 0x00209421;
    public static final int ContentLabel = 0x00700080;
    public static final int ContentDescription = 0x00700081;
    public static final int ContentCreatorName = 0x00700084;

    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    /** True for (gggg,0010-00FF) in an odd group: the element that names a private block's owner. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x10 && e <= 0xFF;
    }

    public static boolean isPixelData(int tag) {
        return tag == PixelData || tag == FloatPixelData || tag == DoubleFloatPixelData;
    }

    /** Formats a tag the way DICOM documents do: (0010,0010). */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
