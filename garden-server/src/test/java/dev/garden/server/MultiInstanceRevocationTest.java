package dev.garden.server;

import dev.garden.auth.GardenAuth;
import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.store.CreatedKey;
import dev.garden.identity.store.IdentityCache;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import dev.garden.identity.store.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Garden instances over one real PostgreSQL, as a deployment behind a load balancer runs them: a token issued by
 * one is good at the other, and a token revoked (or a key disabled) through one stops working at the other within
 * its next poll of the store.
 */
@ExtendWith(PostgresExtension.class)
class MultiInstanceRevocationTest {
    static final String PROJECT = "shared-project";
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration PROPAGATION = Duration.ofSeconds(20);

    final HttpClient http = HttpClient.newHttpClient();
    Instance first;
    Instance second;
    CreatedKey key;

    /** One Garden: its own connection pool, its own in-memory view, its own server. */
    record Instance(IdentityStore store, IdentityCache view, GardenServer server) implements AutoCloseable {
        static Instance start(IdentityStoreConfig config) {
            IdentityStore store = IdentityStore.open(config);
            store.ensureSigningKey();
            IdentityCache view = IdentityCache.start(store, POLL);
            GardenServer server = TestServers.builder(new ScriptedRegistry())
                    .auth(GardenAuth.builder().identityView(view).revocations(store).build())
                    .build().start();
            return new Instance(store, view, server);
        }

        /** Waits until this instance's view has caught up with everything written to the shared store so far. */
        void catchUp(IdentityStore writer) throws InterruptedException {
            view.awaitVersion(writer.version(), PROPAGATION);
        }

        @Override
        public void close() {
            server.stop();
            view.close();
            store.close();
        }
    }

    @BeforeEach
    void start(PostgresExtension.Postgres postgres) throws InterruptedException {
        IdentityStoreConfig database = postgres.newDatabase();
        first = Instance.start(database);
        second = Instance.start(database);
        first.store().createProject(PROJECT, "Shared");
        first.store().createServiceAccount(PROJECT, "shared-caller", "Caller");
        key = first.store().createKey("shared-caller@" + PROJECT + ".iam.gserviceaccount.com");
        first.store().addIamBinding(PROJECT, Member.serviceAccount(key.account().email()), Role.USER);
        first.catchUp(first.store());
        second.catchUp(first.store());
    }

    @AfterEach
    void stop() {
        second.close();
        first.close();
    }

    @Test
    void tokenFromOneInstance_isGoodAtTheOther_untilRevokedThroughTheFirst() throws Exception {
        String token = exchange(first);
        assertThat(chat(second, token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = post(first, "/revoke", "token=" + token);
        assertThat(revoked.statusCode()).isEqualTo(200);
        second.catchUp(first.store());

        assertThat(chat(second, token).statusCode()).isEqualTo(401);
        assertThat(chat(first, token).statusCode()).isEqualTo(401);
    }

    @Test
    void keyDisabledThroughOneInstance_stopsItsTokensAtTheOther() throws Exception {
        String token = exchange(second);
        assertThat(chat(first, token).statusCode()).isEqualTo(200);

        first.store().disableKey(key.key().keyId());
        second.catchUp(first.store());

        assertThat(chat(second, token).statusCode()).isEqualTo(401);
        assertThat(post(second, "/token", AuthenticatedServerTest.form(AuthenticatedServerTest.assertion(key)))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void bindingRemovedThroughOneInstance_isPermissionDeniedAtTheOther() throws Exception {
        String token = exchange(first);
        assertThat(chat(second, token).statusCode()).isEqualTo(200);

        first.store().removeIamBinding(PROJECT, Member.serviceAccount(key.account().email()), Role.USER);
        second.catchUp(first.store());

        assertThat(chat(second, token).statusCode()).isEqualTo(403);
    }

    String exchange(Instance instance) throws Exception {
        HttpResponse<String> response = post(instance, "/token",
                AuthenticatedServerTest.form(AuthenticatedServerTest.assertion(key)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AuthenticatedServerTest.JSON.readTree(response.body()).path("access_token").asText();
    }

    HttpResponse<String> post(Instance instance, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> chat(Instance instance, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(
                        uri(instance, "/v1/projects/" + PROJECT + "/locations/us-central1/endpoints/openapi/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(AuthenticatedServerTest.BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(Instance instance, String path) {
        return URI.create("http://127.0.0.1:" + instance.server().port() + path);
    }
}
