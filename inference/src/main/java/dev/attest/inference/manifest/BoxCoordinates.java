package dev.attest.inference.manifest;

/**
 * How a grounding model's boxes are expressed: x0, y0, x1, y1 (x along the image width, y down its
 * height) as fractions of the network image (0 = its left/top edge, 1 = its right/bottom edge), or in
 * network-image pixels (0 .. width, 0 .. height, edges not centres).
 */
public enum BoxCoordinates {
    NORMALISED, PIXEL
}
