package dev.attest.reports.grounding;

import dev.attest.core.geometry.Vec3;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;

/**
 * Halves of a region for sides and position qualifiers, all in patient LPS: the patient's left is +x,
 * posterior +y, superior +z. A half is cut at the region's centroid (its centre of mass) and includes the
 * voxels on the cut plane, so the two halves of a region together cover it. Medial and lateral are judged
 * by distance in x from the body midline: medial keeps voxels no farther from it than the centroid.
 */
final class RegionCuts {
    private RegionCuts() {
    }

    static VoxelMask side(VoxelMask region, Side side, double referenceX) {
        return region.filter(i -> onSide(region.lps(i), side, referenceX));
    }

    static boolean onSide(Vec3 p, Side side, double referenceX) {
        return side == Side.LEFT ? p.x() >= referenceX : p.x() <= referenceX;
    }

    /** The part of a non-empty region, cut at its own centroid. */
    static VoxelMask part(VoxelMask region, Part part, double midlineX) {
        Vec3 c = region.centroidLps();
        return region.filter(i -> inPart(region.lps(i), part, c, midlineX));
    }

    static boolean inPart(Vec3 p, Part part, Vec3 centroid, double midlineX) {
        return switch (part) {
            case SUPERIOR -> p.z() >= centroid.z();
            case INFERIOR -> p.z() <= centroid.z();
            case ANTERIOR -> p.y() <= centroid.y();
            case POSTERIOR -> p.y() >= centroid.y();
            case MEDIAL -> Math.abs(p.x() - midlineX) <= Math.abs(centroid.x() - midlineX);
            case LATERAL -> Math.abs(p.x() - midlineX) >= Math.abs(centroid.x() - midlineX);
        };
    }
}
