package dev.attest.viewer.volume3d;

import dev.attest.viewer.render.WindowLevel;
import java.util.Objects;

/**
 * What to render, apart from the camera: the mode, the transfer function (composite), the grey
 * window (MIP and MinIP), the ray step in millimetres (0 picks the grid's smallest spacing, so
 * axis-aligned rays sample every voxel centre), gradient shading on or off, and the ARGB colour
 * of pixels whose rays miss the volume or stay transparent.
 */
public record RenderSettings(RenderMode mode, TransferFunction transfer, WindowLevel window, double stepMm,
        boolean shading, int background) {

    public static final int BLACK = 0xFF000000;

    public RenderSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(window, "window");
        if (!(stepMm >= 0) || !Double.isFinite(stepMm)) {
            throw new IllegalArgumentException("step must be a finite length >= 0 mm (0 = automatic), got " + stepMm);
        }
    }

    public RenderSettings withMode(RenderMode m) {
        return new RenderSettings(m, transfer, window, stepMm, shading, background);
    }

    public RenderSettings withTransfer(TransferFunction t) {
        return new RenderSettings(mode, t, window, stepMm, shading, background);
    }

    public RenderSettings withWindow(WindowLevel w) {
        return new RenderSettings(mode, transfer, w, stepMm, shading, background);
    }

    public RenderSettings withStep(double mm) {
        return new RenderSettings(mode, transfer, window, mm, shading, background);
    }

    public RenderSettings withShading(boolean on) {
        return new RenderSettings(mode, transfer, window, stepMm, on, background);
    }
}
