/**
 * Robustness probes: deterministic perturbations of an image ({@link dev.attest.inference.probe.Perturbation}
 * and its kinds), and {@link dev.attest.inference.probe.ProbeRunner}, which runs a segmentation model on the
 * image and on each perturbed copy and reports how far the labels and the evidence map move from the
 * unperturbed run. Definitions of every perturbation and measure: docs/robustness.md.
 */
package dev.attest.inference.probe;
