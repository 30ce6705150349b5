package dev.attest.dicom.seg;

import java.util.Objects;
import java.util.Optional;

/**
 * One segment to write: the Segment Description Macro (PS3.3 Table 10-27) less its number,
 * which the writer assigns (1, 2, ... in the order given, as the standard requires).
 *
 * @param label         Segment Label (LO, at most 64 characters)
 * @param description   Segment Description, or ""
 * @param algorithmType AUTOMATIC, SEMIAUTOMATIC or MANUAL
 * @param algorithm     the algorithm; required unless MANUAL (its name becomes Segment Algorithm Name)
 * @param property      category, type and type modifier codes
 * @param colour        Recommended Display CIELab Value, if any
 */
public record SegmentDefinition(String label, String description, SegmentAlgorithmType algorithmType,
                                Optional<AlgorithmIdentification> algorithm, SegmentedProperty property,
                                Optional<CieLab> colour) {

    public SegmentDefinition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(algorithmType, "algorithmType");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(colour, "colour");
        if (Objects.requireNonNull(label, "label").isBlank() || label.length() > 64) {
            throw new IllegalArgumentException("Segment Label must be 1 to 64 characters: '" + label + "'");
        }
        if (algorithmType != SegmentAlgorithmType.MANUAL && algorithm.isEmpty()) {
            throw new IllegalArgumentException("segment '" + label + "' is " + algorithmType
                    + ": Segment Algorithm Name is then required, so give its algorithm");
        }
    }

    /** A segment a model made without user input. */
    public static SegmentDefinition automatic(String label, SegmentedProperty property, AlgorithmIdentification algorithm) {
        return new SegmentDefinition(label, "", SegmentAlgorithmType.AUTOMATIC, Optional.of(algorithm), property,
                Optional.empty());
    }

    /** A segment drawn by hand. */
    public static SegmentDefinition manual(String label, SegmentedProperty property) {
        return new SegmentDefinition(label, "", SegmentAlgorithmType.MANUAL, Optional.empty(), property, Optional.empty());
    }

    public SegmentDefinition withColour(CieLab lab) {
        return new SegmentDefinition(label, description, algorithmType, algorithm, property, Optional.of(lab));
    }

    public SegmentDefinition withDescription(String text) {
        return new SegmentDefinition(label, text, algorithmType, algorithm, property, colour);
    }
}
