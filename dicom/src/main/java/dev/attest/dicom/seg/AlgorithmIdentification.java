package dev.attest.dicom.seg;

import dev.attest.dicom.Code;

import java.util.Objects;

/**
 * The algorithm that made a segment, as the Algorithm Identification Macro (PS3.3 Table 10-19)
 * records it in Segmentation Algorithm Identification Sequence.
 *
 * @param family     Algorithm Family Code (CID 7162), e.g. {@link #ARTIFICIAL_INTELLIGENCE}
 * @param name       Algorithm Name, e.g. the model id
 * @param version    Algorithm Version, e.g. the model version or its weights' sha256 prefix
 * @param parameters Algorithm Parameters as free text (LT), or "" for none
 */
public record AlgorithmIdentification(Code family, String name, String version, String parameters) {
    /** (123110, DCM, "Artificial Intelligence") of CID 7162. */
    public static final Code ARTIFICIAL_INTELLIGENCE = Code.dcm("123110", "Artificial Intelligence");
    /** (123109, DCM, "Manual Processing") of CID 7162. */
    public static final Code MANUAL_PROCESSING = Code.dcm("123109", "Manual Processing");

    public AlgorithmIdentification {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parameters, "parameters");
        if (Objects.requireNonNull(name, "name").isBlank() || Objects.requireNonNull(version, "version").isBlank()) {
            throw new IllegalArgumentException("Algorithm Name and Algorithm Version are Type 1: give both");
        }
    }

    /** A model that segments without user input. */
    public static AlgorithmIdentification ai(String name, String version, String parameters) {
        return new AlgorithmIdentification(ARTIFICIAL_INTELLIGENCE, name, version, parameters);
    }
}
