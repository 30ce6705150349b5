package dev.attest.viewer.overlay;

import java.util.List;

/** One thing drawn over the image in patient space; values are immutable, changes replace them in the stack. */
public sealed interface Overlay permits LabelLayer, HeatMapLayer, BoxMarker, PointMarker {

    /** The name the legend and layer list show. */
    String name();

    boolean visible();

    /** The same overlay shown or hidden. */
    Overlay withVisible(boolean visible);

    /** What the legend lists for this overlay while it is visible. */
    List<LegendEntry> legend();
}
