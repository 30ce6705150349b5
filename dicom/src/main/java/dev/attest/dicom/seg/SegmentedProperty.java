package dev.attest.dicom.seg;

import dev.attest.dicom.Code;

import java.util.Objects;
import java.util.Optional;

/**
 * What a segment is: Segmented Property Category (CID 7150, "Anatomical Structure"), Type
 * (CID 7151, "Kidney") and an optional Type Modifier (laterality: "Left").
 */
public record SegmentedProperty(Code category, Code type, Optional<Code> typeModifier) {

    public SegmentedProperty {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeModifier, "typeModifier");
    }

    public SegmentedProperty(Code category, Code type) {
        this(category, type, Optional.empty());
    }

    /** The same property on one side: laterality as the type modifier. */
    public SegmentedProperty withModifier(Code modifier) {
        return new SegmentedProperty(category, type, Optional.of(modifier));
    }
}
