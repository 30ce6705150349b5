/**
 * Metrics and agreement statistics over benchmark projects, headless: segmentation surface and overlap
 * metrics ({@code segmentation}), box and heat-map localisation ({@code localisation}), inter-rater agreement
 * ({@code agreement}), case-level bootstrap intervals ({@code bootstrap}), model evidence against reviewers'
 * corrections ({@code groundtruth}) and the metrics of a project's scores and corrections ({@code project}).
 * The definitions are in docs/metrics.md.
 */
package dev.attest.annotation.metrics;
