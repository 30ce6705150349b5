package dev.attest.app.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the slices a case report shows. Claims that need a look come first: those with a failed automatic check
 * or a verdict other than correct; then the rest in claim order. Claims whose evidence lies on the same slice of
 * the same label map share one image, so the limit counts images, not claims.
 */
final class KeySlices {
    private KeySlices() {
    }

    /**
     * One claim's evidence on the image.
     *
     * @param claim     the claim's number in the report
     * @param labelMap  which label map it is drawn from (any key; null for none), so runs never share an image
     * @param z         the slice through it
     * @param label     its label value in that map, or null
     * @param attention whether a check failed or a reviewer did not call it correct
     */
    record Spot(int claim, String labelMap, int z, Integer label, boolean attention) {
    }

    /** One key image to render: a slice of one label map and the claims (and labels) on it. */
    record Slice(String labelMap, int z, List<Integer> claims, List<Integer> labels) {
    }

    /** The chosen slices, in the order of their first claim, and the claims left without an image. */
    record Choice(List<Slice> slices, List<Integer> notShown) {
    }

    static Choice choose(List<Spot> spots, int max) {
        List<Spot> ordered = new ArrayList<>(spots);
        ordered.sort(Comparator.comparing((Spot s) -> !s.attention()).thenComparingInt(Spot::claim));
        Map<Key, List<Spot>> chosen = new LinkedHashMap<>();
        for (Spot s : ordered) {
            Key key = new Key(s.labelMap(), s.z());
            if (chosen.containsKey(key) || chosen.size() < max) {
                chosen.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        List<Slice> slices = new ArrayList<>();
        TreeSet<Integer> shown = new TreeSet<>();
        chosen.forEach((key, on) -> {
            TreeSet<Integer> claims = new TreeSet<>();
            TreeSet<Integer> labels = new TreeSet<>();
            for (Spot s : on) {
                claims.add(s.claim());
                if (s.label() != null) {
                    labels.add(s.label());
                }
            }
            shown.addAll(claims);
            slices.add(new Slice(key.labelMap(), key.z(), List.copyOf(claims), List.copyOf(labels)));
        });
        slices.sort(Comparator.comparingInt(s -> s.claims().get(0)));
        TreeSet<Integer> notShown = new TreeSet<>();
        spots.stream().map(Spot::claim).filter(c -> !shown.contains(c)).forEach(notShown::add);
        return new Choice(List.copyOf(slices), List.copyOf(notShown));
    }

    /** A slice of one label map; a null map (evidence without one) is a key of its own. */
    private record Key(String labelMap, int z) {
    }
}
