package dev.attest.reports.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the local OpenAI-compatible report server is and how Attest talks to it: the server root,
 * the model name, an optional API key, the three timeouts and the sampling settings.
 *
 * <p>The base URL is the server root, such as {@code http://127.0.0.1:8080}; Attest appends
 * {@code /v1/chat/completions} and {@code /v1/models}. A trailing {@code /v1} (the form the
 * OpenAI client libraries ask for) is accepted and dropped, so either spelling a user copies from a
 * server's documentation works.
 *
 * <p>Timeouts: {@code connectTimeout} bounds opening the TCP connection. {@code requestTimeout}
 * bounds a whole non-streaming request, and for a streaming one the wait until the first bytes of
 * the reply (prompt and image processing happen there). {@code idleTimeout} bounds the silence
 * between two pieces of a stream, so a server that stalls mid-report fails promptly while a long
 * report that keeps arriving is never cut off.
 *
 * @param baseUrl the server root, http or https, without {@code /v1}
 * @param model the model name sent in each request (llama.cpp ignores it; vLLM and Ollama need it)
 * @param apiKey sent as {@code Authorization: Bearer ...} when not blank; null or blank sends none
 * @param temperature sampling temperature, 0 for the most repeatable report
 * @param maxTokens the most tokens the reply may have
 */
public record ReportServerConfig(URI baseUrl, String model, String apiKey, Duration connectTimeout,
                                 Duration requestTimeout, Duration idleTimeout, double temperature, int maxTokens) {

    /** A llama.cpp server on its default port. */
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Generous because a multimodal model on a CPU can take minutes to read several images. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public ReportServerConfig {
        baseUrl = normaliseBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl"));
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
    }

    /** A configuration with the default timeouts and sampling for a server root and model name. */
    public static ReportServerConfig of(String baseUrl, String model) {
        return new ReportServerConfig(parseBaseUrl(baseUrl), model, null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS);
    }

    public ReportServerConfig withApiKey(String key) {
        return new ReportServerConfig(baseUrl, model, key, connectTimeout, requestTimeout, idleTimeout, temperature, maxTokens);
    }

    public ReportServerConfig withModel(String name) {
        return new ReportServerConfig(baseUrl, name, apiKey, connectTimeout, requestTimeout, idleTimeout, temperature, maxTokens);
    }

    public ReportServerConfig withTimeouts(Duration connect, Duration request, Duration idle) {
        return new ReportServerConfig(baseUrl, model, apiKey, connect, request, idle, temperature, maxTokens);
    }

    public ReportServerConfig withSampling(double newTemperature, int newMaxTokens) {
        return new ReportServerConfig(baseUrl, model, apiKey, connectTimeout, requestTimeout, idleTimeout,
                newTemperature, newMaxTokens);
    }

    /** The chat endpoint, {@code {baseUrl}/v1/chat/completions}. */
    public URI chatCompletionsUrl() {
        return endpoint("/v1/chat/completions");
    }

    /** The model list endpoint, {@code {baseUrl}/v1/models}. */
    public URI modelsUrl() {
        return endpoint("/v1/models");
    }

    /**
     * Parses a base URL typed by a user, saying what is wrong with it in terms they can fix.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public static URI parseBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("report server URL is empty; expected e.g. " + DEFAULT_BASE_URL);
        }
        if (!text.contains("://")) {
            throw new IllegalArgumentException("report server URL '" + text.strip() + "' needs http:// or https:// in front,"
                    + " e.g. " + DEFAULT_BASE_URL);
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("report server URL '" + text.strip() + "' is not a valid URL: "
                    + e.getReason() + "; expected e.g. " + DEFAULT_BASE_URL, e);
        }
    }

    /** The key never appears in logs or error reports that include the configuration. */
    @Override
    public String toString() {
        return "ReportServerConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", idleTimeout="
                + idleTimeout + ", temperature=" + temperature + ", maxTokens=" + maxTokens + "]";
    }

    private URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    private static URI normaliseBaseUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("report server URL '" + uri + "' must be an absolute http:// or https:// URL"
                    + " with a host, e.g. " + DEFAULT_BASE_URL);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("report server URL '" + uri + "' must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - "/v1".length());
        }
        String text = uri.toString();
        String root = text.substring(0, text.length() - (uri.getRawPath() == null ? 0 : uri.getRawPath().length()));
        return URI.create(root + path);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
