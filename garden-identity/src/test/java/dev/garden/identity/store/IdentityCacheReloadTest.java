package dev.garden.identity.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a full reload takes at a size a large installation might reach: 10,000 service accounts with 50,000
 * keys and 10,000 IAM bindings. Prints the timings; the bounds are loose, to catch a reload that takes seconds.
 */
class IdentityCacheReloadTest extends StoreTestBase {
    private static final int PROJECTS = 10;
    private static final int ACCOUNTS = 10_000;
    private static final int KEYS_PER_ACCOUNT = 5;

    @Test
    void reload_tenThousandAccountsFiftyThousandKeys_takesWellUnderASecond() throws Exception {
        store.createProject("seed-project", "");
        byte[] publicKey = store.createKey(store.createServiceAccount("seed-project", "seed-account", "").email())
                .key().publicKey().getEncoded();
        long seedStart = System.nanoTime();
        seed(publicKey);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        long coldStart = System.nanoTime();
        IdentityCache cache = cache(store, Duration.ofHours(1));
        long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;

        long warmMillis = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            store.revokeAccessToken("token-" + i, clock.instant().plus(Duration.ofHours(1)));
            long warmStart = System.nanoTime();
            cache.refreshNow();
            warmMillis = Math.min(warmMillis, (System.nanoTime() - warmStart) / 1_000_000);
        }

        System.out.printf("%s identity reload: %d accounts, %d keys: first load (decodes every key) %d ms,"
                        + " reload after a change %d ms (best of 3); seeding took %d ms%n", database,
                ACCOUNTS + 1, ACCOUNTS * KEYS_PER_ACCOUNT + 1, coldMillis, warmMillis, seedMillis);
        assertThat(cache.keys("account-9999@project-9.iam.gserviceaccount.com")).hasSize(KEYS_PER_ACCOUNT);
        assertThat(coldMillis).isLessThan(10_000);
        assertThat(warmMillis).isLessThan(3_000);
    }

    private void seed(byte[] publicKey) throws Exception {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement project = c.prepareStatement(
                    "INSERT INTO projects (project_id, display_name, create_time) VALUES (?, ?, ?)")) {
                for (int p = 0; p < PROJECTS; p++) {
                    project.setString(1, "project-" + p);
                    project.setString(2, "");
                    project.setObject(3, now);
                    project.addBatch();
                }
                project.executeBatch();
            }
            try (PreparedStatement account = c.prepareStatement("INSERT INTO service_accounts"
                    + " (email, project_id, unique_id, display_name, disabled, create_time) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO service_account_keys"
                         + " (key_id, account_email, public_key, disabled, create_time) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement binding = c.prepareStatement("INSERT INTO iam_bindings"
                         + " (project_id, role, member_type, member_email) VALUES (?, ?, ?, ?)")) {
                for (int a = 0; a < ACCOUNTS; a++) {
                    String projectId = "project-" + (a % PROJECTS);
                    String email = "account-" + a + "@" + projectId + ".iam.gserviceaccount.com";
                    account.setString(1, email);
                    account.setString(2, projectId);
                    account.setString(3, String.format("1%020d", a));
                    account.setString(4, "");
                    account.setBoolean(5, false);
                    account.setObject(6, now);
                    account.addBatch();
                    for (int k = 0; k < KEYS_PER_ACCOUNT; k++) {
                        key.setString(1, String.format("%040x", (long) a * KEYS_PER_ACCOUNT + k));
                        key.setString(2, email);
                        key.setBytes(3, publicKey);
                        key.setBoolean(4, false);
                        key.setObject(5, now);
                        key.addBatch();
                    }
                    binding.setString(1, projectId);
                    binding.setString(2, "roles/aiplatform.user");
                    binding.setString(3, "serviceAccount");
                    binding.setString(4, email);
                    binding.addBatch();
                    if (a % 1000 == 999) {
                        account.executeBatch();
                        key.executeBatch();
                        binding.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }
}
