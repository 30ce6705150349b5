package dev.attest.app.pdf;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.open.NearestLabelResampler;
import dev.attest.app.open.OpenedImage;
import dev.attest.app.review.CaseReopen;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.reports.llm.DisplayWindow;
import dev.attest.reports.llm.KeyImageRenderer;
import dev.attest.reports.llm.LabelOverlay;
import dev.attest.reports.pdf.KeyImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a case's key images: the case's image reopened from where the project recorded it, sliced axially
 * (in the image's own slice direction) through the evidence of the claims, windowed as the viewer first shows
 * that image (the file's own window, else a CT abdomen window for CT, else the 1st to 99th percentile), with
 * the claims' labels from their run's label map blended in colour. Whatever cannot be shown is said in the note
 * instead, so a report is never refused for want of an image.
 */
final class CaseKeyImages {
    /** Strong enough to see the region, weak enough to see the tissue under it. */
    static final double OVERLAY_OPACITY = 0.45;

    private CaseKeyImages() {
    }

    /**
     * One claim as the key images see it.
     *
     * @param index     its number in the report
     * @param evidence  its stored evidence; the first piece that records a location is used
     * @param attention whether it should be shown before others (a failed check, a verdict other than correct)
     */
    record ClaimEvidence(int index, List<Evidence> evidence, boolean attention) {
    }

    /** The rendered images and, when any claim is left without one, why. */
    record Rendered(List<KeyImage> images, String note) {
    }

    static Rendered render(ProjectStore store, ReviewCase reviewCase, List<ClaimEvidence> claims, int max,
                           ProgressListener progress, Cancellation cancel) {
        if (max == 0) {
            return new Rendered(List.of(), "");
        }
        Map<Integer, EvidenceLocation> located = new LinkedHashMap<>();
        Map<Integer, Boolean> attention = new HashMap<>();
        for (ClaimEvidence c : claims) {
            attention.put(c.index(), c.attention());
            c.evidence().stream().map(EvidenceLocation::of).flatMap(Optional::stream).findFirst()
                    .ifPresent(l -> located.put(c.index(), l));
        }
        if (located.isEmpty()) {
            return new Rendered(List.of(), "No key images: no claim's evidence records where it lies in the image.");
        }
        OpenedImage opened;
        try {
            opened = CaseReopen.image(reviewCase, progress, cancel);
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return new Rendered(List.of(), "No key images: the image of case " + reviewCase.id()
                    + " could not be reopened (" + message(e) + ").");
        }
        ImageGrid grid = opened.volume().grid();
        List<KeySlices.Spot> spots = new ArrayList<>();
        Map<String, ArtifactRef> maps = new HashMap<>();
        List<Integer> outside = new ArrayList<>();
        located.forEach((index, where) -> {
            Vec3 ijk = grid.lpsToIndex().apply(where.lps());
            int z = (int) Math.floor(ijk.z() + 0.5);
            if (z < 0 || z >= grid.sizeZ()) {
                outside.add(index);
                return;
            }
            String map = where.labelMap() == null ? null : where.labelMap().relativePath();
            if (map != null) {
                maps.put(map, where.labelMap());
            }
            spots.add(new KeySlices.Spot(index, map, z, where.labelValue(), attention.get(index)));
        });
        KeySlices.Choice choice = KeySlices.choose(spots, max);
        DisplayWindow window = new DisplayWindow(opened.window().centre(), opened.window().width());
        Map<String, LabelLayer> layers = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<KeyImage> images = new ArrayList<>();
        for (KeySlices.Slice slice : choice.slices()) {
            cancel.throwIfCancelled();
            LabelOverlay overlay = null;
            if (slice.labelMap() != null && !slice.labels().isEmpty()) {
                LabelLayer layer = layers.computeIfAbsent(slice.labelMap(),
                        m -> LabelLayer.load(store, maps.get(m), grid));
                if (layer.problem() != null) {
                    if (!problems.contains(layer.problem())) {
                        problems.add(layer.problem());
                    }
                } else {
                    overlay = new LabelOverlay(layer.labels(), drawn(layer.names(), slice.labels()), OVERLAY_OPACITY);
                }
            }
            dev.attest.reports.llm.KeyImage rendered = KeyImageRenderer.render(opened.volume(), slice.z(), window, overlay);
            try {
                images.add(KeyImage.fromPng(rendered.png(), claimWords(slice.claims()) + ": " + rendered.caption()));
            } catch (IOException e) {
                throw new IllegalStateException("a key image of case " + reviewCase.id() + " rendered to an unreadable PNG", e);
            }
        }
        List<String> note = new ArrayList<>();
        if (!choice.notShown().isEmpty()) {
            note.add(claimWords(choice.notShown()) + (choice.notShown().size() == 1 ? " is" : " are")
                    + " not on a key image (at most " + max + (max == 1 ? " image" : " images") + ").");
        }
        if (!outside.isEmpty()) {
            note.add("The evidence of " + claimWords(outside).toLowerCase(Locale.ROOT)
                    + " lies outside the image.");
        }
        note.addAll(problems);
        return new Rendered(images, String.join(" ", note));
    }

    /** "Claim 3", "Claims 1, 4 and 6". */
    static String claimWords(List<Integer> claims) {
        if (claims.size() == 1) {
            return "Claim " + claims.get(0);
        }
        String head = claims.subList(0, claims.size() - 1).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "Claims " + head + " and " + claims.get(claims.size() - 1);
    }

    /**
     * The claims' labels with their names and colours; drawn even where the table hides them at first (the
     * phantom's body is), because here they are the evidence itself.
     */
    private static List<LabelDescription> drawn(LabelDescriptions names, List<Integer> labels) {
        List<LabelDescription> out = new ArrayList<>();
        for (int label : labels) {
            if (label <= 0) {
                continue; // background is never evidence
            }
            out.add(names.get(label).map(d -> new LabelDescription(d.value(), d.name(), d.rgb()))
                    .orElseGet(() -> new LabelDescription(label, "label " + label, 0xFF0000)));
        }
        return out;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A run's label map on the image's grid with its names, or why it could not be had. */
    private record LabelLayer(Volume labels, LabelDescriptions names, String problem) {

        static LabelLayer load(ProjectStore store, ArtifactRef ref, ImageGrid grid) {
            try {
                LabelMapLoader.LabelMap map = LabelMapLoader.loadNifti(store.resolveArtifact(ref));
                Volume labels = map.layers().get(0);
                if (!labels.grid().sameGeometry(grid, 0.01)) {
                    labels = NearestLabelResampler.resample(labels, grid);
                }
                return new LabelLayer(labels, map.descriptions(), null);
            } catch (IOException | RuntimeException e) {
                return new LabelLayer(null, null, "No overlay from " + ref.relativePath() + ": " + message(e) + ".");
            }
        }
    }
}
