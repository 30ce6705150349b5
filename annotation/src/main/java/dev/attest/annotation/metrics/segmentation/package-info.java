/**
 * Segmentation metrics of a predicted label map against a reference, per label and spacing-aware: Dice, IoU,
 * Hausdorff distance and its percentile, average surface distances and surface Dice on surfel-weighted
 * corner surfaces, with an exact anisotropic distance transform. Entry point: {@link
 * dev.attest.annotation.metrics.segmentation.SegmentationMetrics}.
 */
package dev.attest.annotation.metrics.segmentation;
