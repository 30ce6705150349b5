/**
 * Automatic evidence-consistency checks of a claim against its evidence (existence, laterality, location,
 * size). Entry point: {@link dev.attest.reports.checks.ConsistencyChecks}.
 */
package dev.attest.reports.checks;
