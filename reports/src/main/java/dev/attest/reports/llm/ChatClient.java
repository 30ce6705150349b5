package dev.attest.reports.llm;

import dev.attest.core.progress.Cancellation;
import dev.attest.reports.llm.ReportServerException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client for one OpenAI-compatible chat server (llama.cpp server, vLLM, Ollama): chat
 * completions whole or streamed token by token, and the list of models it serves.
 *
 * <p>Every failure is a {@link ReportServerException} of a {@link ReportServerException.Kind}
 * with a one-line message naming the endpoint. Time limits come from the
 * {@link ReportServerConfig}; they are enforced here rather than left to
 * {@link HttpRequest#timeout}, whose limit ends once the response headers arrive and so covers
 * neither a slow body nor a stalled stream. Thread-safe; one client can serve several requests at
 * once. Close it to release its connection pool.
 */
public final class ChatClient implements AutoCloseable {

    /** The most of an error body kept for the message; error bodies are short, proxies' pages are not. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ReportServerConfig config;
    private final HttpClient http;

    public ChatClient(ReportServerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        // HTTP/1.1 only: on plain http the client would otherwise send an h2c upgrade request, which
        // some local servers answer badly, and none of them gains anything from HTTP/2.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ReportServerConfig config() {
        return config;
    }

    /**
     * Sends a request and waits for the whole reply, at most the request timeout.
     *
     * @throws ReportServerException on any failure, including a reply without text
     */
    public ChatReply complete(ChatRequest request, Cancellation cancellation) throws ReportServerException {
        URI url = config.chatCompletionsUrl();
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        HttpResponse<byte[]> response = await(http.sendAsync(post(url, request, false), HttpResponse.BodyHandlers.ofByteArray()),
                deadline, cancellation, url, "no reply within " + describe(config.requestTimeout()) + " (request timeout)");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw httpError(url, response.statusCode(), body);
        }
        return requireText(url, parseReply(url, body));
    }

    /**
     * Sends a request for a streamed reply, hands each piece of text to the listener as it
     * arrives, and returns the whole reply. The first bytes must come within the request timeout,
     * each later piece within the idle timeout of the one before. A server that ignores
     * {@code "stream": true} and answers with one JSON reply is accepted; its text is reported as
     * one token.
     *
     * @throws ReportServerException on any failure; {@link Kind#CANCELLED} once cancellation is
     *     cancelled, with the tokens so far already reported
     */
    public ChatReply stream(ChatRequest request, TokenListener listener, Cancellation cancellation)
            throws ReportServerException {
        URI url = config.chatCompletionsUrl();
        long start = System.nanoTime();
        long firstDeadline = start + config.requestTimeout().toNanos();
        String firstTimeout = "no reply within " + describe(config.requestTimeout()) + " (request timeout)";
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = await(
                http.sendAsync(post(url, request, true), HttpResponse.BodyHandlers.ofPublisher()),
                firstDeadline, cancellation, url, firstTimeout);
        StreamBody body = new StreamBody();
        response.body().subscribe(body);
        try {
            if (response.statusCode() != 200) {
                throw httpError(url, response.statusCode(), readError(body, url, cancellation));
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (contentType.startsWith("application/json")) {
                ChatReply reply = requireText(url, parseReply(url, readAll(body, url, cancellation, firstDeadline, firstTimeout)));
                listener.onToken(reply.text());
                return reply;
            }
            return readStream(url, body, listener, cancellation, firstDeadline, firstTimeout);
        } finally {
            body.cancel();
        }
    }

    /**
     * Lists the ids of the models the server offers ({@code GET /v1/models}), for a settings
     * dialog; waits at most the request timeout.
     */
    public List<String> listModels(Cancellation cancellation) throws ReportServerException {
        URI url = config.modelsUrl();
        HttpRequest.Builder get = HttpRequest.newBuilder(url).GET().header("Accept", "application/json")
                .timeout(config.requestTimeout());
        authorise(get);
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        HttpResponse<byte[]> response = await(http.sendAsync(get.build(), HttpResponse.BodyHandlers.ofByteArray()),
                deadline, cancellation, url, "no reply within " + describe(config.requestTimeout()) + " (request timeout)");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw httpError(url, response.statusCode(), body);
        }
        try {
            return ChatJson.modelIds(body);
        } catch (ChatJson.MalformedReplyException e) {
            throw new ReportServerException(Kind.MALFORMED_REPLY, url, e.getMessage());
        }
    }

    @Override
    public void close() {
        // Immediate: every request of ours has finished or been abandoned by now, and close() would wait.
        http.shutdownNow();
    }

    private ChatReply readStream(URI url, StreamBody body, TokenListener listener, Cancellation cancellation,
                                 long firstDeadline, String firstTimeout) throws ReportServerException {
        SseParser parser = new SseParser();
        StringBuilder text = new StringBuilder();
        StreamState state = new StreamState();
        long deadline = firstDeadline;
        String timeout = firstTimeout;
        while (!state.done) {
            List<ByteBuffer> piece = nextPiece(body, url, cancellation, deadline, timeout, text.length());
            List<SseEvent> events;
            if (piece == null) {
                events = parser.finish();
            } else {
                events = new java.util.ArrayList<>();
                for (ByteBuffer b : piece) {
                    events.addAll(parser.feed(b));
                }
                deadline = System.nanoTime() + config.idleTimeout().toNanos();
            }
            for (SseEvent event : events) {
                handle(url, event, state, text, listener);
                if (cancellation.isCancelled()) {
                    throw cancelled(url, text.length());
                }
                if (state.done) {
                    break;
                }
            }
            timeout = "the stream stalled: nothing for " + describe(config.idleTimeout()) + " (idle timeout) after "
                    + text.length() + " characters";
            if (piece == null) {
                break;
            }
        }
        // ik_llama.cpp and older servers end without [DONE]; a finish reason shows the reply is complete all the same.
        if (!state.done && state.finishReason.isEmpty()) {
            throw new ReportServerException(Kind.MALFORMED_REPLY, url, "the stream ended after " + text.length()
                    + " characters without data: [DONE] or a finish_reason; the connection may have dropped");
        }
        return requireText(url, new ChatReply(text.toString(), state.model, state.finishReason, state.promptTokens,
                state.completionTokens));
    }

    private static void handle(URI url, SseEvent event, StreamState state, StringBuilder text, TokenListener listener)
            throws ReportServerException {
        if (event.isError()) {
            throw new ReportServerException(Kind.SERVER_ERROR, url, "the server reported an error mid-stream: "
                    + ChatJson.errorMessage(event.data()));
        }
        if (event.isDone()) {
            state.done = true;
            return;
        }
        List<ChatJson.StreamChunk> chunks;
        try {
            chunks = ChatJson.chunks(event.data());
        } catch (ChatJson.MalformedReplyException e) {
            throw new ReportServerException(Kind.MALFORMED_REPLY, url, e.getMessage());
        } catch (ChatJson.ServerReportedException e) {
            throw new ReportServerException(Kind.SERVER_ERROR, url, "the server reported an error mid-stream: "
                    + e.getMessage());
        }
        for (ChatJson.StreamChunk chunk : chunks) {
            if (!chunk.content().isEmpty()) {
                text.append(chunk.content());
                listener.onToken(chunk.content());
            }
            if (!chunk.finishReason().isEmpty()) {
                state.finishReason = chunk.finishReason();
            }
            if (!chunk.model().isEmpty()) {
                state.model = chunk.model();
            }
            if (chunk.promptTokens() != ChatReply.NOT_REPORTED) {
                state.promptTokens = chunk.promptTokens();
            }
            if (chunk.completionTokens() != ChatReply.NOT_REPORTED) {
                state.completionTokens = chunk.completionTokens();
            }
        }
    }

    /** What the stream has said so far besides the text. */
    private static final class StreamState {
        boolean done;
        String finishReason = "";
        String model = "";
        int promptTokens = ChatReply.NOT_REPORTED;
        int completionTokens = ChatReply.NOT_REPORTED;
    }

    private HttpRequest post(URI url, ChatRequest request, boolean stream) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ChatJson.requestBody(request, stream)))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                // A backstop only: the deadlines below are what limit the wait.
                .timeout(config.requestTimeout());
        authorise(b);
        return b.build();
    }

    private void authorise(HttpRequest.Builder b) {
        if (config.apiKey() != null) {
            b.header("Authorization", "Bearer " + config.apiKey());
        }
    }

    private static ChatReply parseReply(URI url, String body) throws ReportServerException {
        try {
            return ChatJson.reply(body);
        } catch (ChatJson.MalformedReplyException e) {
            throw new ReportServerException(Kind.MALFORMED_REPLY, url, e.getMessage());
        } catch (ChatJson.ServerReportedException e) {
            throw new ReportServerException(Kind.SERVER_ERROR, url, "the server reported an error: " + e.getMessage());
        }
    }

    private static ChatReply requireText(URI url, ChatReply reply) throws ReportServerException {
        if (reply.text().isBlank()) {
            String why = reply.finishReason().isEmpty() ? "" : " (finish_reason " + reply.finishReason()
                    + (reply.truncated() ? ": raise the token limit" : "") + ")";
            throw new ReportServerException(Kind.EMPTY_REPLY, url, "the model returned no text" + why);
        }
        return reply;
    }

    static ReportServerException httpError(URI url, int status, String body) {
        String message = ChatJson.errorMessage(body);
        StringBuilder what = new StringBuilder("HTTP ").append(status);
        if (!message.isEmpty()) {
            what.append(": ").append(message);
        }
        boolean serverMessage = ChatJson.isJsonError(body);
        if (status == 404 && !serverMessage) {
            // A JSON 404 is the server's own (e.g. an unknown model); a bare one means the path is wrong.
            what.append("; no OpenAI-compatible endpoint at this URL: set the base URL to the server root, e.g. ")
                    .append(ReportServerConfig.DEFAULT_BASE_URL).append(" (llama.cpp) or http://127.0.0.1:11434 (Ollama)");
        } else if (status == 401 || status == 403) {
            what.append("; check the API key");
        }
        return new ReportServerException(Kind.HTTP_STATUS, url, status, what.toString(), null);
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, long deadline,
                                             Cancellation cancellation, URI url, String timeoutMessage)
            throws ReportServerException {
        try {
            while (true) {
                if (cancellation.isCancelled()) {
                    future.cancel(true);
                    throw cancelled(url, 0);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // Cancelling the future aborts the exchange and closes its connection.
                    future.cancel(true);
                    throw new ReportServerException(Kind.TIMEOUT, url, timeoutMessage);
                }
                try {
                    return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(StreamBody.POLL_MILLIS)),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Poll again: look at the cancellation and the deadline.
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled(url, 0);
        } catch (ExecutionException e) {
            throw connectionFailure(url, e.getCause(), timeoutMessage);
        }
    }

    /** The next piece of a body; {@code received} is the text so far, for a cancel message. */
    private List<ByteBuffer> nextPiece(StreamBody body, URI url, Cancellation cancellation, long deadline, String timeoutMessage,
                                       int received) throws ReportServerException {
        try {
            return body.next(deadline, cancellation);
        } catch (StreamBody.IdleException e) {
            throw new ReportServerException(Kind.TIMEOUT, url, timeoutMessage);
        } catch (StreamBody.StopException e) {
            throw cancelled(url, received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(url, received);
        } catch (IOException e) {
            throw connectionFailure(url, e, timeoutMessage);
        }
    }

    private String readAll(StreamBody body, URI url, Cancellation cancellation, long deadline, String timeoutMessage)
            throws ReportServerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long next = deadline;
        List<ByteBuffer> piece;
        while ((piece = nextPiece(body, url, cancellation, next, timeoutMessage, 0)) != null) {
            for (ByteBuffer b : piece) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.writeBytes(bytes);
            }
            next = System.nanoTime() + config.idleTimeout().toNanos();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An error body, cut at {@link #MAX_ERROR_BODY}; a failure while reading it leaves what was read. */
    private String readError(StreamBody body, URI url, Cancellation cancellation) throws ReportServerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + config.idleTimeout().toNanos();
        try {
            List<ByteBuffer> piece;
            while (out.size() < MAX_ERROR_BODY && (piece = body.next(deadline, cancellation)) != null) {
                for (ByteBuffer b : piece) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.writeBytes(bytes);
                }
                deadline = System.nanoTime() + config.idleTimeout().toNanos();
            }
        } catch (StreamBody.StopException e) {
            throw cancelled(url, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(url, 0);
        } catch (StreamBody.IdleException | IOException e) {
            // The status alone still tells the user what happened.
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private ReportServerException connectionFailure(URI url, Throwable cause, String timeoutMessage) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new ReportServerException(Kind.UNREACHABLE, url, "no connection within "
                    + describe(config.connectTimeout()) + " (connect timeout); is the host right and the server running?", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ReportServerException(Kind.TIMEOUT, url, timeoutMessage, cause);
        }
        if (cause instanceof ConnectException) {
            return new ReportServerException(Kind.UNREACHABLE, url, "cannot connect (" + reason(cause)
                    + "); is the server running and are the host and port right?", cause);
        }
        return new ReportServerException(Kind.UNREACHABLE, url, "the connection failed before the reply was complete ("
                + reason(cause) + ")", cause);
    }

    private static ReportServerException cancelled(URI url, int characters) {
        return new ReportServerException(Kind.CANCELLED, url, "cancelled"
                + (characters > 0 ? " after " + characters + " characters" : ""));
    }

    /**
     * The most specific message in a cause chain. The client's ConnectException often has none and
     * wraps a ClosedChannelException; an unknown host shows as UnresolvedAddressException.
     */
    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
        }
        return t instanceof ConnectException ? "connection refused" : t.getClass().getSimpleName();
    }

    /** A duration as a person says it: 300 ms, 5 s, 2 min. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000 || ms % 1000 != 0) {
            return ms + " ms";
        }
        long s = ms / 1000;
        return s < 120 || s % 60 != 0 ? s + " s" : s / 60 + " min";
    }
}
