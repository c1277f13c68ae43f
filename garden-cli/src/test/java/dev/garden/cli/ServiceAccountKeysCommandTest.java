package dev.garden.cli;

import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.store.IdentityStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAccountKeysCommandTest {
    private static final String BOT = "bot-account@demo-project.iam.gserviceaccount.com";

    @TempDir
    Path temp;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp);
        cli.ok("projects", "create", "demo-project");
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");
    }

    @Test
    void create_writesAGoogleKeyFile_ownerOnly_withGooglesFieldsInGooglesOrder() throws Exception {
        Path file = temp.resolve("key.json");

        CliRunner.Result created = cli.run("iam", "service-accounts", "keys", "create", file.toString(),
                "--iam-account=" + BOT);

        assertThat(created.exitCode()).isZero();
        Map<String, Object> key = Json.readObject(file);
        assertThat(created.err()).isEqualTo("created key [" + key.get("private_key_id") + "] of type [json] as ["
                + file + "] for [" + BOT + "]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(List.copyOf(key.keySet())).containsExactly("type", "project_id", "private_key_id",
                "private_key", "client_email", "client_id", "auth_uri", "token_uri", "auth_provider_x509_cert_url",
                "client_x509_cert_url", "universe_domain");
        try (IdentityStore store = cli.openStore()) {
            ServiceAccount account = store.serviceAccount(BOT).orElseThrow();
            assertThat(key).containsEntry("type", "service_account").containsEntry("project_id", "demo-project")
                    .containsEntry("client_email", BOT).containsEntry("client_id", account.uniqueId())
                    .containsEntry("token_uri", "http://127.0.0.1:8080/token")
                    .containsEntry("client_x509_cert_url", "http://127.0.0.1:8080/robot/v1/metadata/x509/"
                            + "bot-account%40demo-project.iam.gserviceaccount.com")
                    .containsEntry("universe_domain", "googleapis.com");
            assertThat((String) key.get("private_key_id")).matches("[0-9a-f]{40}");
            ServiceAccountKey stored = store.key((String) key.get("private_key_id")).orElseThrow();
            assertThat(signedBy((String) key.get("private_key"), stored)).isTrue();
        }
    }

    @Test
    void create_fileText_looksLikeGooglesKeyFiles() throws Exception {
        Path file = temp.resolve("key.json");

        cli.ok("iam", "service-accounts", "keys", "create", file.toString(), "--iam-account=" + BOT);

        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo-project\",\n")
                .contains("\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMII")
                .contains("\\n-----END PRIVATE KEY-----\\n\",\n")
                .endsWith("  \"universe_domain\": \"googleapis.com\"\n}\n");
    }

    @Test
    void create_tokenUri_followsFlagThenPublicUrlThenServerJson() throws Exception {
        ServerInfo.write(cli.gardenHome, URI.create("http://127.0.0.1:9123/"));
        assertThat(tokenUriOfNewKey()).isEqualTo("http://127.0.0.1:9123/token");

        cli.env.put("GARDEN_PUBLIC_URL", "https://garden.example.com/");
        assertThat(tokenUriOfNewKey()).isEqualTo("https://garden.example.com/token");

        assertThat(tokenUriOfNewKey("--token-uri=http://localhost:7000/token"))
                .isEqualTo("http://localhost:7000/token");
        assertThat(tokenUriOfNewKey("--token-uri=http://localhost:7001")).isEqualTo("http://localhost:7001/token");
    }

    @Test
    void create_toStdout_printsTheKeyFile() {
        CliRunner.Result created = cli.ok("iam", "service-accounts", "keys", "create", "-", "--iam-account=" + BOT);

        assertThat(Json.parseObject(created.out())).containsEntry("client_email", BOT);
    }

    @Test
    void create_unwritablePath_failsBeforeCreatingAKey() {
        CliRunner.Result bad = cli.run("iam", "service-accounts", "keys", "create",
                temp.resolve("no-such-dir/key.json").toString(), "--iam-account=" + BOT);

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("no such directory");
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.keys(BOT)).isEmpty();
        }
    }

    @Test
    void create_unknownAccount_failsWithNotFound_andWritesNothing() {
        Path file = temp.resolve("key.json");

        CliRunner.Result bad = cli.run("iam", "service-accounts", "keys", "create", file.toString(),
                "--iam-account=nobody-here@demo-project.iam.gserviceaccount.com");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("NOT_FOUND");
        assertThat(file).doesNotExist();
    }

    @Test
    void create_p12_isRefused() {
        CliRunner.Result bad = cli.run("iam", "service-accounts", "keys", "create", temp.resolve("k.p12").toString(),
                "--iam-account=" + BOT, "--key-file-type=p12");

        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void list_showsKeyIdCreatedExpiresDisabled() {
        String first = newKey();
        String second = newKey();
        cli.ok("iam", "service-accounts", "keys", "disable", second, "--iam-account=" + BOT);

        List<String> lines = cli.ok("iam", "service-accounts", "keys", "list", "--iam-account=" + BOT).out()
                .lines().toList();

        assertThat(lines.getFirst()).isEqualTo("KEY_ID                                    CREATED_AT            "
                + "EXPIRES_AT            DISABLED");
        assertThat(lines.subList(1, lines.size())).anySatisfy(line -> assertThat(line).matches(first
                + "  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  9999-12-31T23:59:59Z  False"))
                .anySatisfy(line -> assertThat(line).startsWith(second).endsWith("  True"));
    }

    @Test
    void list_formatJson_hasIamsKeyFields() {
        String keyId = newKey();

        String json = cli.ok("iam", "service-accounts", "keys", "list", "--iam-account=" + BOT, "--format=json").out();

        assertThat(json).contains("\"keyType\": \"USER_MANAGED\"").contains("\"keyAlgorithm\": \"KEY_ALG_RSA_2048\"")
                .contains("\"name\": \"projects/demo-project/serviceAccounts/" + BOT + "/keys/" + keyId + "\"");
    }

    @Test
    void disableEnableDelete_sayWhatTheyDid() {
        String keyId = newKey();

        CliRunner.Result disabled = cli.ok("iam", "service-accounts", "keys", "disable", keyId, "--iam-account=" + BOT);
        CliRunner.Result enabled = cli.ok("iam", "service-accounts", "keys", "enable", keyId, "--iam-account=" + BOT);
        CliRunner.Result deleted = cli.runWithInput("y\n", "iam", "service-accounts", "keys", "delete", keyId,
                "--iam-account=" + BOT);

        assertThat(disabled.err()).isEqualTo("Disabled key [" + keyId + "] for service account [" + BOT + "].\n");
        assertThat(enabled.err()).isEqualTo("Enabled key [" + keyId + "] for service account [" + BOT + "].\n");
        assertThat(deleted.err()).startsWith("You are about to delete key [" + keyId + "] for service account")
                .endsWith("deleted key [" + keyId + "] for service account [" + BOT + "]\n");
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.key(keyId)).isEmpty();
        }
    }

    @Test
    void disable_keyOfAnotherAccount_failsWithNotFound_andLeavesItAlone() {
        cli.ok("iam", "service-accounts", "create", "other-bot", "--project=demo-project");
        String keyId = newKey();

        CliRunner.Result bad = cli.run("iam", "service-accounts", "keys", "disable", keyId,
                "--iam-account=other-bot@demo-project.iam.gserviceaccount.com");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("NOT_FOUND: service account other-bot@demo-project.iam.gserviceaccount.com"
                + " has no key " + keyId);
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.key(keyId).orElseThrow().disabled()).isFalse();
        }
    }

    @Test
    void create_eleventhKey_failsWithFailedPrecondition() {
        for (int i = 0; i < IdentityStore.MAX_KEYS_PER_ACCOUNT; i++) {
            newKey();
        }

        CliRunner.Result bad = cli.run("iam", "service-accounts", "keys", "create", "-", "--iam-account=" + BOT);

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("FAILED_PRECONDITION: ");
    }

    private String newKey() {
        return (String) Json.parseObject(cli.ok("iam", "service-accounts", "keys", "create", "-",
                "--iam-account=" + BOT).out()).get("private_key_id");
    }

    private String tokenUriOfNewKey(String... flags) throws Exception {
        Path file = Files.createTempFile(temp, "key", ".json");
        String[] args = new String[6 + flags.length];
        System.arraycopy(new String[]{"iam", "service-accounts", "keys", "create", file.toString(),
                "--iam-account=" + BOT}, 0, args, 0, 6);
        System.arraycopy(flags, 0, args, 6, flags.length);
        cli.ok(args);
        return (String) Json.readObject(file).get("token_uri");
    }

    /** Whether the key file's private key made a signature that the stored public key verifies. */
    static boolean signedBy(String privateKeyPem, ServiceAccountKey stored) throws Exception {
        String base64 = privateKeyPem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        byte[] message = "a JWT's header and claims".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(stored.publicKey());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
