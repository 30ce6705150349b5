package dev.attest.dicom.deid;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The options chosen for one export; the default is the Basic Profile alone.
 *
 * @param options the chosen options (an unmodifiable copy)
 */
public record DeidOptions(Set<DeidOption> options) {

    public DeidOptions {
        options = Collections.unmodifiableSet(options.isEmpty() ? EnumSet.noneOf(DeidOption.class) : EnumSet.copyOf(options));
    }

    /** The Basic Profile with no option. */
    public static DeidOptions basic() {
        return new DeidOptions(Set.of());
    }

    public static DeidOptions of(DeidOption... chosen) {
        return new DeidOptions(chosen.length == 0 ? Set.of() : EnumSet.of(chosen[0], chosen));
    }

    public boolean has(DeidOption option) {
        return options.contains(option);
    }

    /**
     * What to do with an attribute of {@code row} under these options, and why. An option that
     * keeps (K) wins over one that cleans (C), which wins over the basic action: where two chosen
     * options both have an entry (Allergies has C for patient characteristics and for descriptors)
     * they agree or the one that retains more is what the user asked for.
     */
    public Resolution resolve(ProfileRow row) {
        Resolution clean = null;
        for (DeidOption o : options) {
            ActionCode code = row.option(o.column());
            if (code == null) {
                continue;
            }
            if (code == ActionCode.K) {
                return new Resolution(Action.K, code, "option " + o.meaning());
            }
            if (clean == null) {
                clean = new Resolution(code.applied(), code, "option " + o.meaning());
            }
        }
        if (clean != null) {
            return clean;
        }
        return new Resolution(row.basic().applied(), row.basic(), "basic profile " + row.basic().code());
    }

    /**
     * An attribute's action and where it came from.
     *
     * @param action the action performed
     * @param code   the table cell it came from
     * @param rule   the table column or option that chose it, for the log
     */
    public record Resolution(Action action, ActionCode code, String rule) {
    }
}
