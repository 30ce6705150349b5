package dev.attest.dicom.deid;

import java.util.List;

/**
 * What to do with a file whose pixels carry burned-in text (Burned In Annotation (0028,0301) = YES).
 * Without an explicit decision the file is refused: pixel text can name the patient and Attest does
 * not read it.
 */
public sealed interface BurnedInDecision {

    /** Refuse the file with a {@link BurnedInAnnotationException}: the default. */
    record Refuse() implements BurnedInDecision {
    }

    /** Leave the file out of the export; it is reported as excluded. */
    record Exclude() implements BurnedInDecision {
    }

    /** Blank these rectangles in every frame and export the cleaned pixels. */
    record Clean(List<PixelRect> rectangles) implements BurnedInDecision {
        public Clean {
            if (rectangles.isEmpty()) {
                throw new IllegalArgumentException("cleaning burned-in annotation needs at least one rectangle");
            }
            rectangles = List.copyOf(rectangles);
        }
    }

    static BurnedInDecision refuse() {
        return new Refuse();
    }

    static BurnedInDecision exclude() {
        return new Exclude();
    }

    static BurnedInDecision clean(PixelRect... rectangles) {
        return new Clean(List.of(rectangles));
    }
}
