/**
 * The per-case standard objects of an exported benchmark set: boxes as COCO JSON (with a merge into one file for
 * the whole set), claims with their boxes as RadFact grounded-report JSON, the label map as a DICOM Segmentation
 * and the reviewers' verdicts as a DICOM SR (TID 1500) that refers to it. {@link dev.attest.app.export.objects.CaseObjectsWriter}
 * is the entry point; docs/export-objects.md says what each file holds and why.
 */
package dev.attest.app.export.objects;
