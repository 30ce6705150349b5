/**
 * Claim-level metrics of a benchmark project from its store, with bootstrap intervals and reviewer
 * agreement, overall and by site, scanner, modality and model. Entry point: {@link
 * dev.attest.annotation.metrics.project.ProjectMetrics#compute}.
 */
package dev.attest.annotation.metrics.project;
