package dev.attest.app.export;

/** The names of the files and folders of a benchmark set, in one place for the exporter, importer and docs. */
public final class SetLayout {
    public static final String CROISSANT = "croissant.json";
    public static final String README = "README.md";
    public static final String METRICS = "metrics.json";
    public static final String DEID = "deid.json";
    public static final String SCHEMAS = "schemas";
    public static final String IMAGES = "images";
    /** De-identified DICOM of the images, only with --dicom: images/dicom/&lt;series UID&gt;/&lt;SOP UID&gt;.dcm. */
    public static final String DICOM = IMAGES + "/dicom";
    public static final String LABELS = "labels";
    /** Heat maps (probability, saliency) shown as evidence, as NIfTI. */
    public static final String MAPS = "maps";
    /** DICOM SR documents, written by the objects stage. */
    public static final String SR = "sr";

    private SetLayout() {
    }
}
