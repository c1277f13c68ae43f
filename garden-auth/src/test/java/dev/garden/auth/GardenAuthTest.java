package dev.garden.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration: what is required, what is refused, and the audience rules it sets up. */
class GardenAuthTest {

    @Test
    void build_withoutIdentityViewOrRevocations_fails() {
        FakeIdentityView view = new FakeIdentityView();

        assertThatThrownBy(() -> GardenAuth.builder().revocations(view).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("identityView");
        assertThatThrownBy(() -> GardenAuth.builder().identityView(view).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revocations");
    }

    @Test
    void accessTokenLifetime_outsideFiveMinutesToTwelveHours_isRefused() {
        assertThatThrownBy(() -> GardenAuth.builder().accessTokenLifetime(Duration.ofMinutes(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GardenAuth.builder().accessTokenLifetime(Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
        GardenAuth.builder().accessTokenLifetime(Duration.ofHours(12));
    }

    @Test
    void serviceUrl_malformed_isRefusedAtConfiguration() {
        assertThatThrownBy(() -> GardenAuth.builder().serviceUrl("garden.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GardenAuth.builder().serviceUrl("https://garden.*.example.com/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GardenAuth.builder().serviceUrls(Set.of("https://**.example.com/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void audiences_serviceUrlWithPort_acceptsThatPortOrNone_asJavaDropsIt() {
        Audiences audiences = new Audiences(Set.of(), Set.of("http://localhost:8080"));

        assertThat(audiences.acceptsService("http://localhost:8080/")).isTrue();
        assertThat(audiences.acceptsService("http://localhost/")).isTrue();
        assertThat(audiences.acceptsService("http://localhost:9090/")).isFalse();
        assertThat(audiences.acceptsService("https://localhost:8080/")).isFalse();
        assertThat(audiences.acceptsService("http://localhost:8080/v1/projects")).isFalse();
        assertThat(audiences.acceptsService("http://user@localhost:8080/")).isFalse();
        assertThat(audiences.acceptsService("http://localhost:8080/?q")).isFalse();
        assertThat(audiences.acceptsService("not a uri")).isFalse();
    }

    @Test
    void audiences_wildcardHost_matchesOneLabelPrefixOnly() {
        Audiences audiences = new Audiences(Set.of(), Set.of(GardenAuth.VERTEX_REGIONAL_SERVICE_URLS,
                "https://*.garden.example.com/"));

        assertThat(audiences.acceptsService("https://asia-east1-aiplatform.googleapis.com/")).isTrue();
        assertThat(audiences.acceptsService("https://aiplatform.googleapis.com/")).isFalse();
        assertThat(audiences.acceptsService("https://eu.garden.example.com/")).isTrue();
        assertThat(audiences.acceptsService("https://a.eu.garden.example.com/")).isFalse();
        assertThat(audiences.acceptsService("https://garden.example.com/")).isFalse();
    }

    @Test
    void audiences_tokenUri_ignoresOnlyATrailingSlash() {
        Audiences audiences = new Audiences(Set.of("https://garden.example.com/token"), Set.of());

        assertThat(audiences.acceptsTokenUri("https://garden.example.com/token/")).isTrue();
        assertThat(audiences.acceptsTokenUri("https://garden.example.com/token")).isTrue();
        assertThat(audiences.acceptsTokenUri("https://garden.example.com/Token")).isFalse();
        assertThat(audiences.acceptsTokenUri("https://garden.example.com/")).isFalse();
    }

    @Test
    void tokenUris_replaced_dropsGooglesDefaults() {
        AuthFixture world = new AuthFixture(AuthFixture.START, GardenAuth.builder().tokenUris(Set.of()));

        assertThat(world.jwtBearer(world.javaAssertion().sign(AuthFixture.BOT_KEYS.getPrivate())).httpStatus())
                .isEqualTo(400);
        assertThat(world.jwtBearer(world.python151Assertion().sign(AuthFixture.BOT_KEYS.getPrivate())).httpStatus())
                .isEqualTo(200);
    }

    @Test
    void signingKeys_noneActive_failsToIssueButStillVerifies() {
        AuthFixture world = new AuthFixture();
        String token = world.botAccessToken();
        world.view.removeSigningKey("sk1");
        world.view.addSigningKey(new dev.garden.identity.SigningKey("sk1",
                AuthFixture.signingKey("sk1", AuthFixture.START).secret(), AuthFixture.START, false));

        assertThat(world.authenticate(token).email()).isEqualTo(AuthFixture.BOT);
        assertThatThrownBy(world::botAccessToken).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no active signing key");
    }
}
