package dev.attest.reports.llm;

import java.net.URI;
import java.util.Objects;

/**
 * A report request that failed, with what kind of failure it was (so a caller can offer the right
 * remedy) and a one-line message naming the URL and what happened.
 */
public final class ReportServerException extends Exception {

    /** What went wrong, from the user's side of the wire. */
    public enum Kind {
        /** No connection: refused, unknown host, no route, or the connect timeout passed. */
        UNREACHABLE,
        /** Connected, but the reply (or the next piece of a streamed reply) did not come in time. */
        TIMEOUT,
        /** The server answered with an HTTP status other than 200; {@link #status()} has it. */
        HTTP_STATUS,
        /** The server started a 200 reply and then reported an error inside the stream. */
        SERVER_ERROR,
        /** The reply was not the OpenAI chat format; the message names what was missing or wrong. */
        MALFORMED_REPLY,
        /** The reply was well formed but held no text. */
        EMPTY_REPLY,
        /** The caller cancelled the request. */
        CANCELLED
    }

    /** Status value when the failure was not an HTTP status. */
    public static final int NO_STATUS = -1;

    private final Kind kind;
    private final URI url;
    private final int status;

    ReportServerException(Kind kind, URI url, int status, String what, Throwable cause) {
        super(oneLine("Report server " + url + ": " + what), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.url = url;
        this.status = status;
    }

    ReportServerException(Kind kind, URI url, String what) {
        this(kind, url, NO_STATUS, what, null);
    }

    ReportServerException(Kind kind, URI url, String what, Throwable cause) {
        this(kind, url, NO_STATUS, what, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The endpoint the request went to. */
    public URI url() {
        return url;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, otherwise {@link #NO_STATUS}. */
    public int status() {
        return status;
    }

    /** Server messages can hold newlines and whole stack traces; a status line needs one short line. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 400 ? flat : flat.substring(0, 397) + "...";
    }
}
