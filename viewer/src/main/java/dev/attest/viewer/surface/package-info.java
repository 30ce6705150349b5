/**
 * Label-map surfaces without JavaFX: marching cubes on one label's mask, Taubin smoothing,
 * quadric decimation and the meshes' measurements, all in patient LPS millimetres.
 */
package dev.attest.viewer.surface;
