package dev.attest.inference.manifest;

/** One class of a segmentation output: its value, name, colour (0xRRGGBB) and a code where known (e.g. SNOMED "T-62000"). */
public record OutputLabel(int value, String name, int rgb, String code) {
}
