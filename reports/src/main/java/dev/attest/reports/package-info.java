/**
 * Claims from text and their automatic checks: findings become report sentences, sentences are grounded to
 * regions in patient coordinates, and each claim with evidence is checked for laterality, location, size and
 * existence. Also the client for a local OpenAI-compatible report server and the PDF renderers. Headless: no
 * JavaFX, no DJL.
 */
package dev.attest.reports;
