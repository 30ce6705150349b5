package dev.attest.core.labels;

/**
 * The name and display colour (0xRRGGBB) of one integer value of a label map, and whether it is
 * shown at first (a label such as "body" that covers everything else starts hidden).
 */
public record LabelDescription(int value, String name, int rgb, boolean visible) {
    public LabelDescription {
        if (value <= 0) {
            throw new IllegalArgumentException("label values start at 1 (0 is background): " + value);
        }
        name = name == null || name.isBlank() ? "Label " + value : name.strip();
        rgb &= 0xFFFFFF;
    }

    public LabelDescription(int value, String name, int rgb) {
        this(value, name, rgb, true);
    }
}
