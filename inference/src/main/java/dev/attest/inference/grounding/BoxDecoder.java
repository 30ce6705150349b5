package dev.attest.inference.grounding;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.BoxCoordinates;
import dev.attest.inference.manifest.BoxDecoding;
import dev.attest.inference.manifest.SliceInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a grounding model's boxes [1, N, 4] and scores [1, N] into {@link GroundedBox}es on the slice:
 * scores activated, boxes below the threshold dropped, the rest best first (ties by index), at most
 * topK. The network image covers the whole slice (it was resized, not cropped), so its left edge is the
 * slice's x = -0.5 and its right edge x = width - 0.5: a normalised x maps to {@code x * width - 0.5},
 * a network-pixel x to {@code x * width / networkWidth - 0.5}, and likewise for y.
 */
public final class BoxDecoder {

    private BoxDecoder() {
    }

    /** @param sigmoid whether the scores output's activation is sigmoid (else they are used as given) */
    public static List<GroundedBox> decode(FloatTensor boxes, FloatTensor scores, boolean sigmoid, BoxDecoding decoding,
                                           SliceInput network, ImageGrid slice) {
        long[] bs = boxes.shape();
        long[] ss = scores.shape();
        if (bs.length != 3 || bs[0] != 1 || bs[2] != 4) {
            throw new IllegalArgumentException("boxes output must be [1, N, 4], got " + Arrays.toString(bs));
        }
        if (ss.length != 2 || ss[0] != 1 || ss[1] != bs[1]) {
            throw new IllegalArgumentException("scores output must be [1, " + bs[1] + "] for " + bs[1] + " boxes, got "
                    + Arrays.toString(ss));
        }
        int n = (int) bs[1];
        double sx = decoding.coordinates() == BoxCoordinates.NORMALISED ? slice.sizeX() : (double) slice.sizeX() / network.width();
        double sy = decoding.coordinates() == BoxCoordinates.NORMALISED ? slice.sizeY() : (double) slice.sizeY() / network.height();
        float[] b = boxes.data();
        float[] s = scores.data();
        List<GroundedBox> kept = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double score = sigmoid ? 1 / (1 + Math.exp(-s[k])) : s[k];
            if (score < decoding.scoreThreshold()) {
                continue;
            }
            SliceBox box = new SliceBox(b[4 * k] * sx - 0.5, b[4 * k + 1] * sy - 0.5,
                    b[4 * k + 2] * sx - 0.5, b[4 * k + 3] * sy - 0.5);
            kept.add(new GroundedBox(k, score, box, box.cornersLps(slice)));
        }
        kept.sort(Comparator.comparingDouble(GroundedBox::score).reversed().thenComparingInt(GroundedBox::index));
        return decoding.topK() > 0 && kept.size() > decoding.topK() ? List.copyOf(kept.subList(0, decoding.topK()))
                : List.copyOf(kept);
    }
}
