package dev.garden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.garden.auth.GardenAuth;
import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.store.CreatedKey;
import dev.garden.identity.store.IdentityCache;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server with Google-style authentication over a real (embedded) identity store: the token endpoint as the
 * client libraries call it, 401s and 403s in Google's shape, revocation taking effect.
 */
class AuthenticatedServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECT = "test-project";
    static final String BODY = "{\"model\":\"scripted/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}";

    @TempDir
    static Path home;

    static IdentityStore store;
    static IdentityCache view;
    static GardenServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static CreatedKey user;
    static CreatedKey outsider;

    @BeforeAll
    static void start() {
        store = IdentityStore.open(IdentityStoreConfig.embedded(home));
        store.ensureSigningKey();
        store.createProject(PROJECT, "Test");
        store.createProject("other-project", "Other");
        store.createServiceAccount(PROJECT, "caller", "Caller");
        store.createServiceAccount("other-project", "outsider", "Outsider");
        user = store.createKey("caller@" + PROJECT + ".iam.gserviceaccount.com");
        outsider = store.createKey("outsider@other-project.iam.gserviceaccount.com");
        store.addIamBinding(PROJECT, Member.serviceAccount(user.account().email()), Role.USER);
        view = IdentityCache.start(store, Duration.ofMillis(50));
        server = TestServers.builder(new ScriptedRegistry())
                .auth(GardenAuth.builder().identityView(view).revocations(store).build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        view.close();
        store.close();
    }

    @Test
    void chat_withoutCredentials_is401CredentialsMissingWithABearerChallenge() throws Exception {
        HttpResponse<String> response = chat(null, PROJECT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"garden\"");
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("details").get(0).path("reason").asText()).isEqualTo("CREDENTIALS_MISSING");
        assertThat(error.path("details").get(0).path("@type").asText())
                .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    }

    @Test
    void chat_withGarbageToken_is401InvalidToken() throws Exception {
        HttpResponse<String> response = chat("not-a-token", PROJECT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void chat_withTokenFromTheTokenEndpoint_isServed() throws Exception {
        String token = exchange(user);

        HttpResponse<String> response = chat(token, PROJECT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("hi there");
    }

    @Test
    void chat_onAProjectWithoutARole_is403NamingThePermission() throws Exception {
        HttpResponse<String> response = chat(exchange(outsider), PROJECT);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.path("message").asText()).contains("aiplatform.endpoints.predict")
                .contains("projects/" + PROJECT + "/locations/us-central1/endpoints/openapi");
        assertThat(error.path("details").get(0).path("reason").asText()).isEqualTo("IAM_PERMISSION_DENIED");
    }

    @Test
    void chat_afterTheTokenIsRevoked_is401() throws Exception {
        String token = exchange(user);
        assertThat(chat(token, PROJECT).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = post("/revoke", "token=" + token);
        assertThat(revoked.statusCode()).isEqualTo(200);
        view.awaitVersion(store.version(), Duration.ofSeconds(10));

        HttpResponse<String> response = chat(token, PROJECT);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").path("details").get(0).path("reason").asText())
                .isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void token_answersLikeGoogle_integerExpiresInAndNoCaching() throws Exception {
        HttpResponse<String> response = post("/token", form(assertion(user)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(body.path("expires_in").asInt()).isBetween(3500, 3600);
    }

    @Test
    void token_forgedAssertion_isInvalidGrantAsRfc6749Shapes() throws Exception {
        String forged = assertion(user).replaceFirst("\\.[^.]+$", ".AAAA");

        HttpResponse<String> response = post("/token", form(forged));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(body.path("error_description").asText()).isEqualTo("Invalid JWT Signature.");
    }

    @Test
    void token_repeatedParameter_isInvalidRequest() throws Exception {
        HttpResponse<String> response = post("/token", form(assertion(user)) + "&grant_type=refresh_token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void token_jsonInsteadOfForm_isInvalidRequest() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void token_get_isMethodNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    static String exchange(CreatedKey key) throws Exception {
        HttpResponse<String> response = post("/token", form(assertion(key)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** An assertion as google-auth-library-java builds it: kid present, aud Google's token URI. */
    static String assertion(CreatedKey key) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(key.account().email())
                .audience("https://oauth2.googleapis.com/token")
                .claim("scope", "https://www.googleapis.com/auth/cloud-platform")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.key().keyId()).build(),
                claims);
        jwt.sign(new RSASSASigner(privateKey(key.privateKeyPkcs8Pem())));
        return jwt.serialize();
    }

    static PrivateKey privateKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String form(String assertion) {
        return "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion;
    }

    static HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> chat(String token, String project) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        uri("/v1/projects/" + project + "/locations/us-central1/endpoints/openapi/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
