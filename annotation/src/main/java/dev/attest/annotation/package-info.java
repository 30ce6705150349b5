/**
 * Benchmark projects: the project store (SQLite, WAL, versioned migrations) with reviewers, cases, model
 * runs, claims, evidence and scores (history kept), and label-map editing with undo. Headless.
 */
package dev.attest.annotation;
