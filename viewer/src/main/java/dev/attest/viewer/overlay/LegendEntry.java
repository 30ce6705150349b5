package dev.attest.viewer.overlay;

/**
 * One line of the overlay legend: a colour swatch, a name and what kind of overlay it stands for.
 *
 * @param rgb colour as 0xRRGGBB
 */
public record LegendEntry(int rgb, String name, Kind kind) {

    /** What the entry stands for, so the app can pick an icon. */
    public enum Kind { LABEL, CONTINUOUS, BOX, POINT }
}
