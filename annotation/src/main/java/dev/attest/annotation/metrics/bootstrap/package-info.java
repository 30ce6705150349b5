/** Case-level percentile bootstrap intervals with a seeded random source, so reruns agree. */
package dev.attest.annotation.metrics.bootstrap;
