package dev.attest.inference.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the windows of a sliding-window pass fall, with MONAI's rules: axes in z, y, x order; an
 * image smaller than the roi along an axis is padded with zeros split as evenly as possible (the
 * extra voxel after); the scan interval is int(roi × (1 − overlap)), at least 1, or the roi itself
 * where the roi equals the image; the last window on each axis is moved back to end at the image
 * end. Windows are listed z-start slowest, x-start fastest.
 */
public record WindowPlan(int[] imageSize, int[] roi, int[] padBefore, int[] paddedSize, int[] interval,
                         List<int[]> starts) {

    public WindowPlan {
        imageSize = imageSize.clone();
        roi = roi.clone();
        padBefore = padBefore.clone();
        paddedSize = paddedSize.clone();
        interval = interval.clone();
        starts = List.copyOf(starts);
    }

    /** Plans windows of size roi (z, y, x) over an image of size imageSize (z, y, x). */
    public static WindowPlan of(int[] imageSize, int[] roi, double overlap) {
        if (imageSize.length != 3 || roi.length != 3) {
            throw new IllegalArgumentException("image and roi sizes need 3 values (z, y, x)");
        }
        if (overlap < 0 || overlap >= 1) {
            throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        }
        int[] pad = new int[3];
        int[] padded = new int[3];
        int[] step = new int[3];
        List<List<Integer>> axisStarts = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            if (roi[a] < 1) {
                throw new IllegalArgumentException("roi sizes must be positive");
            }
            int diff = Math.max(roi[a] - imageSize[a], 0);
            pad[a] = diff / 2;
            padded[a] = imageSize[a] + diff;
            // The interval is decided on the unpadded size, as MONAI does: a padded axis has roi == padded size.
            int n = Math.max(imageSize[a], roi[a]);
            step[a] = roi[a] == n ? roi[a] : Math.max(1, (int) (roi[a] * (1 - overlap)));
            List<Integer> s = new ArrayList<>();
            for (int i = 0; ; i++) {
                int start = i * step[a];
                if (start + roi[a] >= n) {
                    s.add(n - roi[a]);
                    break;
                }
                s.add(start);
            }
            axisStarts.add(s);
        }
        List<int[]> starts = new ArrayList<>();
        for (int z : axisStarts.get(0)) {
            for (int y : axisStarts.get(1)) {
                for (int x : axisStarts.get(2)) {
                    starts.add(new int[] {z, y, x});
                }
            }
        }
        return new WindowPlan(imageSize, roi, pad, padded, step, starts);
    }

    public int windowCount() {
        return starts.size();
    }
}
