package dev.attest.annotation.metrics.agreement;

import java.util.List;

/**
 * The six Shrout–Fleiss intraclass correlations of n targets rated by k judges, with the mean squares of the
 * two-way analysis of variance they are built from.
 *
 * @param forms ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k), ICC(3,k) in that order
 * @param targets n
 * @param judges k
 * @param betweenTargets BMS, the between-targets mean square
 * @param withinTargets WMS, the within-target mean square (one-way model)
 * @param betweenJudges JMS, the between-judges mean square
 * @param residual EMS, the residual mean square (two-way model)
 */
public record IccResult(List<IccForm> forms, int targets, int judges, double betweenTargets, double withinTargets,
        double betweenJudges, double residual) {

    public IccResult {
        forms = List.copyOf(forms);
    }

    /** The value of a form named as in {@link IccForm#form()}, e.g. "ICC(2,1)" or "ICC(3,4)". */
    public double value(String form) {
        return forms.stream().filter(f -> f.form().equals(form)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no form " + form + "; have "
                        + forms.stream().map(IccForm::form).toList()))
                .value();
    }
}
