package dev.attest.dicom.deid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in free text: the values a header states (the patient's own name parts, IDs,
 * accession numbers, birth date in the usual written forms, addresses, physicians' names) and
 * identifier-shaped text whatever the header says (dates, telephone numbers, e-mail addresses,
 * UIDs, long digit runs such as medical record numbers, "Dr. X" names). Errs toward finding too
 * much: a measurement that looks like a phone number is lost, a name is not kept. Thread-safe.
 */
public final class IdentifierFinder {
    private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern UID = Pattern.compile(WORD_BEFORE + "\\d+(?:\\.\\d+){3,}" + WORD_AFTER);
    private static final Pattern DATE = Pattern.compile(WORD_BEFORE + "(?:"
            + "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}"
            + "|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}"
            + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{2,4}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{2,4}"
            + ")" + WORD_AFTER, Pattern.CASE_INSENSITIVE);
    /** Seven or more digits in groups, optionally with a country code and an area code in brackets. */
    private static final Pattern PHONE = Pattern.compile(WORD_BEFORE
            + "(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,5}\\)[\\s.-]?)?\\d{2,5}(?:[\\s.-]\\d{2,5}){1,4}" + WORD_AFTER);
    /** A run of six or more digits, optionally with a short letter prefix: medical record and accession numbers. */
    private static final Pattern ID_LIKE = Pattern.compile(WORD_BEFORE + "[A-Za-z]{0,4}-?\\d{6,}[A-Za-z]?" + WORD_AFTER);
    /** A labelled identifier: "MRN: A12-345", "ID 44321", "Acc# 9981". */
    private static final Pattern LABELLED_ID = Pattern.compile(WORD_BEFORE
            + "(?:MRN|ID|Acc(?:ession)?|Pat(?:ient)?\\s*(?:No|ID)|Case\\s*No|No)\\.?\\s*[:#]?\\s*([A-Za-z]{0,4}[-/]?\\d[\\dA-Za-z/-]{2,})"
            + WORD_AFTER);
    private static final Pattern TITLED_NAME = Pattern.compile(WORD_BEFORE
            + "(?:Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sister|Nurse)\\.?\\s+(?:[A-Z]\\.\\s*)?"
            + "[A-Z][\\p{L}'’-]+(?:[\\s-]+[A-Z][\\p{L}'’-]+)?" + WORD_AFTER);
    private static final Pattern NAME_WITH_DEGREE = Pattern.compile(WORD_BEFORE
            + "[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+)?,?\\s+(?:MD|M\\.D\\.|DO|PhD|MBBS|FRCR|RN)" + WORD_AFTER);

    private static final List<DateTimeFormatter> BIRTH_DATE_FORMS = List.of(
            "yyyyMMdd", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "dd/MM/yyyy", "d/M/yyyy", "MM/dd/yyyy", "M/d/yyyy",
            "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy", "MM-dd-yyyy", "dd/MM/yy", "MM/dd/yy", "d MMM yyyy", "d MMMM yyyy",
            "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "dd MMM yyyy", "ddMMMyyyy")
            .stream().map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toList();

    /** A known value and the kind it is reported as. */
    private record Known(Pattern pattern, Finding.Kind kind) {
    }

    private final List<Known> known;
    private final List<Pattern> phoneDigits;

    public IdentifierFinder(KnownIdentifiers ids) {
        List<Known> k = new ArrayList<>();
        for (String part : ids.patientNameParts()) {
            k.add(new Known(literal(part), Finding.Kind.PATIENT_NAME));
        }
        for (String part : ids.personNameParts()) {
            k.add(new Known(literal(part), Finding.Kind.PERSON_NAME));
        }
        for (String id : ids.identifiers()) {
            k.add(new Known(literal(id), Finding.Kind.IDENTIFIER));
        }
        for (LocalDate d : ids.birthDates()) {
            Set<String> forms = new LinkedHashSet<>();
            for (DateTimeFormatter f : BIRTH_DATE_FORMS) {
                forms.add(d.format(f));
            }
            for (String form : forms) {
                k.add(new Known(literal(form), Finding.Kind.BIRTH_DATE));
            }
        }
        List<Pattern> digits = new ArrayList<>();
        for (String c : ids.contacts()) {
            k.add(new Known(literal(c), Finding.Kind.CONTACT));
            String onlyDigits = c.replaceAll("\\D", "");
            if (onlyDigits.length() >= 7) {
                // The same number written with other separators: "(555) 123-4567" for "555.123.4567".
                digits.add(Pattern.compile(WORD_BEFORE + "[(+]?" + String.join("[\\s().+/-]*", onlyDigits.split(""))
                        + WORD_AFTER));
            }
            for (String part : c.split("[,;\\n\\r^]+")) {
                if (part.strip().length() >= 5 && !part.strip().equals(c.strip())) {
                    k.add(new Known(literal(part.strip()), Finding.Kind.CONTACT));
                }
            }
        }
        for (String o : ids.organizations()) {
            k.add(new Known(literal(o), Finding.Kind.ORGANIZATION));
        }
        this.known = List.copyOf(k);
        this.phoneDigits = List.copyOf(digits);
    }

    private static Pattern literal(String value) {
        // Whitespace inside a known value matches any whitespace run: "Main  St" in text, "Main St" in the header.
        String[] words = value.strip().split("\\s+");
        StringBuilder re = new StringBuilder(WORD_BEFORE);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        re.append(WORD_AFTER);
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every identifier in {@code text}, without overlaps, in order of position. */
    public List<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Known k : known) {
            add(candidates, text, k.pattern(), k.kind(), 0, 100);
        }
        for (Pattern p : phoneDigits) {
            add(candidates, text, p, Finding.Kind.CONTACT, 0, 100);
        }
        add(candidates, text, EMAIL, Finding.Kind.EMAIL, 0, 90);
        add(candidates, text, UID, Finding.Kind.UID, 0, 85);
        add(candidates, text, DATE, Finding.Kind.DATE, 0, 80);
        add(candidates, text, TITLED_NAME, Finding.Kind.PERSON_NAME, 0, 75);
        add(candidates, text, NAME_WITH_DEGREE, Finding.Kind.PERSON_NAME, 0, 75);
        add(candidates, text, LABELLED_ID, Finding.Kind.ID_LIKE, 1, 70);
        add(candidates, text, PHONE, Finding.Kind.PHONE, 0, 60);
        add(candidates, text, ID_LIKE, Finding.Kind.ID_LIKE, 0, 50);
        // Longer first, so an e-mail address or "Dr. Jane Doe" is taken whole rather than as the name
        // parts inside it; on equal spans the more specific reading (a known value) wins.
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.end - c.start).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
                .thenComparingInt(Candidate::start));
        BitSet taken = new BitSet(text.length());
        List<Finding> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (taken.get(c.start, c.end).isEmpty()) {
                taken.set(c.start, c.end);
                out.add(new Finding(c.start, c.end, c.kind, text.substring(c.start, c.end)));
            }
        }
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    private static void add(List<Candidate> into, String text, Pattern p, Finding.Kind kind, int group, int priority) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            if (kind == Finding.Kind.PHONE && text.substring(s, e).replaceAll("\\D", "").length() < 7) {
                continue; // "3 12" or "10-15" are measurements, not telephone numbers
            }
            if (e > s) {
                into.add(new Candidate(s, e, kind, priority));
            }
        }
    }

    private record Candidate(int start, int end, Finding.Kind kind, int priority) {
    }
}
