package dev.attest.reports.grounding;

/** A volume stated in a sentence ("1,512 mL", "3.5 cc"), in millilitres, with the words it was read from. */
public record VolumeClaim(double millilitres, String text) {
}
