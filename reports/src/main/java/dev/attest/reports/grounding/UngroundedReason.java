package dev.attest.reports.grounding;

/** Why a sentence could not be placed in the patient. */
public enum UngroundedReason {
    /** No term of the vocabulary in the sentence. */
    NO_STRUCTURE,
    /** The structure named is in the vocabulary, but the model in use does not label it. */
    NOT_IN_MODEL,
    /** The structure has no structure on the side named ("left middle lobe"). */
    NO_SUCH_SIDE,
    /** Both left and right are named. */
    CONFLICTING_SIDES,
    /** Two opposite position qualifiers are named ("upper ... lower"). */
    CONFLICTING_PARTS,
    /** The model labels the structure, but this label map has no voxels of it. */
    ABSENT_FROM_LABEL_MAP,
    /** The side or position qualifiers cut away every voxel. */
    EMPTY_REGION,
    /** A lesion is named, but none of its components lies where the sentence places it. */
    NO_MATCHING_FINDING
}
