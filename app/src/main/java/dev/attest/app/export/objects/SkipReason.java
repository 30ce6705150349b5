package dev.attest.app.export.objects;

/**
 * Why an object, or a part of one, was left out of a case's export: said in words the benchmark set's datasheet can
 * print as they are.
 */
public enum SkipReason {
    NO_CLAIMS("the case has no claims"),
    NO_BOXES("the case has no box, and no mask to derive one from"),
    NO_LABEL_MAP("no claim of the case has mask evidence, so there is no label map to write as a Segmentation"),
    EMPTY_LABEL_MAP("the label map holds no labelled voxel"),
    UNREADABLE_LABEL_MAP("the label map file could not be read"),
    LABELS_OFF_IMAGE_GRID("the label map does not lie on the case image's voxel grid"),
    BAD_GEOMETRY("a box's stored geometry could not be read"),
    BOX_OUTSIDE_IMAGE("a box lies wholly outside the image"),
    REGION_MASK("a phrase's region mask (part of a structure, its own 0/1 map) names no label; the phrase's box"
            + " stands for it");

    private final String meaning;

    SkipReason(String meaning) {
        this.meaning = meaning;
    }

    /** The reason in words. */
    public String meaning() {
        return meaning;
    }
}
