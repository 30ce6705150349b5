/**
 * Inter-rater agreement: Cohen's kappa (unweighted, linear, quadratic), Fleiss' kappa, Krippendorff's alpha
 * (nominal, ordinal, interval, ratio; missing ratings allowed), the six Shrout–Fleiss ICCs, percent agreement
 * and category prevalence, and CSV input for them.
 */
package dev.attest.annotation.metrics.agreement;
