package dev.attest.reports.anatomy;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.lexicon.ModelVocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A label map read once for report work, with the vocabulary of the model that made it: each label's
 * voxels, the connected components of lesion labels and the organ each lies in, a <em>location map</em>
 * in which lesion voxels carry the label of their containing organ (what "where is this evidence" is
 * answered from), and the body midline in patient x.
 *
 * <p>The midline is the mean patient x of the voxels of the vocabulary's midline concepts (spine, brain
 * stem, ...) present in the map, else of every labelled voxel. Thread-safe; masks are built on first use.
 */
public final class AnatomyMap {
    private final ImageGrid grid;
    private final String name;
    private final ModelVocabulary vocabulary;
    private final Connectivity connectivity;
    private final int[] labels;
    private final int[] location;
    private final Map<Integer, int[]> voxelsByLabel;
    private final Map<Integer, List<LabelComponent>> components = new TreeMap<>();
    private final Map<Integer, VoxelMask> masks = new ConcurrentHashMap<>();
    private final Double midlineX;
    private final String midlineSource;

    private AnatomyMap(Volume volume, ModelVocabulary vocabulary, Connectivity connectivity) {
        this.grid = volume.grid();
        VoxelMask.requireIndexable(grid);
        this.name = describe(volume);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.connectivity = Objects.requireNonNull(connectivity, "connectivity");
        this.labels = read(volume);
        this.voxelsByLabel = index(labels);
        int[] loc = labels;
        for (Map.Entry<Integer, int[]> e : voxelsByLabel.entrySet()) {
            if (vocabulary.kind(e.getKey()) != ConceptKind.LESION) {
                continue;
            }
            if (loc == labels) {
                loc = labels.clone();
            }
            List<LabelComponent> list = new ArrayList<>();
            List<int[]> parts = ComponentFinder.components(labels, grid, e.getKey(), e.getValue(), connectivity);
            for (int n = 0; n < parts.size(); n++) {
                int[] voxels = parts.get(n);
                int container = ContainerFinder.containerOf(voxels, labels, grid, vocabulary::kind);
                VoxelMask mask = VoxelMask.of(grid, voxels);
                list.add(new LabelComponent(e.getKey(), n + 1, mask, container, mask.centroidLps()));
                for (int i : voxels) {
                    loc[i] = container;
                }
            }
            components.put(e.getKey(), List.copyOf(list));
        }
        this.location = loc;
        List<Integer> midlineLabels = new ArrayList<>();
        for (String concept : vocabulary.vocabulary().midline()) {
            vocabulary.values(concept).stream().filter(voxelsByLabel::containsKey).forEach(midlineLabels::add);
        }
        if (!midlineLabels.isEmpty()) {
            midlineX = mask(midlineLabels).centroidLps().x();
            midlineSource = "centroid of " + String.join(", ", midlineLabels.stream().map(vocabulary::labelName).toList());
        } else if (!voxelsByLabel.isEmpty()) {
            midlineX = mask(voxelsByLabel.keySet()).centroidLps().x();
            midlineSource = "centroid of all labelled voxels";
        } else {
            midlineX = null;
            midlineSource = "none: the label map is empty";
        }
    }

    /** Reads a label map (values rounded after rescale) with 26-connected lesion components. */
    public static AnatomyMap of(Volume labels, ModelVocabulary vocabulary) {
        return new AnatomyMap(labels, vocabulary, Connectivity.TWENTY_SIX);
    }

    public static AnatomyMap of(Volume labels, ModelVocabulary vocabulary, Connectivity connectivity) {
        return new AnatomyMap(labels, vocabulary, connectivity);
    }

    public ImageGrid grid() {
        return grid;
    }

    /** The label map's source file, else its volume name. */
    public String name() {
        return name;
    }

    public ModelVocabulary vocabulary() {
        return vocabulary;
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    /** The label at a linear voxel index. */
    public int label(int index) {
        return labels[index];
    }

    /** The label at a voxel index in the location map: a lesion voxel reads as the organ its lesion lies in. */
    public int locationLabel(int index) {
        return location[index];
    }

    /** Non-zero labels present, ascending. */
    public List<Integer> presentLabels() {
        return List.copyOf(voxelsByLabel.keySet());
    }

    public boolean isPresent(int label) {
        return voxelsByLabel.containsKey(label);
    }

    /** The voxels of one label (empty if absent). */
    public VoxelMask mask(int label) {
        return masks.computeIfAbsent(label, l -> VoxelMask.of(grid, voxelsByLabel.getOrDefault(l, new int[0])));
    }

    /** The voxels of any of the labels. */
    public VoxelMask mask(Collection<Integer> labelValues) {
        VoxelMask out = VoxelMask.empty(grid);
        for (int l : labelValues) {
            out = out.union(mask(l));
        }
        return out;
    }

    /** The connected components of a lesion label, largest first; empty for other labels. */
    public List<LabelComponent> components(int label) {
        return components.getOrDefault(label, List.of());
    }

    /** The body midline's patient x (mm); empty for an empty label map. */
    public OptionalDouble midlineX() {
        return midlineX == null ? OptionalDouble.empty() : OptionalDouble.of(midlineX);
    }

    /** Which voxels the midline was taken from, for check reasons. */
    public String midlineSource() {
        return midlineSource;
    }

    /** The linear index of the voxel whose centre is nearest to an LPS point, or -1 outside the grid. */
    public int indexAt(Vec3 lps) {
        Vec3 ijk = grid.lpsToIndex().apply(lps);
        long i = Math.round(ijk.x());
        long j = Math.round(ijk.y());
        long k = Math.round(ijk.z());
        if (i < 0 || j < 0 || k < 0 || i >= grid.sizeX() || j >= grid.sizeY() || k >= grid.sizeZ()) {
            return -1;
        }
        return (int) (i + (long) grid.sizeX() * (j + (long) grid.sizeY() * k));
    }

    private static int[] read(Volume volume) {
        ImageGrid g = volume.grid();
        int[] out = new int[(int) g.voxelCount()];
        int i = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    out[i++] = (int) Math.round(volume.getPhysical(x, y, z));
                }
            }
        }
        return out;
    }

    private static Map<Integer, int[]> index(int[] labels) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int l : labels) {
            if (l != 0) {
                counts.merge(l, 1, Integer::sum);
            }
        }
        Map<Integer, int[]> out = new TreeMap<>();
        Map<Integer, int[]> fill = new TreeMap<>();
        counts.forEach((l, n) -> {
            out.put(l, new int[n]);
            fill.put(l, new int[1]);
        });
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l != 0) {
                out.get(l)[fill.get(l)[0]++] = i;
            }
        }
        return out;
    }

    private static String describe(Volume v) {
        String source = v.properties().get("source.file");
        return source != null ? source : v.name();
    }
}
