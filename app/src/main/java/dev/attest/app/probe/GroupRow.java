package dev.attest.app.probe;

import dev.attest.inference.probe.Perturbation;

/**
 * The stability of one perturbation and level over a group of cases.
 *
 * @param dimension "all", "site" or "scanner"
 * @param value     the site or scanner ("(none)" when unset), or "all"
 * @param cases     cases in the group
 */
public record GroupRow(String dimension, String value, Perturbation perturbation, int cases, GroupStat meanDice,
                       GroupStat pearson, GroupStat topOverlap) {

    /** "all", "site=A", "scanner=X": how the plot's legend names the group. */
    public String groupLabel() {
        return dimension.equals(StabilityGroups.ALL) ? StabilityGroups.ALL : dimension + "=" + value;
    }
}
