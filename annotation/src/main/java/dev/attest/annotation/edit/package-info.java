/**
 * Label-map editing without a display: brush, eraser, flood fill, box and point tools applied by an
 * {@link dev.attest.annotation.edit.EditSession} with a byte-capped undo history, and corrected masks
 * saved as new artifacts with their provenance.
 */
package dev.attest.annotation.edit;
