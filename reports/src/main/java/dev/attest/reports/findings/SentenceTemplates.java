package dev.attest.reports.findings;

import dev.attest.reports.lexicon.Side;

/**
 * The sentence templates, one finding per sentence, written so that the phrase grounder reads each back
 * to the finding it came from:
 * <ul>
 *   <li>organ: "{Organ} volume {V} mL." — "Left kidney volume 152 mL."</li>
 *   <li>lesion in a paired organ: "{Lesion} in the {side organ}, {D} cm." — "Lung nodule in the left lung, 1.2 cm."</li>
 *   <li>lesion in an unpaired organ: "{Lesion} in the {side} part of the {organ}, {D} cm."</li>
 *   <li>lesion with no organ around it: "{Lesion} on the {side}, {D} cm."</li>
 * </ul>
 */
final class SentenceTemplates {
    private SentenceTemplates() {
    }

    static String organ(String display, double volumeMl) {
        return capitalise(display) + " volume " + ReportNumbers.millilitres(volumeMl) + " mL.";
    }

    static String lesionInPairedOrgan(String lesion, String organ, double diameterMm) {
        return capitalise(lesion) + " in the " + organ + ", " + ReportNumbers.centimetres(diameterMm) + " cm.";
    }

    static String lesionInOrgan(String lesion, Side side, String organ, double diameterMm) {
        return capitalise(lesion) + " in the " + side.word() + " part of the " + organ + ", "
                + ReportNumbers.centimetres(diameterMm) + " cm.";
    }

    static String lesionOnSide(String lesion, Side side, double diameterMm) {
        return capitalise(lesion) + " on the " + side.word() + ", " + ReportNumbers.centimetres(diameterMm) + " cm.";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
