/**
 * CPU volume rendering for the 3D view: an orbit camera in patient LPS, transfer functions and
 * presets, and a parallel ray caster (MIP, MinIP, composite), all headless so the JavaFX view
 * only schedules frames and draws them.
 */
package dev.attest.viewer.volume3d;
