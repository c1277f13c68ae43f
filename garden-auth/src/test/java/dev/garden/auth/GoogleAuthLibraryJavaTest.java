package dev.garden.auth;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockHttpTransport;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.garden.auth.AuthFixture.ALICE;
import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN;
import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEYS;
import static dev.garden.auth.AuthFixture.BOT_KEY_ID;
import static dev.garden.auth.AuthFixture.CLIENT_ID;
import static dev.garden.auth.AuthFixture.CLIENT_SECRET;
import static dev.garden.auth.AuthFixture.CLOUD_PLATFORM;
import static dev.garden.auth.AuthFixture.TOKEN_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real google-auth-library-java, reading Garden-style credentials files, with its HTTP transport wired to the
 * token endpoint in process: what it sends is what Garden must accept, what Garden answers is what it must parse
 * ({@code expires_in} as a JSON integer, errors as RFC 6749's pair). The library reads the system clock, so the
 * world's clock starts at the real time here.
 */
class GoogleAuthLibraryJavaTest {
    private static final String CHAT_URL = "https://garden.example.com/v1/projects/garden-proj/locations/us-central1"
            + "/endpoints/openapi/chat/completions";

    private final AuthFixture world = new AuthFixture(Instant.now());
    private final List<String> requestedUrls = new ArrayList<>();

    @Test
    void serviceAccount_refresh_postsAnAssertionToTheKeyFilesTokenUri_andGetsAWorkingToken() throws IOException {
        ServiceAccountCredentials credentials = (ServiceAccountCredentials) ServiceAccountCredentials
                .fromStream(serviceAccountKeyFile(BOT_KEYS), this::transport).createScoped(CLOUD_PLATFORM);

        AccessToken token = credentials.refreshAccessToken();

        assertThat(requestedUrls).containsExactly(TOKEN_URI);
        assertThat(token.getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(60)));
        assertThat(world.authenticate(token.getTokenValue())).isEqualTo(new Principal(Member.serviceAccount(BOT),
                Principal.Via.ACCESS_TOKEN_FROM_KEY, BOT_KEY_ID));
    }

    @Test
    void serviceAccount_assertion_isWhatVertexNotesSay() throws Exception {
        List<String> assertions = new ArrayList<>();
        ServiceAccountCredentials credentials = (ServiceAccountCredentials) ServiceAccountCredentials
                .fromStream(serviceAccountKeyFile(BOT_KEYS), () -> transport(assertions)).createScoped(CLOUD_PLATFORM);

        credentials.refreshAccessToken();

        SignedJWT assertion = SignedJWT.parse(assertions.getFirst());
        assertThat(assertion.getHeader().getKeyID()).isEqualTo(BOT_KEY_ID);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(GardenAuth.GOOGLE_TOKEN_URI);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isNull();
        assertThat(assertion.getJWTClaimsSet().getStringClaim("scope")).isEqualTo(CLOUD_PLATFORM);
    }

    @Test
    void serviceAccount_disabledKey_failsWithGooglesInvalidGrant() throws IOException {
        world.view.setKeyDisabled(BOT_KEY_ID, true);
        ServiceAccountCredentials credentials = (ServiceAccountCredentials) ServiceAccountCredentials
                .fromStream(serviceAccountKeyFile(BOT_KEYS), this::transport).createScoped(CLOUD_PLATFORM);

        assertThatThrownBy(credentials::refreshAccessToken).isInstanceOf(IOException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("Invalid JWT Signature.");
    }

    @Test
    void serviceAccount_selfSignedJwtForAUrl_isAccepted() throws IOException {
        ServiceAccountCredentials credentials = ServiceAccountCredentials.fromStream(serviceAccountKeyFile(BOT_KEYS),
                this::transport);

        String authorization = credentials.getRequestMetadata(URI.create(CHAT_URL)).get("Authorization").getFirst();

        assertThat(requestedUrls).isEmpty();
        assertThat(claims(authorization)).containsEntry("aud", "https://garden.example.com/");
        assertThat(world.auth.requestAuthenticator().authenticate(Optional.of(authorization), AuthFixture.METHOD))
                .isEqualTo(new Principal(Member.serviceAccount(BOT), Principal.Via.SELF_SIGNED_JWT, BOT_KEY_ID));
    }

    @Test
    void serviceAccount_selfSignedJwtWithScope_isAccepted() throws IOException {
        ServiceAccountCredentials credentials = ((ServiceAccountCredentials) ServiceAccountCredentials
                .fromStream(serviceAccountKeyFile(BOT_KEYS), this::transport).createScoped(CLOUD_PLATFORM))
                .createWithUseJwtAccessWithScope(true);

        String authorization = credentials.getRequestMetadata(URI.create(CHAT_URL)).get("Authorization").getFirst();

        assertThat(requestedUrls).isEmpty();
        assertThat(claims(authorization)).containsEntry("scope", CLOUD_PLATFORM).doesNotContainKey("aud");
        assertThat(world.auth.requestAuthenticator().authenticate(Optional.of(authorization), AuthFixture.METHOD)
                .email()).isEqualTo(BOT);
    }

    @Test
    void authorizedUser_refresh_getsAWorkingUserToken() throws IOException {
        UserCredentials credentials = UserCredentials.fromStream(authorizedUserFile(), this::transport);

        AccessToken token = credentials.refreshAccessToken();

        assertThat(requestedUrls).containsExactly(TOKEN_URI);
        assertThat(world.authenticate(token.getTokenValue()).member()).isEqualTo(Member.user(ALICE));
    }

    @Test
    void authorizedUser_revokedRefreshToken_failsWithGooglesDescription() throws IOException {
        world.view.revokeRefreshToken(AuthFixture.ALICE_REFRESH_TOKEN_ID);
        UserCredentials credentials = UserCredentials.fromStream(authorizedUserFile(), this::transport);

        assertThatThrownBy(credentials::refreshAccessToken).isInstanceOf(IOException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("Token has been expired or revoked.");
    }

    // ---- credentials files as Garden would hand them out

    private static ByteArrayInputStream serviceAccountKeyFile(KeyPair keys) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "service_account");
        file.put("project_id", AuthFixture.PROJECT);
        file.put("private_key_id", BOT_KEY_ID);
        file.put("private_key", pem);
        file.put("client_email", BOT);
        file.put("client_id", "100000000000000000001");
        file.put("auth_uri", "https://garden.example.com/auth");
        file.put("token_uri", TOKEN_URI);
        file.put("universe_domain", "googleapis.com");
        return new ByteArrayInputStream(JSONObjectUtils.toJSONString(file).getBytes(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream authorizedUserFile() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "authorized_user");
        file.put("client_id", CLIENT_ID);
        file.put("client_secret", CLIENT_SECRET);
        file.put("refresh_token", ALICE_REFRESH_TOKEN);
        file.put("token_uri", TOKEN_URI);
        return new ByteArrayInputStream(JSONObjectUtils.toJSONString(file).getBytes(StandardCharsets.UTF_8));
    }

    // ---- the library's HTTP, answered by the token endpoint

    private MockHttpTransport transport() {
        return transport(new ArrayList<>());
    }

    private MockHttpTransport transport(List<String> assertions) {
        return new MockHttpTransport() {
            @Override
            public LowLevelHttpRequest buildRequest(String method, String url) {
                requestedUrls.add(url);
                return new MockLowLevelHttpRequest(url) {
                    @Override
                    public LowLevelHttpResponse execute() throws IOException {
                        Map<String, String> form = parseForm(getContentAsString());
                        if (form.containsKey("assertion")) {
                            assertions.add(form.get("assertion"));
                        }
                        OAuthResponse response = world.auth.tokenEndpoint().token(form);
                        return new MockLowLevelHttpResponse().setStatusCode(response.httpStatus())
                                .setContentType("application/json; charset=utf-8")
                                .setContent(JSONObjectUtils.toJSONString(response.body()));
                    }
                };
            }
        };
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static Map<String, Object> claims(String authorization) {
        try {
            return SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet().toJSONObject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
