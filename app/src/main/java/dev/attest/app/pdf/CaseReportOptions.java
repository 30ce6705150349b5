package dev.attest.app.pdf;

/**
 * What a case report shows.
 *
 * @param blinded   hide the model's identity and every other reviewer's scores, edits, missed findings and
 *                  judgements, as the blinded review mode does
 * @param reviewer  the reviewer (by name) a blinded report is for; ignored when not blinded
 * @param keyImages the most key images to render (0 for none)
 */
public record CaseReportOptions(boolean blinded, String reviewer, int keyImages) {

    /** Four images fill the first page's width twice without pushing the claims table far down. */
    public static final int DEFAULT_KEY_IMAGES = 4;

    public CaseReportOptions {
        if (keyImages < 0) {
            throw new IllegalArgumentException("the number of key images cannot be negative, got " + keyImages);
        }
        if (blinded && (reviewer == null || reviewer.isBlank())) {
            throw new IllegalArgumentException("a blinded case report needs the reviewer it is for");
        }
        reviewer = blinded ? reviewer.strip() : null;
    }

    /** Everything: the model, every reviewer. */
    public static CaseReportOptions unblinded(int keyImages) {
        return new CaseReportOptions(false, null, keyImages);
    }

    /** Only what the named reviewer may see in blinded mode. */
    public static CaseReportOptions blindedFor(String reviewer, int keyImages) {
        return new CaseReportOptions(true, reviewer, keyImages);
    }
}
