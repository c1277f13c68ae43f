package dev.garden.server;

import dev.garden.core.IdGenerator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Servers for tests: an ephemeral port, a fixed clock and sequential ids, so answers are reproducible. */
final class TestServers {
    static final long CREATED = 1_700_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC);
    /** Where the OpenAI SDKs' {@code base_url} points. */
    static final String OPENAPI_PATH = "/v1/projects/test-project/locations/us-central1/endpoints/openapi";
    static final String CHAT_PATH = OPENAPI_PATH + "/chat/completions";

    private TestServers() {
    }

    static GardenServer.Builder builder(ScriptedRegistry registry) {
        return GardenServer.builder()
                .port(0)
                .registry(registry)
                .clock(CLOCK)
                .ids(IdGenerator.sequential());
    }

    static GardenServer start(ScriptedRegistry registry) {
        return builder(registry).build().start();
    }
}
