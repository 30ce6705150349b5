package dev.attest.reports.lexicon;

import java.io.IOException;

/** A vocabulary file that cannot be used, naming the file, the place in it (a JSON path) and what is wrong. */
public final class VocabularyFormatException extends IOException {
    private final String source;
    private final String where;

    public VocabularyFormatException(String source, String where, String problem) {
        super(source + (where.isEmpty() ? "" : " at " + where) + ": " + problem);
        this.source = source;
        this.where = where;
    }

    public VocabularyFormatException(String source, String where, String problem, Throwable cause) {
        this(source, where, problem);
        initCause(cause);
    }

    /** The file or resource that was read. */
    public String source() {
        return source;
    }

    /** The JSON path of the offending value, such as {@code $.concepts[3].terms[0]}; empty for the whole file. */
    public String where() {
        return where;
    }
}
