package dev.attest.app.export.objects;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.dicom.Code;
import dev.attest.dicom.sr.AttestCodes;
import dev.attest.dicom.sr.QualitativeEvaluation;
import dev.attest.dicom.sr.ReportCodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer's score as the SR's coded qualitative evaluations: verdict, evidence support, localisation and error
 * type in the private 99ATTEST scheme, clinical significance as the standard Level of Significance; each names the
 * reviewer by pseudonym. Fields the reviewer left empty are left out.
 */
final class JudgementCodes {
    private JudgementCodes() {
    }

    static List<QualitativeEvaluation> of(Score score, String reviewer) {
        List<QualitativeEvaluation> out = new ArrayList<>();
        out.add(QualitativeEvaluation.by(reviewer, AttestCodes.VERDICT, verdict(score.verdict())));
        if (score.support() != null) {
            out.add(QualitativeEvaluation.by(reviewer, AttestCodes.EVIDENCE_SUPPORT, support(score.support())));
        }
        if (score.localisation() != null) {
            out.add(QualitativeEvaluation.by(reviewer, AttestCodes.LOCALISATION, localisation(score.localisation())));
        }
        if (score.errorType() != null) {
            out.add(QualitativeEvaluation.by(reviewer, AttestCodes.ERROR_TYPE, errorType(score.errorType())));
        }
        if (score.significance() != null) {
            out.add(QualitativeEvaluation.by(reviewer, ReportCodes.LEVEL_OF_SIGNIFICANCE,
                    score.significance() == Significance.SIGNIFICANT ? ReportCodes.SIGNIFICANT : ReportCodes.NOT_SIGNIFICANT));
        }
        return out;
    }

    static QualitativeEvaluation acceptability(Acceptability a, String reviewer) {
        Code value = switch (a) {
            case ACCEPTABLE -> AttestCodes.ACCEPTABLE;
            case ACCEPTABLE_WITH_EDITS -> AttestCodes.ACCEPTABLE_WITH_EDITS;
            case UNACCEPTABLE -> AttestCodes.NOT_ACCEPTABLE;
        };
        return QualitativeEvaluation.by(reviewer, AttestCodes.ACCEPTABILITY, value);
    }

    static Code verdict(Verdict v) {
        return switch (v) {
            case CORRECT -> AttestCodes.CORRECT;
            case PARTIALLY_CORRECT -> AttestCodes.PARTIALLY_CORRECT;
            case INCORRECT -> AttestCodes.INCORRECT;
            case UNGRADABLE -> AttestCodes.UNGRADABLE;
        };
    }

    static Code support(EvidenceSupport s) {
        return switch (s) {
            case SUPPORTS -> AttestCodes.SUPPORTS;
            case PARTIAL -> AttestCodes.PARTIALLY_SUPPORTS;
            case CONTRADICTS -> AttestCodes.CONTRADICTS;
            case NONE_OR_OFF_TARGET -> AttestCodes.NO_EVIDENCE;
        };
    }

    static Code localisation(Localisation l) {
        return switch (l) {
            case GOOD -> AttestCodes.LOCALISATION_GOOD;
            case HIT_ONLY -> AttestCodes.LOCALISATION_HIT;
            case MISS -> AttestCodes.LOCALISATION_MISS;
        };
    }

    static Code errorType(ErrorType e) {
        return switch (e) {
            case FALSE_FINDING -> AttestCodes.FALSE_FINDING;
            case WRONG_LOCATION -> AttestCodes.WRONG_LOCATION;
            case WRONG_SEVERITY_OR_SIZE -> AttestCodes.WRONG_SEVERITY_OR_SIZE;
            case FALSE_COMPARISON -> AttestCodes.FALSE_COMPARISON;
            case OMITTED_COMPARISON -> AttestCodes.OMITTED_COMPARISON;
            case NEGATION_ERROR -> AttestCodes.NEGATION_ERROR;
            case DEVICE_ERROR -> AttestCodes.DEVICE_ERROR;
        };
    }
}
