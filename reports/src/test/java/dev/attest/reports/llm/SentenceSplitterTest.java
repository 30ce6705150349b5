package dev.attest.reports.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    /** Text and section of each sentence, checking on the way that every span points at its text. */
    private static List<String> split(String reply) {
        List<ReportSentence> sentences = SentenceSplitter.split(reply);
        for (int i = 0; i < sentences.size(); i++) {
            ReportSentence s = sentences.get(i);
            assertEquals(i, s.index());
            String span = reply.substring(s.start(), s.end()).replace("**", "").replaceAll("\\s+", " ");
            assertEquals(s.text(), span, "span " + s.start() + ".." + s.end());
        }
        return sentences.stream().map(s -> s.section() + " | " + s.text()).toList();
    }

    @Test
    void splitsAReportWithSectionsListsAbbreviationsAndNumbers() {
        String reply = """
                FINDINGS:
                The liver measures 15.2 cm in craniocaudal length, e.g. mildly enlarged. A 3.5 cm hypodense lesion is \
                seen in segment 7 of the right lobe.
                Dr. Smith's prior study showed 1,512 mL of ascites. There is a compression fracture of L1. No other \
                fracture is seen.

                IMPRESSION:
                1. Hepatomegaly.
                2. Right hepatic lesion, 3.5 cm.
                - Small left pleural effusion.
                """;

        assertEquals(List.of(
                "FINDINGS | The liver measures 15.2 cm in craniocaudal length, e.g. mildly enlarged.",
                "FINDINGS | A 3.5 cm hypodense lesion is seen in segment 7 of the right lobe.",
                "FINDINGS | Dr. Smith's prior study showed 1,512 mL of ascites.",
                "FINDINGS | There is a compression fracture of L1.",
                "FINDINGS | No other fracture is seen.",
                "IMPRESSION | Hepatomegaly.",
                "IMPRESSION | Right hepatic lesion, 3.5 cm.",
                "IMPRESSION | Small left pleural effusion."), split(reply));
    }

    @Test
    void givesCharacterOffsetsIntoTheReply() {
        String reply = "FINDINGS:\n1. Hepatomegaly.\n2. No ascites.";
        assertEquals(List.of(new ReportSentence(0, "Hepatomegaly.", "FINDINGS", 13, 26),
                new ReportSentence(1, "No ascites.", "FINDINGS", 30, 41)), SentenceSplitter.split(reply));
    }

    @Test
    void readsInlineAndMarkdownHeadingsWithCrlfLineBreaks() {
        String reply = "**Findings:** The lungs are clear.\r\nNo pleural effusion!\r\n\r\n## Impression\r\n"
                + "No acute cardiopulmonary process.\r\n### Findings (CT, 2 mm):\r\nNo nodule.";
        assertEquals(List.of(
                "FINDINGS | The lungs are clear.",
                "FINDINGS | No pleural effusion!",
                "IMPRESSION | No acute cardiopulmonary process.",
                "FINDINGS (CT, 2 MM) | No nodule."), split(reply));
    }

    @Test
    void joinsAHardWrappedSentenceAndSpansTheLineBreak() {
        String reply = "The right kidney contains a 12 mm\ncyst. The left kidney is normal.";
        List<ReportSentence> sentences = SentenceSplitter.split(reply);
        assertEquals(List.of(new ReportSentence(0, "The right kidney contains a 12 mm cyst.", "", 0, 39),
                new ReportSentence(1, "The left kidney is normal.", "", 40, 66)), sentences);
        assertEquals(List.of(" | The right kidney contains a 12 mm cyst.", " | The left kidney is normal."), split(reply));
    }

    @Test
    void linesWithoutEndPunctuationAreSentencesEachAndOrganLabelsStayInTheClaim() {
        String reply = "Liver: normal size\nSpleen: enlarged, 14 cm\nLUNGS: Clear.";
        assertEquals(List.of(" | Liver: normal size", " | Spleen: enlarged, 14 cm", " | LUNGS: Clear."), split(reply));
    }

    @Test
    void inlineNumberedImpressionLosesItsEnumerators() {
        String reply = "IMPRESSION: 1. Cholelithiasis without cholecystitis. 2. No acute findings in the left kidney.";
        List<ReportSentence> sentences = SentenceSplitter.split(reply);
        assertEquals(List.of(new ReportSentence(0, "Cholelithiasis without cholecystitis.", "IMPRESSION", 15, 52),
                new ReportSentence(1, "No acute findings in the left kidney.", "IMPRESSION", 56, 93)), sentences);
    }

    @Test
    void allCapsTitlesAndTitleCaseLinesEndingInAColonAreHeadings() {
        String reply = """
                CT ABDOMEN AND PELVIS WITH CONTRAST
                Technique: Axial images after IV contrast.
                Abdomen And Pelvis:
                NO FREE AIR. The appendix is normal.
                The following are noted:
                * Small hiatal hernia.
                """;
        assertEquals(List.of(
                "TECHNIQUE | Axial images after IV contrast.",
                "ABDOMEN AND PELVIS | NO FREE AIR.",
                "ABDOMEN AND PELVIS | The appendix is normal.",
                "ABDOMEN AND PELVIS | The following are noted:",
                "ABDOMEN AND PELVIS | Small hiatal hernia."), split(reply));
    }

    @Test
    void abbreviationsQuestionsQuotesAndBulletsOfEveryKind() {
        String reply = "Approx. 2 cm nodule vs. scar in the right upper lobe (see Fig. 3). Nodule no. 2 is stable. "
                + "Is there a mass? Yes. Reported as \"stable.\" Follow-up per Fleischner et al. recommendations.\n"
                + "\u2022 Left adrenal adenoma, 1.8 cm.\n(3) Mild aortic ectasia, 3.9 cm.\n---\n+ Right renal cyst.";
        assertEquals(List.of(
                " | Approx. 2 cm nodule vs. scar in the right upper lobe (see Fig. 3).",
                " | Nodule no. 2 is stable.",
                " | Is there a mass?",
                " | Yes.",
                " | Reported as \"stable.\"",
                " | Follow-up per Fleischner et al. recommendations.",
                " | Left adrenal adenoma, 1.8 cm.",
                " | Mild aortic ectasia, 3.9 cm.",
                " | Right renal cyst."), split(reply));
    }

    @Test
    void markdownBoldIsDroppedFromTheClaimText() {
        assertEquals(List.of(" | Liver: The liver is normal.", " | No acute findings."),
                split("**Liver:** The liver is normal.\n**No acute findings.**"));
    }

    @Test
    void nothingToSplitGivesNoSentences() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split(" \n\r\n---\n"));
        assertEquals(List.of(), split("FINDINGS:\nIMPRESSION:\n"));
    }
}
