package dev.attest.annotation.model;

/** "n of N scored": how many claims a reviewer has a current score for, out of how many. */
public record Progress(long scored, long total) {
    @Override
    public String toString() {
        return scored + " of " + total + " scored";
    }
}
