/**
 * Localisation metrics of boxes (IoU, box-pixel precision and recall) and heat maps (pointing game, energy in
 * region) against a reviewer's box or mask on the same grid.
 */
package dev.attest.annotation.metrics.localisation;
