package dev.attest.reports.checks;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.evidence.VoxelMask;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where an evidence's mass lies, accumulated in one pass without copying the evidence: its total, how
 * much lies left of, right of and on a reference x, how much falls in each structure of the location map
 * (0 = no structure or outside the label map), and the structure under its peak. Evidence on another grid
 * than the label map is placed by patient position (nearest label-map voxel).
 */
final class EvidenceMass {
    double total;
    double left;
    double right;
    double onReference;
    final Map<Integer, Double> byStructure = new TreeMap<>();
    /** Location label under a heat map's argmax; for masks and boxes the structure with the most mass. */
    int peakStructure;
    boolean present;
    String peakRule = "";

    private EvidenceMass() {
    }

    static EvidenceMass of(Evidence evidence, AnatomyMap anatomy, Double referenceX) {
        EvidenceMass m = new EvidenceMass();
        switch (evidence) {
            case Evidence.Mask mask -> m.addMask(mask.mask(), anatomy, referenceX);
            case Evidence.Box box -> m.addBox(box.box(), anatomy, referenceX);
            case Evidence.HeatMap heat -> m.addHeat(heat, anatomy, referenceX);
        }
        if (!(evidence instanceof Evidence.HeatMap)) {
            m.present = m.total > 0;
            m.peakRule = "most of the evidence lies in";
            double best = -1;
            for (Map.Entry<Integer, Double> e : m.byStructure.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    m.peakStructure = e.getKey();
                }
            }
        }
        return m;
    }

    private void add(Vec3 lps, int labelIndex, double weight, AnatomyMap anatomy, Double referenceX) {
        total += weight;
        if (referenceX != null) {
            if (lps.x() > referenceX) {
                left += weight;
            } else if (lps.x() < referenceX) {
                right += weight;
            } else {
                onReference += weight;
            }
        }
        int structure = labelIndex < 0 ? 0 : anatomy.locationLabel(labelIndex);
        byStructure.merge(structure, weight, Double::sum);
    }

    private void addMask(VoxelMask mask, AnatomyMap anatomy, Double referenceX) {
        boolean sameGrid = mask.grid().equals(anatomy.grid());
        for (int i : mask.indices()) {
            Vec3 p = mask.lps(i);
            add(p, sameGrid ? i : anatomy.indexAt(p), 1, anatomy, referenceX);
        }
    }

    private void addBox(PatientBox box, AnatomyMap anatomy, Double referenceX) {
        ImageGrid g = anatomy.grid();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            Vec3 c = new Vec3((corner & 1) == 0 ? box.min().x() : box.max().x(),
                    (corner & 2) == 0 ? box.min().y() : box.max().y(), (corner & 4) == 0 ? box.min().z() : box.max().z());
            Vec3 ijk = g.lpsToIndex().apply(c);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], ijk.get(a));
                hi[a] = Math.max(hi[a], ijk.get(a));
            }
        }
        int[] from = new int[3];
        int[] to = new int[3];
        for (int a = 0; a < 3; a++) {
            from[a] = (int) Math.max(0, Math.floor(lo[a]));
            to[a] = (int) Math.min(g.size(a) - 1, Math.ceil(hi[a]));
        }
        for (int z = from[2]; z <= to[2]; z++) {
            for (int y = from[1]; y <= to[1]; y++) {
                for (int x = from[0]; x <= to[0]; x++) {
                    Vec3 p = g.indexToLps().apply(x, y, z);
                    if (box.contains(p)) {
                        add(p, x + g.sizeX() * (y + g.sizeY() * z), 1, anatomy, referenceX);
                    }
                }
            }
        }
    }

    private void addHeat(Evidence.HeatMap heat, AnatomyMap anatomy, Double referenceX) {
        Volume map = heat.values();
        ImageGrid g = map.grid();
        boolean sameGrid = g.equals(anatomy.grid());
        double max = Double.NEGATIVE_INFINITY;
        Vec3 peak = null;
        int peakIndex = -1;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    double value = map.getPhysical(x, y, z);
                    if (!(value > 0) && !(value > max)) {
                        continue;
                    }
                    Vec3 p = g.indexToLps().apply(x, y, z);
                    int index = sameGrid ? x + g.sizeX() * (y + g.sizeY() * z) : anatomy.indexAt(p);
                    if (value > max) {
                        max = value;
                        peak = p;
                        peakIndex = index;
                    }
                    if (value > 0) {
                        add(p, index, value, anatomy, referenceX);
                    }
                }
            }
        }
        present = max > heat.presenceThreshold();
        peakStructure = peakIndex < 0 ? 0 : anatomy.locationLabel(peakIndex);
        peakRule = "the heat map's maximum lies in";
    }

    /** Mass inside any of the structures. */
    double inside(java.util.Collection<Integer> structures) {
        double sum = 0;
        for (int s : structures) {
            sum += byStructure.getOrDefault(s, 0.0);
        }
        return sum;
    }
}
