/**
 * Headless model of what is drawn over the image in every view, in patient space: label maps,
 * continuous maps, box and point markers, their stack with change listeners, the legend, and the
 * compositing of raster overlays on a slice's own pixel grid. No JavaFX here.
 */
package dev.attest.viewer.overlay;
