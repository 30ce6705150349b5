package dev.attest.reports.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportServerConfigTest {

    @Test
    void acceptsTheServerRootWithOrWithoutV1AndTrailingSlashes() {
        for (String typed : new String[] {"http://127.0.0.1:11434", "http://127.0.0.1:11434/", "http://127.0.0.1:11434/v1",
                " http://127.0.0.1:11434/v1/ "}) {
            ReportServerConfig c = ReportServerConfig.of(typed, "llava");
            assertEquals(URI.create("http://127.0.0.1:11434"), c.baseUrl(), typed);
            assertEquals(URI.create("http://127.0.0.1:11434/v1/chat/completions"), c.chatCompletionsUrl());
            assertEquals(URI.create("http://127.0.0.1:11434/v1/models"), c.modelsUrl());
        }
    }

    @Test
    void keepsAPathPrefixBehindAReverseProxy() {
        ReportServerConfig c = ReportServerConfig.of("https://gpu-box.local/llm/v1", "m");
        assertEquals(URI.create("https://gpu-box.local/llm/v1/chat/completions"), c.chatCompletionsUrl());
    }

    @Test
    void refusesUrlsAUserCanFixWithAMessageSayingHow() {
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> ReportServerConfig.of("127.0.0.1:8080", "m"));
        assertEquals("report server URL '127.0.0.1:8080' needs http:// or https:// in front, e.g. http://127.0.0.1:8080",
                noScheme.getMessage());
        IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
                () -> ReportServerConfig.of("ftp://127.0.0.1", "m"));
        assertEquals("report server URL 'ftp://127.0.0.1' must be an absolute http:// or https:// URL with a host,"
                + " e.g. http://127.0.0.1:8080", ftp.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ReportServerConfig.of(" ", "m"));
        assertEquals("report server URL is empty; expected e.g. http://127.0.0.1:8080", empty.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ReportServerConfig.of("http://host name:80", "m"));
        assertEquals("report server URL 'http://host name:80' is not a valid URL: Illegal character in authority;"
                + " expected e.g. http://127.0.0.1:8080", bad.getMessage());
    }

    @Test
    void refusesNonPositiveTimeoutsAndOutOfRangeSampling() {
        ReportServerConfig c = ReportServerConfig.of("http://127.0.0.1:8080", "m");
        assertThrows(IllegalArgumentException.class, () -> c.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> c.withSampling(-0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> c.withSampling(0.1, 0));
    }

    @Test
    void neverShowsTheApiKey() {
        String text = ReportServerConfig.of("http://127.0.0.1:8080", "m").withApiKey("sk-secret").toString();
        assertEquals(-1, text.indexOf("sk-secret"), text);
    }
}
