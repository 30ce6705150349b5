/**
 * The records a benchmark project holds (cases, model runs, claims, evidence, scores, corrections, missed
 * findings, acceptability, audit entries) and the worklist query; enums store as their lower-case names.
 */
package dev.attest.annotation.model;
