package dev.attest.reports.llm;

import static dev.attest.reports.llm.FakeChatServer.delta;
import static dev.attest.reports.llm.FakeChatServer.json;
import static dev.attest.reports.llm.FakeChatServer.startStream;
import static dev.attest.reports.llm.FakeChatServer.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.progress.Cancellation;
import dev.attest.reports.llm.ReportServerException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** Far above any timeout under test, so only a hang (not a slow machine) fails the bound. */
    private static final long HANG_MILLIS = 5000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeChatServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ReportServerConfig config() {
        return ReportServerConfig.of(server.baseUrl(), "fake-vlm")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withSampling(0.2, 256);
    }

    private static ChatRequest request(ReportServerConfig config) {
        return ChatRequest.of(config, List.of(ChatMessage.system("You are terse."),
                ChatMessage.user(List.of(new ContentPart.Text("Describe.")))));
    }

    private ChatReply complete(ReportServerConfig config) throws ReportServerException {
        try (ChatClient client = new ChatClient(config)) {
            return client.complete(request(config), new Cancellation());
        }
    }

    private ChatReply stream(ReportServerConfig config, List<String> tokens, Cancellation cancel) throws ReportServerException {
        try (ChatClient client = new ChatClient(config)) {
            return client.stream(request(config), tokens::add, cancel);
        }
    }

    @Test
    void completeReturnsTheReplyTextModelFinishReasonAndUsage() throws Exception {
        server.on("/v1/chat/completions", ex -> json(ex, 200, """
                {"id":"x","object":"chat.completion","model":"fake-vlm-q4",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"No acute findings."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":812,"completion_tokens":5,"total_tokens":817}}"""));

        ChatReply reply = complete(config());

        assertEquals(new ChatReply("No acute findings.", "fake-vlm-q4", "stop", 812, 5), reply);
    }

    @Test
    void requestBodyCarriesModelMessagesSamplingAndImagesFieldByField() throws Exception {
        server.on("/v1/chat/completions", ex -> json(ex, 200,
                "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', -1, 0, 127};
        ReportServerConfig config = config().withApiKey("sk-local-123");
        ChatRequest request = ChatRequest.of(config, List.of(ChatMessage.system("Be exact."),
                ChatMessage.user(List.of(new ContentPart.Text("Image 1:"), ContentPart.Image.png(png),
                        new ContentPart.Text("Report.")))));

        try (ChatClient client = new ChatClient(config)) {
            client.complete(request, new Cancellation());
        }

        FakeChatServer.Received r = server.received().get(0);
        assertEquals("POST", r.method());
        assertEquals("/v1/chat/completions", r.path());
        assertEquals("Bearer sk-local-123", r.header("Authorization"));
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("application/json", r.header("Accept"));
        JsonNode body = MAPPER.readTree(r.body());
        assertEquals(List.of("model", "messages", "temperature", "max_tokens", "stream"), fieldNames(body));
        assertEquals("fake-vlm", body.get("model").asText());
        assertEquals(0.2, body.get("temperature").asDouble());
        assertEquals(256, body.get("max_tokens").asInt());
        assertEquals(false, body.get("stream").asBoolean());
        JsonNode messages = body.get("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("Be exact.", messages.get(0).get("content").asText());
        JsonNode user = messages.get(1);
        assertEquals("user", user.get("role").asText());
        JsonNode parts = user.get("content");
        assertEquals(3, parts.size());
        assertEquals("text", parts.get(0).get("type").asText());
        assertEquals("Image 1:", parts.get(0).get("text").asText());
        assertEquals("image_url", parts.get(1).get("type").asText());
        String url = parts.get(1).get("image_url").get("url").asText();
        String prefix = "data:image/png;base64,";
        assertTrue(url.startsWith(prefix), url);
        assertArrayEquals(png, Base64.getDecoder().decode(url.substring(prefix.length())));
        assertEquals("Report.", parts.get(2).get("text").asText());
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() throws Exception {
        server.on("/v1/chat/completions", ex -> json(ex, 200,
                "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        complete(config().withApiKey("  "));
        assertEquals(null, server.received().get(0).header("Authorization"));
    }

    @Test
    void streamReassemblesManyChunksAndReportsEveryTokenInOrder() throws Exception {
        List<String> pieces = new ArrayList<>();
        String sentence = "The liver measures 15.2 cm. A 3.5 cm lesion is seen in the right lobe, segment 7.";
        for (int i = 0; i < sentence.length(); i += 3) {
            pieces.add(sentence.substring(i, Math.min(sentence.length(), i + 3)));
        }
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            // Role-only first delta, as llama.cpp and vLLM send.
            write(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n");
            write(out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}\n\n");
            for (String p : pieces) {
                write(out, delta(p));
            }
            write(out, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            // The usage chunk of stream_options.include_usage: no choices.
            write(out, "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":31}}\n\n");
            write(out, "data: [DONE]\n\n");
        });
        List<String> tokens = new ArrayList<>();

        ChatReply reply = stream(config(), tokens, new Cancellation());

        assertEquals(sentence, reply.text());
        assertEquals(pieces, tokens);
        assertEquals(27, tokens.size());
        assertEquals(new ChatReply(sentence, "fake-vlm", "stop", 900, 31), reply);
        JsonNode body = MAPPER.readTree(server.received().get(0).body());
        assertEquals(true, body.get("stream").asBoolean());
        assertEquals("text/event-stream", server.received().get(0).header("Accept"));
    }

    @Test
    void streamToleratesCrlfKeepAliveCommentsMultiLineEventsAndSplitCharacters() throws Exception {
        byte[] degree = "\u00B0".getBytes(StandardCharsets.UTF_8);
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, ": keep-alive\r\n\r\n");
            write(out, "\r\n");
            write(out, "data: {\"choices\":[{\"delta\":{\"content\":\"Tilted 12\"}}]}\r");
            // The CR's LF arrives in the next HTTP chunk: it must not end a second (empty) line.
            write(out, "\n\r\n");
            write(out, ": ping\r\n");
            // One event whose JSON spans two data lines.
            write(out, "data: {\"choices\":[{\"delta\":\r\ndata: {\"content\":\"");
            write(out, new byte[] {degree[0]});
            write(out, new byte[] {degree[1]});
            write(out, " gantry.\"}, \"finish_reason\":\"stop\"}]}\r\n\r\n");
            write(out, "data: [DONE]\r\n\r\n");
        });
        List<String> tokens = new ArrayList<>();

        ChatReply reply = stream(config(), tokens, new Cancellation());

        assertEquals("Tilted 12\u00B0 gantry.", reply.text());
        assertEquals(List.of("Tilted 12", "\u00B0 gantry."), tokens);
        assertEquals("stop", reply.finishReason());
    }

    @Test
    void streamEndingWithAFinishReasonButNoDoneIsAccepted() throws Exception {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("Normal study."));
            write(out, "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}");
        });
        ChatReply reply = stream(config(), new ArrayList<>(), new Cancellation());
        assertEquals("Normal study.", reply.text());
        assertTrue(reply.truncated());
    }

    @Test
    void streamCutOffWithoutDoneOrFinishReasonIsMalformed() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("The right kidney"));
        });
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), new Cancellation()));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertEquals("Report server " + server.chatUrl() + ": the stream ended after 16 characters without data: [DONE]"
                + " or a finish_reason; the connection may have dropped", e.getMessage());
    }

    @Test
    void serverThatIgnoresStreamingAndAnswersJsonIsAccepted() throws Exception {
        server.on("/v1/chat/completions", ex -> json(ex, 200,
                "{\"choices\":[{\"message\":{\"content\":\"Whole reply.\"},\"finish_reason\":\"stop\"}]}"));
        List<String> tokens = new ArrayList<>();
        ChatReply reply = stream(config(), tokens, new Cancellation());
        assertEquals("Whole reply.", reply.text());
        assertEquals(List.of("Whole reply."), tokens);
    }

    @Test
    void http500WithOpenAiErrorJsonGivesTheStatusAndTheServersMessage() {
        server.on("/v1/chat/completions", ex -> json(ex, 500,
                "{\"error\":{\"message\":\"failed to load model: out of memory\",\"type\":\"server_error\",\"code\":500}}"));

        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        ReportServerException s = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), new Cancellation()));

        for (ReportServerException x : List.of(e, s)) {
            assertEquals(Kind.HTTP_STATUS, x.kind());
            assertEquals(500, x.status());
            assertEquals("Report server " + server.chatUrl() + ": HTTP 500: failed to load model: out of memory",
                    x.getMessage());
        }
    }

    @Test
    void http400WithPlainTextBodyShowsTheTextOnOneLine() {
        server.on("/v1/chat/completions", ex -> FakeChatServer.send(ex, 400, "text/plain",
                "image input is not supported\n  - hint: start the server with --mmproj\n"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals("Report server " + server.chatUrl()
                + ": HTTP 400: image input is not supported - hint: start the server with --mmproj", e.getMessage());
    }

    @Test
    void http404AtAWrongBaseUrlSaysToUseTheServerRoot() {
        ReportServerConfig wrong = ReportServerConfig.of(server.baseUrl() + "/api", "fake-vlm")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));

        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(wrong));

        assertEquals(Kind.HTTP_STATUS, e.kind());
        assertEquals(404, e.status());
        assertEquals("/api/v1/chat/completions", server.received().get(0).path());
        assertEquals("Report server " + server.baseUrl() + "/api/v1/chat/completions: HTTP 404: Not Found; no"
                + " OpenAI-compatible endpoint at this URL: set the base URL to the server root, e.g."
                + " http://127.0.0.1:8080 (llama.cpp) or http://127.0.0.1:11434 (Ollama)", e.getMessage());
    }

    @Test
    void http404WithTheServersOwnErrorShowsItWithoutTheUrlHint() {
        // Ollama's answer for a model that was never pulled.
        server.on("/v1/chat/completions", ex -> json(ex, 404,
                "{\"error\":{\"message\":\"model \\\"llava:13b\\\" not found, try pulling it first\",\"type\":\"api_error\"}}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals("Report server " + server.chatUrl() + ": HTTP 404: model \"llava:13b\" not found, try pulling it first",
                e.getMessage());
    }

    @Test
    void http401AsksForTheApiKey() {
        server.on("/v1/chat/completions", ex -> json(ex, 401, "{\"error\":\"Invalid API Key\"}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals("Report server " + server.chatUrl() + ": HTTP 401: Invalid API Key; check the API key", e.getMessage());
    }

    @Test
    void serverThatNeverAnswersTimesOutWithinTheRequestTimeout() {
        server.on("/v1/chat/completions", ex -> server.awaitRelease());
        ReportServerConfig config = config().withTimeouts(Duration.ofSeconds(2), SHORT, SHORT);

        for (boolean streaming : new boolean[] {false, true}) {
            long start = System.nanoTime();
            ReportServerException e = assertThrows(ReportServerException.class, () -> {
                if (streaming) {
                    stream(config, new ArrayList<>(), new Cancellation());
                } else {
                    complete(config);
                }
            });
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Kind.TIMEOUT, e.kind());
            assertEquals("Report server " + server.chatUrl() + ": no reply within 300 ms (request timeout)", e.getMessage());
            assertTrue(millis >= 300 && millis < HANG_MILLIS, "took " + millis + " ms");
        }
    }

    @Test
    void bodyThatNeverFinishesTimesOutWithinTheRequestTimeout() {
        // Headers at once, then silence: the whole-request limit must cover the body too.
        server.on("/v1/chat/completions", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            write(ex.getResponseBody(), "{\"choices\":[");
            server.awaitRelease();
        });
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> complete(config().withTimeouts(Duration.ofSeconds(2), SHORT, Duration.ofSeconds(30))));
        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void streamThatStallsAfterTwoChunksFailsWithinTheIdleTimeout() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("The spleen "));
            write(out, delta("is enlarged"));
            server.awaitRelease();
        });
        ReportServerConfig config = config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), SHORT);
        List<Long> tokenTimes = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();

        ReportServerException e = assertThrows(ReportServerException.class, () -> {
            try (ChatClient client = new ChatClient(config)) {
                client.stream(request(config), t -> {
                    tokens.add(t);
                    tokenTimes.add(System.nanoTime());
                }, new Cancellation());
            }
        });

        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tokenTimes.get(1));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(List.of("The spleen ", "is enlarged"), tokens);
        assertEquals("Report server " + server.chatUrl() + ": the stream stalled: nothing for 300 ms (idle timeout)"
                + " after 22 characters", e.getMessage());
        assertTrue(sinceLast >= 300 - StreamBody.POLL_MILLIS && sinceLast < HANG_MILLIS, "failed " + sinceLast + " ms after the last token");
    }

    @Test
    void keepAliveCommentsKeepAStreamAlivePastTheIdleTimeout() throws Exception {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("Slow "));
            // 1.5 s of comments only, longer than the idle timeout, each gap a tenth of it.
            for (int i = 0; i < 15; i++) {
                Thread.sleep(100);
                write(out, ": still thinking\n\n");
            }
            write(out, delta("but alive."));
            write(out, "data: [DONE]\n\n");
        });
        ReportServerConfig config = config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals("Slow but alive.", stream(config, new ArrayList<>(), new Cancellation()).text());
    }

    @Test
    void replyThatIsNotJsonIsMalformed() {
        server.on("/v1/chat/completions", ex -> json(ex, 200, "{\"choices\": [ {\"message\": oops"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertEquals("Report server " + server.chatUrl() + ": reply is not JSON (got '{\"choices\": [ {\"message\": oops')",
                e.getMessage());
    }

    @Test
    void replyWithoutChoicesIsMalformed() {
        server.on("/v1/chat/completions", ex -> json(ex, 200, "{\"response\":\"Ollama native format\"}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertEquals("Report server " + server.chatUrl() + ": reply has no choices (got '{\"response\":\"Ollama native format\"}')",
                e.getMessage());
    }

    @Test
    void streamEventThatIsNotJsonIsMalformed() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("Fine"));
            write(out, "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}\n\n");
        });
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), new Cancellation()));
        assertEquals(Kind.MALFORMED_REPLY, e.kind());
        assertEquals("Report server " + server.chatUrl()
                + ": stream event is not JSON (got '{\"choices\":[{\"delta\":{\"content\":\"x\"}}')", e.getMessage());
    }

    @Test
    void contentOfTheWrongTypeIsMalformedAndNamesTheField() {
        server.on("/v1/chat/completions", ex -> json(ex, 200, "{\"choices\":[{\"message\":{\"content\":42}}]}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals("Report server " + server.chatUrl() + ": choices[0].message.content is number, not text", e.getMessage());
    }

    @Test
    void replyWithNoTextIsEmptyAndSaysWhyWhenItCan() {
        server.on("/v1/chat/completions", ex -> json(ex, 200,
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"length\"}]}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config()));
        assertEquals(Kind.EMPTY_REPLY, e.kind());
        assertEquals("Report server " + server.chatUrl()
                + ": the model returned no text (finish_reason length: raise the token limit)", e.getMessage());
    }

    @Test
    void llamaCppErrorLineInAStreamIsAServerError() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, "error: {\"code\":400,\"message\":\"the request exceeds the available context size\","
                    + "\"type\":\"exceed_context_size_error\"}\n\n");
        });
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), new Cancellation()));
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("Report server " + server.chatUrl()
                + ": the server reported an error mid-stream: the request exceeds the available context size", e.getMessage());
    }

    @Test
    void errorObjectInsideAStreamChunkIsAServerError() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("The "));
            write(out, "data: {\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"InternalServerError\"}}\n\n");
        });
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), new Cancellation()));
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().endsWith(": the server reported an error mid-stream: CUDA out of memory"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ReportServerConfig config = ReportServerConfig.of("http://127.0.0.1:" + port, "m")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));

        ReportServerException e = assertThrows(ReportServerException.class, () -> complete(config));
        ReportServerException s = assertThrows(ReportServerException.class,
                () -> stream(config, new ArrayList<>(), new Cancellation()));

        for (ReportServerException x : List.of(e, s)) {
            assertEquals(Kind.UNREACHABLE, x.kind());
            assertEquals("Report server http://127.0.0.1:" + port + "/v1/chat/completions: cannot connect (connection refused);"
                    + " is the server running and are the host and port right?", x.getMessage());
        }
    }

    @Test
    void cancellingMidStreamStopsAtOnceAndClosesTheConnection() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("Mild "));
            write(out, delta("cardiomegaly"));
            try {
                // Keep talking until the client hangs up; a write to a closed connection fails.
                for (int i = 0; i < 500; i++) {
                    Thread.sleep(10);
                    write(out, ": keep-alive\n\n");
                }
            } catch (IOException expected) {
                clientGone.countDown();
            }
        });
        Cancellation cancel = new Cancellation();
        List<String> tokens = new ArrayList<>();

        ReportServerException e = assertThrows(ReportServerException.class, () -> {
            try (ChatClient client = new ChatClient(config())) {
                client.stream(request(config()), t -> {
                    tokens.add(t);
                    if (tokens.size() == 2) {
                        cancel.cancel();
                    }
                }, cancel);
            }
        });

        assertEquals(Kind.CANCELLED, e.kind());
        assertEquals("Report server " + server.chatUrl() + ": cancelled after 17 characters", e.getMessage());
        assertEquals(List.of("Mild ", "cardiomegaly"), tokens);
        assertTrue(clientGone.await(HANG_MILLIS, TimeUnit.MILLISECONDS), "the server kept its connection");
    }

    @Test
    void cancellingWhileWaitingForTheFirstByteStopsWithinAPoll() throws Exception {
        server.on("/v1/chat/completions", ex -> server.awaitRelease());
        Cancellation cancel = new Cancellation();
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            cancel.cancel();
        });
        long start = System.nanoTime();
        ReportServerException e = assertThrows(ReportServerException.class,
                () -> stream(config(), new ArrayList<>(), cancel));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        canceller.join();
        assertEquals(Kind.CANCELLED, e.kind());
        assertTrue(millis >= 200 && millis < HANG_MILLIS, "took " + millis + " ms");
    }

    @Test
    void cancellingFromAnotherThreadWhileTheStreamIsSilentStopsWithinAPoll() {
        server.on("/v1/chat/completions", ex -> {
            OutputStream out = startStream(ex);
            write(out, delta("Mild "));
            write(out, delta("cardiomegaly"));
            server.awaitRelease();
        });
        Cancellation cancel = new Cancellation();
        List<String> tokens = new CopyOnWriteArrayList<>();
        long[] cancelledAt = new long[1];
        ReportServerException e = assertThrows(ReportServerException.class, () -> {
            try (ChatClient client = new ChatClient(config())) {
                client.stream(request(config()), t -> {
                    tokens.add(t);
                    if (tokens.size() == 2) {
                        // As a Cancel button does: from another thread, while the reader waits for more.
                        Thread.ofVirtual().start(() -> {
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException ignored) {
                                return;
                            }
                            cancelledAt[0] = System.nanoTime();
                            cancel.cancel();
                        });
                    }
                }, cancel);
            }
        });
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt[0]);
        assertEquals(Kind.CANCELLED, e.kind());
        assertEquals("Report server " + server.chatUrl() + ": cancelled after 17 characters", e.getMessage());
        assertTrue(millis < HANG_MILLIS, "stopped " + millis + " ms after the cancel");
    }

    @Test
    void listsTheModelsTheServerOffers() throws Exception {
        server.on("/v1/models", ex -> json(ex, 200, """
                {"object":"list","data":[{"id":"llava:13b","object":"model","owned_by":"library"},
                 {"id":"qwen2.5vl:7b","object":"model","owned_by":"library"}]}"""));
        try (ChatClient client = new ChatClient(config().withApiKey("k"))) {
            assertEquals(List.of("llava:13b", "qwen2.5vl:7b"), client.listModels(new Cancellation()));
        }
        FakeChatServer.Received r = server.received().get(0);
        assertEquals("GET", r.method());
        assertEquals("/v1/models", r.path());
        assertEquals("Bearer k", r.header("Authorization"));
    }

    @Test
    void modelListWithoutDataIsMalformed() {
        server.on("/v1/models", ex -> json(ex, 200, "{\"models\":[]}"));
        ReportServerException e = assertThrows(ReportServerException.class, () -> {
            try (ChatClient client = new ChatClient(config())) {
                client.listModels(new Cancellation());
            }
        });
        assertEquals("Report server " + server.baseUrl() + "/v1/models: model list has no data array (got '{\"models\":[]}')",
                e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
