package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySlicesTest {

    @Test
    void claimsThatNeedALookComeFirstAndSharedSlicesCountOnce() {
        List<KeySlices.Spot> spots = List.of(
                new KeySlices.Spot(1, "a", 10, 1, false),
                new KeySlices.Spot(2, "a", 20, 2, false),
                new KeySlices.Spot(3, "a", 30, 3, false),
                new KeySlices.Spot(4, "a", 10, 4, false), // on claim 1's slice of the same map
                new KeySlices.Spot(5, "b", 10, 5, false), // same slice, another run's map: an image of its own
                new KeySlices.Spot(6, "a", 40, 6, true),
                new KeySlices.Spot(7, null, 50, null, true)); // a point without a label map
        KeySlices.Choice choice = KeySlices.choose(spots, 3);
        // Attention first: 6 and 7; then claim order fills the last place with claim 1's slice, which 4 shares.
        assertEquals(List.of(new KeySlices.Slice("a", 10, List.of(1, 4), List.of(1, 4)),
                new KeySlices.Slice("a", 40, List.of(6), List.of(6)),
                new KeySlices.Slice(null, 50, List.of(7), List.of())), choice.slices());
        assertEquals(List.of(2, 3, 5), choice.notShown());
    }

    @Test
    void noImagesAskedForLeavesEveryClaimUnshown() {
        KeySlices.Choice choice = KeySlices.choose(List.of(new KeySlices.Spot(2, "a", 1, 1, true)), 0);
        assertEquals(List.of(), choice.slices());
        assertEquals(List.of(2), choice.notShown());
    }

    @Test
    void captionsNameClaimsInWords() {
        assertEquals("Claim 4", CaseKeyImages.claimWords(List.of(4)));
        assertEquals("Claims 4 and 9", CaseKeyImages.claimWords(List.of(4, 9)));
        assertEquals("Claims 1, 4 and 9", CaseKeyImages.claimWords(List.of(1, 4, 9)));
    }
}
