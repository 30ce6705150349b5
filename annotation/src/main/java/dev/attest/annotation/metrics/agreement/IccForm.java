package dev.attest.annotation.metrics.agreement;

/**
 * One of the six intraclass correlations of Shrout and Fleiss (1979).
 *
 * @param form "ICC(1,1)" ... "ICC(3,k)" (k is written as the number of judges, as Shrout and Fleiss do)
 * @param model one-way random, two-way random or two-way mixed
 * @param unit "single" rater or "average" of the k raters
 * @param value the coefficient
 */
public record IccForm(String form, String model, String unit, double value) {
}
