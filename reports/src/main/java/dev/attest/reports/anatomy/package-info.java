/** A label map read once for report work: label voxels, lesion components and their organs, the body midline. */
package dev.attest.reports.anatomy;
