/**
 * Claims a reviewer scores: findings measured from a segmentation run, and claims added by hand,
 * each with the evidence it points to.
 */
package dev.attest.annotation.claims;
