/**
 * Headless display logic for the image views: window/level, colour maps, overlays, compositing and
 * measurements, all as plain values so the JavaFX views only draw what these compute.
 */
package dev.attest.viewer.render;
