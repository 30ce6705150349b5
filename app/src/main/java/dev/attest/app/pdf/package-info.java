/**
 * PDF reports of a real project: {@link dev.attest.app.pdf.CaseReportAssembler} and
 * {@link dev.attest.app.pdf.BenchmarkSummaryAssembler} read the project store (and, for key images, the case's
 * image and label maps) into the plain records that {@code dev.attest.reports.pdf} prints;
 * {@link dev.attest.app.pdf.PdfReports} is the one call the command line and the GUI make. Nothing here imports
 * JavaFX or DJL.
 */
package dev.attest.app.pdf;
