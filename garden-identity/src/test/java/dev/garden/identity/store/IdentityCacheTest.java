package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityCacheTest extends StoreTestBase {
    private static final Duration NEVER = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROBOT = "robot-1@my-project.iam.gserviceaccount.com";

    private CreatedKey key;
    private IssuedRefreshToken refreshToken;

    @BeforeEach
    void fillStore() {
        store.createProject("my-project", "");
        store.createServiceAccount("my-project", "robot-1", "Robot");
        key = store.createKey(ROBOT);
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("cli").client().clientId();
        refreshToken = store.issueRefreshToken("ada@example.com", clientId);
        store.addIamBinding("my-project", Member.serviceAccount(ROBOT), Role.USER);
        store.addIamBinding("my-project", Member.serviceAccount(ROBOT), Role.VIEWER);
        store.addIamBinding("my-project", Member.user("ada@example.com"), Role.ADMIN);
        store.ensureSigningKey();
        store.revokeAccessToken("token-1", clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void start_filledStore_viewAnswersEverythingFromTheSnapshot() {
        IdentityCache cache = cache(store, NEVER);

        assertThat(cache.version()).isEqualTo(store.version());
        assertThat(cache.projectExists("my-project")).isTrue();
        assertThat(cache.projectExists("other-project")).isFalse();
        assertThat(cache.serviceAccount(ROBOT.toUpperCase())).isEqualTo(store.serviceAccount(ROBOT));
        assertThat(cache.keys(ROBOT)).singleElement().satisfies(cached -> {
            assertThat(cached.keyId()).isEqualTo(key.key().keyId());
            assertThat(cached.publicKey()).isEqualTo(key.key().publicKey());
        });
        assertThat(cache.key(key.key().keyId())).isPresent();
        assertThat(cache.keys("nobody@example.com")).isEmpty();
        assertThat(cache.user("Ada@Example.com")).isEqualTo(store.user("ada@example.com"));
        assertThat(cache.oauthClient(refreshToken.token().clientId())).isPresent();
        assertThat(cache.refreshToken(refreshToken.token().id())).contains(refreshToken.token());
        assertThat(cache.refreshTokenBySha256(Secrets.sha256Hex(refreshToken.value()))).contains(refreshToken.token());
        assertThat(cache.roles("my-project", Member.serviceAccount(ROBOT))).isEqualTo(Set.of(Role.USER, Role.VIEWER));
        assertThat(cache.roles("my-project", Member.user("ada@example.com"))).containsExactly(Role.ADMIN);
        assertThat(cache.roles("other-project", Member.user("ada@example.com"))).isEmpty();
        assertThat(cache.signingKeys()).singleElement().extracting(SigningKey::active).isEqualTo(true);
        assertThat(cache.isAccessTokenRevoked("token-1")).isTrue();
        assertThat(cache.isAccessTokenRevoked("token-2")).isFalse();
        assertThat(cache.freshAsOf()).isEqualTo(clock.instant());
    }

    @Test
    void reads_afterTheDatabaseIsClosed_stillAnswer() {
        IdentityCache cache = cache(store, NEVER);

        store.close();

        assertThat(cache.serviceAccount(ROBOT)).isPresent();
        assertThat(cache.roles("my-project", Member.serviceAccount(ROBOT))).contains(Role.USER);
    }

    @Test
    void refreshNow_afterAnotherProcessWrote_seesTheChange() {
        IdentityCache cache = cache(store, NEVER);
        open(2).disableServiceAccount(ROBOT);

        assertThat(cache.serviceAccount(ROBOT).orElseThrow().disabled()).as("not polled yet").isFalse();
        cache.refreshNow();

        assertThat(cache.serviceAccount(ROBOT).orElseThrow().disabled()).isTrue();
    }

    @Test
    void poll_twoInstancesOverOneDatabase_changesThroughOneShowOnTheOther() throws InterruptedException {
        IdentityStore instanceA = store;
        IdentityStore instanceB = open(2);
        cache(instanceA, NEVER);
        IdentityCache cacheB = cache(instanceB, Duration.ofMillis(20));

        instanceA.revokeAccessToken("token-2", clock.instant().plus(Duration.ofHours(1)));
        instanceA.disableServiceAccount(ROBOT);
        instanceA.disableKey(key.key().keyId());
        instanceA.addIamBinding("my-project", Member.user("ada@example.com"), Role.USER);
        instanceA.removeIamBinding("my-project", Member.serviceAccount(ROBOT), Role.VIEWER);
        instanceA.revokeRefreshToken(refreshToken.token().id());
        SigningKey rotated = instanceA.rotateSigningKey(Duration.ofHours(1));

        assertThat(cacheB.awaitVersion(instanceA.version(), WAIT)).isTrue();
        assertThat(cacheB.isAccessTokenRevoked("token-2")).isTrue();
        assertThat(cacheB.serviceAccount(ROBOT).orElseThrow().disabled()).isTrue();
        assertThat(cacheB.key(key.key().keyId()).orElseThrow().disabled()).isTrue();
        assertThat(cacheB.roles("my-project", Member.user("ada@example.com"))).isEqualTo(Set.of(Role.ADMIN,
                Role.USER));
        assertThat(cacheB.roles("my-project", Member.serviceAccount(ROBOT))).containsExactly(Role.USER);
        assertThat(cacheB.refreshToken(refreshToken.token().id()).orElseThrow().revoked()).isTrue();
        assertThat(cacheB.signingKeys()).extracting(SigningKey::id).first().isEqualTo(rotated.id());
    }

    @Test
    void write_throughTheCachesOwnStore_isPickedUpWithoutWaitingForThePoll() throws InterruptedException {
        IdentityCache cache = cache(store, NEVER);

        store.revokeAccessToken("token-2", clock.instant().plus(Duration.ofHours(1)));

        assertThat(cache.awaitVersion(store.version(), WAIT)).isTrue();
        assertThat(cache.isAccessTokenRevoked("token-2")).isTrue();
    }

    @Test
    void awaitVersion_notReached_returnsFalseAfterTheTimeout() throws InterruptedException {
        IdentityCache cache = cache(store, NEVER);

        assertThat(cache.awaitVersion(cache.version() + 1, Duration.ofMillis(50))).isFalse();
        assertThat(cache.awaitVersion(cache.version(), Duration.ZERO)).isTrue();
    }

    @Test
    void freshAsOf_pollWithoutChanges_advances() {
        IdentityCache cache = cache(store, NEVER);
        clock.advance(Duration.ofSeconds(5));

        cache.refreshNow();

        assertThat(cache.freshAsOf()).isEqualTo(clock.instant());
    }

    @Test
    void reload_keysUnchanged_reusesTheDecodedPublicKeys() {
        IdentityCache cache = cache(store, NEVER);
        var before = cache.key(key.key().keyId()).orElseThrow().publicKey();

        open(2).disableServiceAccount(ROBOT);
        cache.refreshNow();

        assertThat(cache.serviceAccount(ROBOT).orElseThrow().disabled()).isTrue();
        assertThat(cache.key(key.key().keyId()).orElseThrow().publicKey()).isSameAs(before);
    }

    @Test
    void close_stopsFollowingTheStore() throws InterruptedException {
        IdentityCache cache = cache(store, Duration.ofMillis(10));
        long version = cache.version();

        cache.close();
        store.createProject("later-project", "");

        assertThat(cache.awaitVersion(version + 1, Duration.ofMillis(200))).isFalse();
        assertThat(cache.projectExists("later-project")).isFalse();
    }

    @Test
    void start_snapshotTimes_haveTheStoresMicrosecondPrecision() {
        IdentityCache cache = cache(store, NEVER);

        assertThat(cache.serviceAccount(ROBOT).orElseThrow().createTime())
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
