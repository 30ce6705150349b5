package dev.attest.reports.findings;

/** What a report sentence states: the volume of an organ, or one lesion (a connected component). */
public enum FindingKind {
    ORGAN_VOLUME, LESION
}
