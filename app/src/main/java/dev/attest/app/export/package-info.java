/**
 * The benchmark set: {@link dev.attest.app.export.SetExporter} writes a project as de-identified JSONL tables,
 * NIfTI images and label maps, metrics.json, deid.json, a Croissant description and a datasheet;
 * {@link dev.attest.app.export.SetImporter} verifies a set and rebuilds a project from it. See docs/export.md.
 */
package dev.attest.app.export;
