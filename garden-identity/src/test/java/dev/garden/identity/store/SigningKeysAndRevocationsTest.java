package dev.garden.identity.store;

import dev.garden.identity.SigningKey;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SigningKeysAndRevocationsTest extends StoreTestBase {

    @Test
    void ensureSigningKey_emptyStore_makesOneActive32ByteKey() {
        SigningKey key = store.ensureSigningKey();

        assertThat(key.active()).isTrue();
        assertThat(key.secret()).hasSize(32);
        assertThat(key.id()).matches("[0-9a-f]{16}");
        assertThat(store.signingKeys()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(key.id());
            assertThat(stored.secret()).isEqualTo(key.secret());
        });
    }

    @Test
    void ensureSigningKey_again_returnsTheSameKeyWithoutWriting() {
        SigningKey first = store.ensureSigningKey();
        long version = store.version();

        SigningKey second = open(2).ensureSigningKey();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.version()).isEqualTo(version);
    }

    @Test
    void rotateSigningKey_keepsTheOldKeyForChecking_purgeRemovesItAfterItsTokensExpire() {
        SigningKey old = store.ensureSigningKey();
        clock.advance(Duration.ofMinutes(1));

        SigningKey rotated = store.rotateSigningKey(Duration.ofHours(1));

        assertThat(rotated.id()).isNotEqualTo(old.id());
        assertThat(store.signingKeys()).extracting(SigningKey::id, SigningKey::active)
                .containsExactly(tuple(rotated.id(), true),
                        tuple(old.id(), false));
        assertThat(store.ensureSigningKey().id()).isEqualTo(rotated.id());

        clock.advance(Duration.ofMinutes(59));
        assertThat(store.purgeExpired()).isZero();
        assertThat(store.signingKeys()).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(store.signingKeys()).extracting(SigningKey::id).containsExactly(rotated.id());
    }

    @Test
    void rotateSigningKey_noKeyYet_makesTheFirst() {
        assertThat(store.rotateSigningKey(Duration.ofHours(1)).active()).isTrue();
        assertThat(store.signingKeys()).hasSize(1);
    }

    @Test
    void revokeAccessToken_untilExpiry_purgedOnlyAfterExpiry() throws Exception {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(30));
        store.revokeAccessToken("token-1", expiry);
        store.revokeAccessToken("token-2", expiry.plus(Duration.ofMinutes(30)));

        assertThat(revoked()).isEqualTo(2);
        long version = store.version();
        assertThat(store.purgeExpired()).isZero();
        assertThat(store.version()).as("a purge with nothing to do writes nothing").isEqualTo(version);

        clock.advance(Duration.ofMinutes(30));
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(revoked()).isEqualTo(1);
    }

    @Test
    void revokeAccessToken_twice_keepsTheLaterExpiry() throws Exception {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(30));
        store.revokeAccessToken("token-1", expiry.plus(Duration.ofMinutes(10)));
        store.revokeAccessToken("token-1", expiry);

        clock.advance(Duration.ofMinutes(35));
        assertThat(store.purgeExpired()).isZero();
        assertThat(revoked()).isEqualTo(1);
    }

    @Test
    void revokeAccessToken_blankId_failsInvalidArgument() {
        assertThatThrownBy(() -> store.revokeAccessToken(" ", clock.instant()))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT));
    }

    private int revoked() throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM revoked_access_tokens")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
