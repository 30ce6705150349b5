/**
 * Reviewing a benchmark project without a window: a reviewer's session over a worklist, scoring each claim
 * field by field with every change saved at once, and adding the open image's model run to a project as a
 * case. Nothing here imports JavaFX or DJL.
 */
package dev.attest.app.review;
