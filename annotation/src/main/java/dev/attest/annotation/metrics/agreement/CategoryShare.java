package dev.attest.annotation.metrics.agreement;

/** How often one category was used: its count among all ratings and its share of them (its prevalence). */
public record CategoryShare(double category, long count, double share) {
}
