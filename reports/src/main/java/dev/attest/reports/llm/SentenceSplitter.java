package dev.attest.reports.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a generated report into sentences, each a claim to ground and score, keeping the section
 * heading it falls under and its character span in the reply.
 *
 * <p>Rules, chosen for what report models write:
 * <ul>
 * <li>Headings are not claims but become the section of the sentences under them: a known report
 * section ("FINDINGS", "Impression", ...) before a colon, with or without text after it on the same
 * line; any short all-caps or Title Case line ending in a colon; an all-caps line without end
 * punctuation; a markdown heading ({@code ## Findings}). Markdown bold around a heading is
 * ignored. An organ label with text after it ("LUNGS: Clear.") is not a heading: it is part of the
 * claim.</li>
 * <li>Each list item ("1. ", "2) ", "(3) ", "- ", "* ", "•") starts a new sentence; the marker is
 * not part of it. A number followed by a period at the start of a sentence inside a line
 * ("IMPRESSION: 1. Cholelithiasis. 2. ...") is an enumerator too.</li>
 * <li>A sentence ends at ".", "!" or "?" (after any closing quotes, brackets or bold markers) that
 * is followed by white space and then by anything but a lower-case letter, unless the word before
 * a period is an abbreviation (Dr., e.g., i.e., vs., approx., ...) or the number of a list item.
 * Decimals ("3.5 cm"), thousands ("1,512 mL") and vertebral levels ("at L1. No ...") need no
 * special case: a period inside a number is not followed by white space, and a period after one
 * that is followed by a capital ends the sentence.</li>
 * <li>A line break ends a sentence, except where the line has no end punctuation and the next
 * starts in lower case (a hard-wrapped sentence); a blank line always does.</li>
 * </ul>
 * Spans with no letter or digit (rules such as "---") are dropped. Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Words that end with a period without ending a sentence (compared in lower case). */
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e",
            "cf", "approx", "fig", "figs", "incl", "resp", "viz", "al", "ca", "jr", "sr");
    /** Abbreviations only before a number ("No. 2"); elsewhere "No." can be a whole answer. */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "nr");

    /** Section names recognised as headings even with text after the colon on the same line. */
    private static final Set<String> SECTIONS = Set.of("FINDINGS", "FINDING", "IMPRESSION", "IMPRESSIONS", "CONCLUSION",
            "CONCLUSIONS", "TECHNIQUE", "COMPARISON", "COMPARISONS", "HISTORY", "CLINICAL HISTORY", "INDICATION",
            "INDICATIONS", "CLINICAL INDICATION", "CLINICAL INFORMATION", "RECOMMENDATION", "RECOMMENDATIONS",
            "EXAMINATION", "EXAM", "PROCEDURE", "SUMMARY", "REPORT", "OPINION", "RESULT", "RESULTS", "DIAGNOSIS",
            "KEY FINDINGS", "ADDITIONAL FINDINGS");

    private static final Pattern LIST_MARKER = Pattern.compile("(?:\\d{1,3}[.)]|\\(\\d{1,3}\\)|[a-z]\\)|[-*+\u2022\u2013\u2014])\\s+");
    private static final Pattern HEADING_WORDS = Pattern.compile("[\\p{L}][\\p{L}\\d /&'-]{0,59}");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("#{1,6}\\s");
    private static final Pattern ENUMERATOR = Pattern.compile("\\d{1,3}[.)]\\s+");

    private SentenceSplitter() {
    }

    /** The sentences of a reply, in order, indexed from 0. */
    public static List<ReportSentence> split(String reply) {
        List<ReportSentence> out = new ArrayList<>();
        String section = "";
        Block block = null;
        int lineStart = 0;
        int n = reply.length();
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && reply.charAt(lineEnd) != '\n' && reply.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(reply.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(reply.charAt(e - 1))) {
                e--;
            }
            if (s == e || !hasLetterOrDigit(reply, s, e)) {
                block = flush(block, out);
            } else {
                Heading heading = heading(reply, s, e);
                int marker = heading == null ? listMarkerEnd(reply, s, e) : -1;
                if (heading != null) {
                    block = flush(block, out);
                    section = heading.name();
                    if (heading.restStart() < e) {
                        block = new Block(reply, section);
                        block.add(heading.restStart(), e);
                    }
                } else if (marker >= 0) {
                    block = flush(block, out);
                    block = new Block(reply, section);
                    block.add(marker, e);
                } else if (block != null && block.continuesWith(s)) {
                    block.add(s, e);
                } else {
                    block = flush(block, out);
                    block = new Block(reply, section);
                    block.add(s, e);
                }
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + (reply.charAt(lineEnd) == '\r' && lineEnd + 1 < n && reply.charAt(lineEnd + 1) == '\n' ? 2 : 1);
        }
        flush(block, out);
        return out;
    }

    /** A heading's section name and where text after it on the same line starts (the line's end if none). */
    private record Heading(String name, int restStart) {
    }

    private static Heading heading(String reply, int s, int e) {
        String line = reply.substring(s, e);
        if (MARKDOWN_HEADING.matcher(line).lookingAt()) {
            // Whatever a markdown heading says ("## Findings (CT)"), it is a heading.
            String name = clean(line).replaceAll(":+$", "").strip();
            return name.isEmpty() ? null : new Heading(name.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "), e);
        }
        int colon = line.indexOf(':');
        String name = clean(colon < 0 ? line : line.substring(0, colon));
        if (name.isEmpty() || !HEADING_WORDS.matcher(name).matches()) {
            return null;
        }
        String key = name.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (colon >= 0) {
            int rest = s + colon + 1;
            while (rest < e && (Character.isWhitespace(reply.charAt(rest)) || reply.charAt(rest) == '*'
                    || reply.charAt(rest) == '_')) {
                rest++;
            }
            if (SECTIONS.contains(key) || rest == e && looksLikeHeading(name)) {
                return new Heading(key, rest);
            }
            return null;
        }
        boolean noEndPunctuation = ".!?".indexOf(line.charAt(line.length() - 1)) < 0;
        if (SECTIONS.contains(key) || noEndPunctuation && isAllCaps(name) && name.split(" +").length <= 8) {
            return new Heading(key, e);
        }
        return null;
    }

    /** A heading name without markdown: leading #, surrounding bold or italics, spaces. */
    private static String clean(String text) {
        return text.replaceAll("^#+", "").replace("**", "").replace("__", "").strip();
    }

    /** Short, and all caps or every word capitalised ("Abdomen And Pelvis", "Chest findings" is not). */
    private static boolean looksLikeHeading(String name) {
        String[] words = name.split(" +");
        if (words.length > 6) {
            return false;
        }
        if (isAllCaps(name)) {
            return true;
        }
        for (String w : words) {
            boolean minor = w.equals("and") || w.equals("of") || w.equals("the") || w.equals("with") || w.equals("&");
            if (!minor && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllCaps(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Where the text after a list marker at s starts, or -1 when the line has none. */
    private static int listMarkerEnd(String reply, int s, int e) {
        Matcher m = LIST_MARKER.matcher(reply).region(s, e);
        return m.lookingAt() && m.end() < e ? m.end() : -1;
    }

    private static boolean hasLetterOrDigit(CharSequence text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Block flush(Block block, List<ReportSentence> out) {
        if (block != null) {
            block.split(out);
        }
        return null;
    }

    /**
     * Consecutive line pieces that belong to one paragraph or list item, read as one text with a
     * space where each line break was, remembering where each character came from in the reply.
     */
    private static final class Block {
        private final String reply;
        private final String section;
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> origin = new ArrayList<>();

        Block(String reply, String section) {
            this.reply = reply;
            this.section = section;
        }

        void add(int s, int e) {
            if (!text.isEmpty()) {
                // The space stands for the line break that followed the previous piece.
                text.append(' ');
                origin.add(origin.get(origin.size() - 1) + 1);
            }
            for (int i = s; i < e; i++) {
                origin.add(i);
            }
            text.append(reply, s, e);
        }

        /** A hard-wrapped sentence: this block's last line has no end punctuation and the next starts in lower case. */
        boolean continuesWith(int s) {
            int i = text.length() - 1;
            while (i >= 0 && isCloser(text.charAt(i))) {
                i--;
            }
            return i >= 0 && ".!?:;".indexOf(text.charAt(i)) < 0 && Character.isLowerCase(reply.charAt(s));
        }

        void split(List<ReportSentence> out) {
            int n = text.length();
            int start = skipSpace(0);
            int i = start;
            while (i < n) {
                char c = text.charAt(i);
                if (c != '.' && c != '!' && c != '?') {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < n && (isCloser(text.charAt(j)) || ".!?".indexOf(text.charAt(j)) >= 0)) {
                    j++;
                }
                if (j < n && !Character.isWhitespace(text.charAt(j))) {
                    i = j;
                    continue;
                }
                int k = skipSpace(j);
                boolean ends = k == n || !Character.isLowerCase(text.charAt(k))
                        && !(c == '.' && (isAbbreviation(i, k) || isEnumerator(start, i)));
                if (ends) {
                    emit(start, j, out);
                    start = k;
                    i = k;
                } else {
                    i = j;
                }
            }
            if (start < n) {
                emit(start, n, out);
            }
        }

        private void emit(int from, int to, List<ReportSentence> out) {
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            Matcher m = ENUMERATOR.matcher(text).region(from, to);
            if (m.lookingAt()) {
                from = m.end();
            }
            if (from >= to || !hasLetterOrDigit(text, from, to)) {
                return;
            }
            String sentence = text.substring(from, to).replace("**", "").replaceAll("\\s+", " ").strip();
            if (sentence.isEmpty()) {
                return;
            }
            out.add(new ReportSentence(out.size(), sentence, section, origin.get(from), origin.get(to - 1) + 1));
        }

        /** Whether the word before the period at i (letters and inner periods: "e.g", "Dr") is an abbreviation; next is what follows. */
        private boolean isAbbreviation(int i, int next) {
            int b = i;
            while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
                b--;
            }
            if (b == i || b > 0 && Character.isLetterOrDigit(text.charAt(b - 1))) {
                return false;
            }
            String word = text.substring(b, i).toLowerCase(Locale.ROOT);
            return ABBREVIATIONS.contains(word) || NUMBER_ABBREVIATIONS.contains(word) && next < text.length()
                    && Character.isDigit(text.charAt(next));
        }

        /** A number alone at the start of the sentence, before the period at i: a list item's "2.". */
        private boolean isEnumerator(int sentenceStart, int i) {
            int b = i;
            while (b > sentenceStart && Character.isDigit(text.charAt(b - 1))) {
                b--;
            }
            return b == sentenceStart && b < i && i - b <= 3;
        }

        private int skipSpace(int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** Characters that may follow a sentence's final punctuation and still belong to it. */
    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_' || c == '\u201D' || c == '\u2019';
    }
}
