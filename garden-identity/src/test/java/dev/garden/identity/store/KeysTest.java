package dev.garden.identity.store;

import dev.garden.identity.ServiceAccountKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KeysTest extends StoreTestBase {
    private static final String ROBOT = "robot-1@my-project.iam.gserviceaccount.com";

    @BeforeEach
    void createAccount() {
        store.createProject("my-project", "");
        store.createServiceAccount("my-project", "robot-1", "");
    }

    @Test
    void create_returnsKeyIdAndPkcs8PemOfAnRsa2048Key() throws GeneralSecurityException {
        CreatedKey created = store.createKey(ROBOT);

        assertThat(created.key().keyId()).matches("[0-9a-f]{40}");
        assertThat(created.key().accountEmail()).isEqualTo(ROBOT);
        assertThat(created.account().email()).isEqualTo(ROBOT);
        assertThat(created.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(created.privateKeyPkcs8Pem().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(65));
        assertThat(privateKey(created).getModulus().bitLength()).isEqualTo(2048);
        assertThat(created.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void create_privateKeySigns_storedPublicKeyVerifies() throws GeneralSecurityException {
        CreatedKey created = store.createKey(ROBOT);
        byte[] payload = "header.claims".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey(created));
        signer.update(payload);
        byte[] signature = signer.sign();

        RSAPublicKey stored = store.key(created.key().keyId()).orElseThrow().publicKey();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(stored);
        verifier.update(payload);

        assertThat(verifier.verify(signature)).isTrue();
        RSAPublicKey other = store.createKey(ROBOT).key().publicKey();
        verifier.initVerify(other);
        verifier.update(payload);
        assertThat(verifier.verify(signature)).isFalse();
    }

    @Test
    void create_privateKey_isNowhereInTheDatabase() throws Exception {
        CreatedKey created = store.createKey(ROBOT);
        RSAPrivateCrtKey privateKey = privateKey(created);
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] exponent = privateKey.getPrivateExponent().toByteArray();
        byte[] prime = privateKey.getPrimeP().toByteArray();
        String pemLine = created.privateKeyPkcs8Pem().lines().skip(3).findFirst().orElseThrow();

        List<Object> everything = everyValue();

        assertThat(everything).isNotEmpty().allSatisfy(value -> {
            if (value instanceof byte[] bytes) {
                String hex = HexFormat.of().formatHex(bytes);
                assertThat(hex).doesNotContain(HexFormat.of().formatHex(exponent, 0, 32))
                        .doesNotContain(HexFormat.of().formatHex(prime, 0, 32))
                        .doesNotContain(HexFormat.of().formatHex(pkcs8, 0, 64));
            } else {
                assertThat(String.valueOf(value)).doesNotContain("PRIVATE KEY").doesNotContain(pemLine)
                        .doesNotContain(Base64.getEncoder().encodeToString(exponent).substring(0, 40));
            }
        });
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT public_key FROM service_account_keys")) {
            row.next();
            assertThat(row.getBytes(1)).isEqualTo(created.key().publicKey().getEncoded());
        }
    }

    @Test
    void keys_severalKeys_areListedOldestFirstWithTheirState() {
        var first = store.createKey(ROBOT);
        clock.advance(Duration.ofSeconds(1));
        var second = store.createKey(ROBOT);
        store.disableKey(first.key().keyId());

        assertThat(store.keys(ROBOT.toUpperCase())).extracting(ServiceAccountKey::keyId, ServiceAccountKey::disabled)
                .containsExactly(tuple(first.key().keyId(), true),
                        tuple(second.key().keyId(), false));
        assertThat(store.keys(ROBOT).get(1).publicKey()).isEqualTo(second.key().publicKey());
    }

    @Test
    void keys_unknownAccount_failsNotFound() {
        assertThatThrownBy(() -> store.keys("nobody-1@my-project.iam.gserviceaccount.com"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND));
    }

    @Test
    void create_unknownAccount_failsNotFound() {
        assertThatThrownBy(() -> store.createKey("nobody-1@my-project.iam.gserviceaccount.com"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such service account: nobody-1@my-project.iam.gserviceaccount.com");
    }

    @Test
    void create_beyondTenKeys_failsFailedPrecondition() {
        for (int i = 0; i < IdentityStore.MAX_KEYS_PER_ACCOUNT; i++) {
            store.createKey(ROBOT);
        }

        assertThatThrownBy(() -> store.createKey(ROBOT))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.FAILED_PRECONDITION))
                .hasMessageContaining("already has 10 keys");
    }

    @Test
    void disable_thenEnable_togglesTheKey() {
        String keyId = store.createKey(ROBOT).key().keyId();

        store.disableKey(keyId);
        assertThat(store.key(keyId).orElseThrow().disabled()).isTrue();
        store.enableKey(keyId);
        assertThat(store.key(keyId).orElseThrow().disabled()).isFalse();
    }

    @Test
    void disableEnableDelete_unknownKey_failNotFound() {
        String keyId = "0".repeat(40);

        for (Runnable operation : List.<Runnable>of(() -> store.disableKey(keyId), () -> store.enableKey(keyId),
                () -> store.deleteKey(keyId))) {
            assertThatThrownBy(operation::run)
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                            .isEqualTo(IdentityException.Kind.NOT_FOUND))
                    .hasMessage("no such key: " + keyId);
        }
    }

    @Test
    void delete_key_isGoneAndTheOthersStay() {
        String doomed = store.createKey(ROBOT).key().keyId();
        String kept = store.createKey(ROBOT).key().keyId();

        store.deleteKey(doomed);

        assertThat(store.key(doomed)).isEmpty();
        assertThat(store.keys(ROBOT)).extracting(ServiceAccountKey::keyId).containsExactly(kept);
    }

    private static RSAPrivateCrtKey privateKey(CreatedKey created) throws GeneralSecurityException {
        String base64 = created.privateKeyPkcs8Pem().replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Every value in every table of the store's schema. */
    private List<Object> everyValue() throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("service_account_keys", "change_log");
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            values.add(value instanceof byte[] ? rows.getBytes(i) : value);
                        }
                    }
                }
            }
        }
        return values;
    }
}
