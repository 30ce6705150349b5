/**
 * Measurements drawn on the MPR views, without JavaFX: where each one lies in the patient, which
 * slice shows it, its values recomputed from the volume, editing by handles, the list the views and
 * the table share, and the CSV export.
 */
package dev.attest.viewer.measure;
