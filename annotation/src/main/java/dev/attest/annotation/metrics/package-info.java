/**
 * Metrics and agreement statistics over benchmark projects, headless: segmentation surface and overlap
 * metrics ({@code segmentation}), box and heat-map localisation ({@code localisation}), inter-rater agreement
 * ({@code agreement}), case-level bootstrap intervals ({@code bootstrap}) and the claim-level metrics of a
 * project's scores ({@code project}). The definitions are in docs/metrics.md.
 */
package dev.attest.annotation.metrics;
