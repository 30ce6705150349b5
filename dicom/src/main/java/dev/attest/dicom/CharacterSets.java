package dev.attest.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Maps DICOM Specific Character Set defined terms (PS3.3 C.12.1.1.2) to Java charsets. */
public final class CharacterSets {
    private CharacterSets() {
    }

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"), Map.entry("ISO 2022 IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO 2022 IR 166", "TIS-620"),
            Map.entry("ISO_IR 13", "JIS_X0201"), Map.entry("ISO 2022 IR 13", "JIS_X0201"),
            Map.entry("ISO 2022 IR 87", "ISO-2022-JP"), Map.entry("ISO 2022 IR 159", "ISO-2022-JP-2"),
            Map.entry("ISO 2022 IR 149", "EUC-KR"), Map.entry("ISO 2022 IR 58", "GB2312"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    /**
     * The charset for a Specific Character Set value. With several values (ISO 2022 code
     * extensions) the first non-default one is used: Java has no general ISO 2022 switcher,
     * and in practice the extra values name one other set. Empty or unknown terms fall back to
     * ISO-8859-1, which decodes every byte and so never loses data.
     */
    public static Charset forTerms(String[] terms) {
        if (terms == null) {
            return StandardCharsets.ISO_8859_1;
        }
        for (String raw : terms) {
            String term = raw == null ? "" : raw.trim();
            if (term.isEmpty() || term.equals("ISO_IR 6") || term.equals("ISO 2022 IR 6")) {
                continue;
            }
            String javaName = JAVA_NAMES.get(term);
            if (javaName != null && Charset.isSupported(javaName)) {
                return Charset.forName(javaName);
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** The Specific Character Set term for a Java charset we write (UTF-8 or Latin-1). */
    public static String termFor(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "ISO_IR 192";
        }
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return "ISO_IR 100";
        }
        return JAVA_NAMES.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(charset.name()) && e.getKey().startsWith("ISO_IR"))
                .map(Map.Entry::getKey).findFirst().orElse("ISO_IR 192");
    }
}
