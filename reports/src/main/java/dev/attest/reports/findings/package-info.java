/**
 * Structured reports from a segmentation: one sentence per finding, each with its measured values and its
 * evidence. Entry point: {@link dev.attest.reports.findings.ReportGenerator}.
 */
package dev.attest.reports.findings;
