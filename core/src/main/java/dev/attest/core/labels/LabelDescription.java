package dev.attest.core.labels;

/** The name and display colour (0xRRGGBB) of one integer value of a label map. */
public record LabelDescription(int value, String name, int rgb) {
    public LabelDescription {
        if (value <= 0) {
            throw new IllegalArgumentException("label values start at 1 (0 is background): " + value);
        }
        name = name == null || name.isBlank() ? "Label " + value : name.strip();
        rgb &= 0xFFFFFF;
    }
}
