package dev.attest.viewer.measure;

/** What a drawn measurement measures, and how many control points it takes. */
public enum MeasurementKind {
    /** Two points: the length of the segment between them, in mm. */
    DISTANCE(2, 2),
    /** Three points, first arm end, vertex, second arm end: the angle at the vertex, in degrees. */
    ANGLE(3, 3),
    /**
     * Two opposite corners of the ellipse's bounding box, whose sides run along the drawing plane's
     * right and down directions: area and pixel statistics inside.
     */
    ELLIPSE(2, 2),
    /** Three or more vertices of a closed outline: area and pixel statistics inside. */
    POLYGON(3, Integer.MAX_VALUE);

    private final int minPoints;
    private final int maxPoints;

    MeasurementKind(int minPoints, int maxPoints) {
        this.minPoints = minPoints;
        this.maxPoints = maxPoints;
    }

    public int minPoints() {
        return minPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }

    /** True for the kinds that enclose a region (ellipse, polygon), which report pixel statistics. */
    public boolean isRegion() {
        return this == ELLIPSE || this == POLYGON;
    }

    /** The lower-case name used in CSV and in {@link dev.attest.viewer.render.Measurement#kind()}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
