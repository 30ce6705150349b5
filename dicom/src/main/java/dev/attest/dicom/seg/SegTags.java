package dev.attest.dicom.seg;

/** Tags of the Segmentation IOD (PS3.3 C.8.20) and of the references it makes, not needed elsewhere. */
final class SegTags {
    static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";

    static final int SegmentationType = 0x00620001;
    static final int SegmentSequence = 0x00620002;
    static final int SegmentedPropertyCategoryCodeSequence = 0x00620003;
    static final int SegmentNumber = 0x00620004;
    static final int SegmentLabel = 0x00620005;
    static final int SegmentDescription = 0x00620006;
    static final int SegmentAlgorithmType = 0x00620008;
    static final int SegmentAlgorithmName = 0x00620009;
    static final int SegmentIdentificationSequence = 0x0062000A;
    static final int ReferencedSegmentNumber = 0x0062000B;
    static final int RecommendedDisplayCIELabValue = 0x0062000D;
    static final int MaximumFractionalValue = 0x0062000E;
    static final int SegmentedPropertyTypeCodeSequence = 0x0062000F;
    static final int SegmentationFractionalType = 0x00620010;
    static final int SegmentedPropertyTypeModifierCodeSequence = 0x00620011;
    static final int SegmentsOverlap = 0x00620013;
    static final int SegmentationAlgorithmIdentificationSequence = 0x00620007;

    static final int AlgorithmFamilyCodeSequence = 0x0066002F;
    static final int AlgorithmVersion = 0x00660031;
    static final int AlgorithmParameters = 0x00660032;
    static final int AlgorithmName = 0x00660036;

    static final int CodeMeaning = 0x00080104;
    static final int ReferencedSOPInstanceUID = 0x00081155;
    static final int ReferencedFrameNumber = 0x00081160;
    static final int SourceImageSequence = 0x00082112;
    static final int DerivationImageSequence = 0x00089124;
    static final int ReferencedSeriesSequence = 0x00081115;

    private SegTags() {
    }
}
