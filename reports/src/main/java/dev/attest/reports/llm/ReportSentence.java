package dev.attest.reports.llm;

/**
 * One sentence of a generated report, the unit a claim is made of.
 *
 * @param index position among the report's sentences, from 0
 * @param text the sentence with list markers and markdown bold removed and whitespace (line
 *     breaks included) collapsed to single spaces
 * @param section the heading it falls under, upper case ("FINDINGS", "IMPRESSION"), or empty
 *     before the first heading
 * @param start offset of its first character in the reply
 * @param end offset just past its last character in the reply; {@code reply.substring(start, end)}
 *     is the raw span {@code text} was made from
 */
public record ReportSentence(int index, String text, String section, int start, int end) {

    public ReportSentence {
        if (index < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad sentence span: index " + index + ", " + start + ".." + end);
        }
    }
}
