package dev.attest.inference.manifest;

/**
 * How a grounding model's boxes become results: their coordinate convention, the lowest score (after
 * the scores output's activation) a box needs to be kept, and at most how many are kept, best first
 * ({@code topK} 0 = all).
 */
public record BoxDecoding(BoxCoordinates coordinates, double scoreThreshold, int topK) {

    public BoxDecoding {
        if (topK < 0) {
            throw new IllegalArgumentException("boxes topK must not be negative, got " + topK);
        }
    }
}
