package dev.attest.dicom.sr;

import dev.attest.dicom.Code;

/**
 * The standard codes of a TID 1500 Measurement Report that Attest writes and looks for, with the
 * legacy SNOMED-RT ("SRT") codes that older reports such as dcmqi's still use for some of them.
 * Every value and meaning here is checked against pydicom's copy of PS3.16.
 */
public final class ReportCodes {
    private ReportCodes() {
    }

    // Document and its sections (TID 1500, TID 1600, TID 1411).
    public static final Code IMAGING_MEASUREMENT_REPORT = Code.dcm("126000", "Imaging Measurement Report");
    public static final Code LANGUAGE = Code.dcm("121049", "Language of Content Item and Descendants");
    public static final Code PROCEDURE_REPORTED = Code.dcm("121058", "Procedure reported");
    public static final Code IMAGE_LIBRARY = Code.dcm("111028", "Image Library");
    public static final Code IMAGE_LIBRARY_GROUP = Code.dcm("126200", "Image Library Group");
    public static final Code IMAGING_MEASUREMENTS = Code.dcm("126010", "Imaging Measurements");
    public static final Code MEASUREMENT_GROUP = Code.dcm("125007", "Measurement Group");
    public static final Code QUALITATIVE_EVALUATIONS = new Code("C0034375", "UMLS", "Qualitative Evaluations");
    public static final Code MODALITY = Code.dcm("121139", "Modality");
    public static final Code FRAME_OF_REFERENCE_UID = Code.dcm("112227", "Frame of Reference UID");

    // Observer context (TID 1002, 1003, 1004).
    public static final Code OBSERVER_TYPE = Code.dcm("121005", "Observer Type");
    public static final Code PERSON = Code.dcm("121006", "Person");
    public static final Code DEVICE = Code.dcm("121007", "Device");
    public static final Code PERSON_OBSERVER_NAME = Code.dcm("121008", "Person Observer Name");
    public static final Code PERSON_OBSERVER_ORGANIZATION = Code.dcm("121009", "Person Observer's Organization Name");
    public static final Code DEVICE_OBSERVER_UID = Code.dcm("121012", "Device Observer UID");
    public static final Code DEVICE_OBSERVER_NAME = Code.dcm("121013", "Device Observer Name");
    public static final Code DEVICE_OBSERVER_MANUFACTURER = Code.dcm("121014", "Device Observer Manufacturer");
    public static final Code DEVICE_OBSERVER_MODEL_NAME = Code.dcm("121015", "Device Observer Model Name");
    public static final Code DEVICE_OBSERVER_SERIAL_NUMBER = Code.dcm("121016", "Device Observer Serial Number");

    // Measurement group content (TID 1411, TID 1419).
    public static final Code TRACKING_IDENTIFIER = Code.dcm("112039", "Tracking Identifier");
    public static final Code TRACKING_UID = Code.dcm("112040", "Tracking Unique Identifier");
    public static final Code FINDING = Code.dcm("121071", "Finding");
    public static final Code REFERENCED_SEGMENT = Code.dcm("121191", "Referenced Segment");
    public static final Code SOURCE_SERIES_FOR_SEGMENTATION = Code.dcm("121232", "Source series for segmentation");
    public static final Code FINDING_SITE = Code.sct("363698007", "Finding Site");
    public static final Code FINDING_SITE_SRT = new Code("G-C0E3", "SRT", "Finding Site");
    public static final Code LATERALITY = Code.sct("272741003", "Laterality");
    public static final Code LATERALITY_SRT = new Code("G-C171", "SRT", "Laterality");
    public static final Code MEASUREMENT_METHOD = Code.sct("370129005", "Measurement Method");
    public static final Code MEASUREMENT_METHOD_SRT = new Code("G-C036", "SRT", "Measurement Method");
    public static final Code DERIVATION = Code.dcm("121401", "Derivation");
    public static final Code VOLUME = Code.sct("118565006", "Volume");
    public static final Code SUM_OF_SEGMENTED_VOXEL_VOLUMES = Code.dcm("126030", "Sum of segmented voxel volumes");
    public static final Code ATTENUATION_COEFFICIENT = Code.dcm("112031", "Attenuation Coefficient");
    public static final Code MEAN = Code.sct("373098007", "Mean");
    public static final Code LEVEL_OF_SIGNIFICANCE = Code.dcm("121403", "Level of Significance");
    public static final Code SIGNIFICANT = Code.sct("386134007", "Significant");
    public static final Code NOT_SIGNIFICANT = Code.sct("371928007", "Not significant");

    // Units (UCUM).
    public static final Code MILLILITER = Code.ucum("ml", "milliliter");
    public static final Code HOUNSFIELD_UNIT = Code.ucum("[hnsf'U]", "Hounsfield Unit");

    // Language and procedures.
    public static final Code ENGLISH_US = new Code("en-US", "RFC5646", "English (United States)");
    public static final Code CT_UNSPECIFIED_BODY_REGION = new Code("25045-6", "LN", "CT unspecified body region");
    public static final Code MR_UNSPECIFIED_BODY_REGION = new Code("25056-3", "LN", "MRI unspecified body region");
}
