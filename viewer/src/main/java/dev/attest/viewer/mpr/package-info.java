/**
 * Multiplanar reformatting in patient (LPS) space: view planes, orientation letters, reslicing a
 * volume onto a plane and navigating through slices, all headless so the 2D views only draw.
 */
package dev.attest.viewer.mpr;
