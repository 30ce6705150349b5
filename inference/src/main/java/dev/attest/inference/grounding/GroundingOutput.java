package dev.attest.inference.grounding;

import dev.attest.inference.run.Provenance;

import java.util.List;

/**
 * What a grounding model said about one phrase on one slice: the phrase as tokenised, the boxes it kept
 * (best first; empty when the model has no box output or none passed the threshold), the heat map on the
 * slice grid (null when the model has none) and the provenance of the run.
 */
public record GroundingOutput(String phrase, TokenizedPhrase tokens, List<GroundedBox> boxes, GroundingHeatMap heatMap,
                              Provenance provenance) {

    public GroundingOutput {
        boxes = List.copyOf(boxes);
    }
}
