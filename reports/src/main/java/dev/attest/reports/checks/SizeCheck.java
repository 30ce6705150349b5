package dev.attest.reports.checks;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.evidence.MaskExtent;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.grounding.ResolvedClaim;
import dev.attest.reports.grounding.SizeClaim;
import dev.attest.reports.grounding.VolumeClaim;

import java.util.Locale;

/**
 * Compares a stated size with the evidence's measured one. A length (the largest stated dimension) is
 * compared with a mask's longest axial diameter (edge to edge, {@link MaskExtent}) or a box's longer axial
 * side; a volume with a mask's voxel volume. A claim passes when it is within the relative tolerance of the
 * measurement, or within one voxel (the in-plane spacing for lengths, a voxel's volume for volumes) for
 * findings so small that a percentage is less than the grid can resolve. The value is measured / stated.
 * A heat map has no extent and a box no volume: UNKNOWN. The first size or volume of the sentence is used.
 */
final class SizeCheck {
    private SizeCheck() {
    }

    static CheckResult evaluate(ResolvedClaim claim, Evidence evidence, AnatomyMap anatomy, Tolerances t) {
        var phrase = claim.phrase();
        if (phrase.sizes().isEmpty() && phrase.volumes().isEmpty()) {
            return CheckResult.unknown(CheckKind.SIZE, "the claim states no size or volume");
        }
        if (evidence instanceof Evidence.HeatMap) {
            return CheckResult.unknown(CheckKind.SIZE, "a heat map has no extent to measure");
        }
        if (evidence instanceof Evidence.Mask m && m.mask().isEmpty()) {
            return CheckResult.unknown(CheckKind.SIZE, "the evidence mask is empty");
        }
        if (!phrase.sizes().isEmpty()) {
            return length(phrase.sizes().get(0), evidence, anatomy, t);
        }
        return volume(phrase.volumes().get(0), evidence, t);
    }

    private static CheckResult length(SizeClaim size, Evidence evidence, AnatomyMap anatomy, Tolerances t) {
        double measured;
        ImageGrid grid;
        String what;
        if (evidence instanceof Evidence.Mask m) {
            measured = MaskExtent.of(m.mask()).longestAxialMm();
            grid = m.mask().grid();
            what = "longest axial diameter of the mask";
        } else {
            measured = ((Evidence.Box) evidence).box().longestAxialSideMm();
            grid = anatomy.grid();
            what = "longer axial side of the box";
        }
        int axial = MaskExtent.axialAxis(grid);
        double voxel = 0;
        for (int a = 0; a < 3; a++) {
            if (a != axial) {
                voxel = Math.max(voxel, grid.spacing().get(a));
            }
        }
        return judge(size.largestMm(), measured, t.sizeRelative(), voxel, "mm", size.text(), what);
    }

    private static CheckResult volume(VolumeClaim volume, Evidence evidence, Tolerances t) {
        if (!(evidence instanceof Evidence.Mask m)) {
            return CheckResult.unknown(CheckKind.SIZE, "a box has no volume to compare with \"" + volume.text() + "\"");
        }
        return judge(volume.millilitres(), m.mask().volumeMl(), t.volumeRelative(), VoxelMask.voxelMl(m.mask().grid()),
                "mL", volume.text(), "volume of the mask");
    }

    private static CheckResult judge(double claimed, double measured, double relative, double floor, String unit,
                                     String text, String what) {
        double tolerance = Math.max(relative * measured, floor);
        double difference = Math.abs(claimed - measured);
        Outcome outcome = difference <= tolerance ? Outcome.PASS : Outcome.FAIL;
        Double ratio = claimed > 0 ? measured / claimed : null;
        String reason = String.format(Locale.ROOT, "\"%s\" against a %s of %.1f %s: off by %.1f %s, tolerance %.1f %s",
                text, what, measured, unit, difference, unit, tolerance, unit);
        return new CheckResult(CheckKind.SIZE, outcome, ratio, "measured / stated", reason);
    }
}
