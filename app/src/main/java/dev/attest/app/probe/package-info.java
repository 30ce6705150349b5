/**
 * Robustness probes over a project or one image: every case whose image can be reopened is probed with
 * {@link dev.attest.inference.probe.ProbeRunner} ({@link dev.attest.app.probe.ProjectProbe}), the rows are
 * grouped by site and scanner with case-level bootstrap intervals ({@link dev.attest.app.probe.StabilityGroups}),
 * and written as JSON, CSV ({@link dev.attest.app.probe.ProbeTables}) and an SVG line plot
 * ({@link dev.attest.app.probe.StabilityPlot}). See docs/robustness.md.
 */
package dev.attest.app.probe;
