package dev.attest.inference.run;

/**
 * Takes a number within storage rounding of a half or whole number as that number. NIfTI stores spacing as
 * float32 (1.4 mm is 1.39999998), DICOM as a decimal string (1.4), and affine products add their own last-bit
 * noise. Where a rule breaks a tie at a half, that noise decides: 255 · 1.4 / 6 = 59.5 rounds to 60 voxels from
 * one file and 59 from the other, and a source voxel whose network coordinate is 3.5 takes its label from voxel 4
 * or voxel 3. So the same image gave a different segmentation depending on its file format. Float32 is good to
 * about 6e-8, so a relative 1e-6 only ever absorbs storage rounding.
 */
final class StorageRounding {
    private StorageRounding() {
    }

    /** x, or the half or whole number within a relative 1e-6 of it. */
    static double snapped(double x) {
        double half = Math.rint(x * 2) / 2;
        return Math.abs(x - half) <= 1e-6 * Math.max(1, Math.abs(x)) ? half : x;
    }
}
