package dev.attest.inference.run;

/** Which neighbours join voxels into one connected component: faces only (6) or faces, edges and corners (26). */
public enum Connectivity {
    FACES_6, FULL_26
}
