/**
 * Attest's image views. Display logic (reslicing, window/level, colour maps, overlays,
 * measurements) lives in plain-Java packages with tests; JavaFX views are thin layers on top.
 */
package dev.attest.viewer;
