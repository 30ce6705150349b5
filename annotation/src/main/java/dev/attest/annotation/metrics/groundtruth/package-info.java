/**
 * Model evidence against reviewer ground truth: each corrected mask, box or point a reviewer stored is compared
 * with the evidence it corrects and with its claim's heat maps (segmentation metrics for masks, box IoU and
 * box-pixel precision/recall for boxes, pointing game and energy in region for heat maps), with typed skip
 * reasons and case-level bootstrap summaries. Entry point: {@link
 * dev.attest.annotation.metrics.groundtruth.ReviewerGroundTruth#compute}.
 */
package dev.attest.annotation.metrics.groundtruth;
