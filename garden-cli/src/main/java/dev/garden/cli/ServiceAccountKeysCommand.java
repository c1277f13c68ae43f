package dev.garden.cli;

import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.store.CreatedKey;
import dev.garden.identity.store.IdentityStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code garden iam service-accounts keys ...}: gcloud's key verbs. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Creates, lists, disables, enables and deletes service account keys.",
        subcommands = {ServiceAccountKeysCommand.Create.class, ServiceAccountKeysCommand.ListKeys.class,
                ServiceAccountKeysCommand.Disable.class, ServiceAccountKeysCommand.Enable.class,
                ServiceAccountKeysCommand.Delete.class})
final class ServiceAccountKeysCommand {
    // User-managed keys on Google Cloud never expire unless an organization policy says so; Garden's never do.
    private static final String NEVER = "9999-12-31T23:59:59Z";

    /** {@code garden iam service-accounts keys create OUTPUT_FILE --iam-account=EMAIL}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a key and writes it to OUTPUT_FILE (0600) as a Google key file, its token_uri"
                    + " pointing at Garden.", "'-' writes it to standard output."})
    static final class Create extends GcloudCommand {
        @Parameters(paramLabel = "OUTPUT_FILE", description = "Where to write the key file.")
        String output;

        @Option(names = "--iam-account", required = true, paramLabel = "EMAIL", description = "The service account.")
        String account;

        @Option(names = "--key-file-type", defaultValue = "json", paramLabel = "KEY_FILE_TYPE",
                description = "json (p12 is not supported).")
        String keyFileType;

        @Option(names = "--token-uri", paramLabel = "URL", description = "Garden's token endpoint, or its base URL"
                + " (default: $GARDEN_PUBLIC_URL, else the URL the last `garden serve` recorded, else "
                + GardenUrls.DEFAULT_BASE_URL + ").")
        String tokenUri;

        @Override
        void run() {
            if (!"json".equals(keyFileType.toLowerCase(Locale.ROOT))) {
                throw CommandFailure.usage("INVALID_ARGUMENT: --key-file-type: Garden writes json key files only");
            }
            boolean toStdout = "-".equals(output);
            Path file = Path.of(output);
            if (!toStdout) {
                try {
                    PrivateFiles.requireWritable(file);
                } catch (IllegalArgumentException e) {
                    throw CommandFailure.usage(e.getMessage());
                }
            }
            GardenUrls urls = urls(tokenUri);
            CreatedKey created = withStore(store -> {
                CreatedKey key = store.createKey(account);
                if (!toStdout) {
                    writeOrDelete(store, key, file, urls);
                }
                return key;
            });
            if (toStdout) {
                out().print(CredentialsFiles.serviceAccountKey(created, urls));
            }
            status("created key [" + created.key().keyId() + "] of type [json] as [" + output + "] for ["
                    + created.account().email() + "]");
        }

        private GardenUrls urls(String flag) {
            try {
                return GardenUrls.resolve(context(), context().garden().home(), Optional.ofNullable(flag));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
        }

        /** The private key exists nowhere else: if it cannot be written, a key nobody holds must not remain. */
        private static void writeOrDelete(IdentityStore store, CreatedKey key, Path file, GardenUrls urls) {
            try {
                PrivateFiles.write(file, CredentialsFiles.serviceAccountKey(key, urls));
            } catch (IOException e) {
                store.deleteKey(key.key().keyId());
                throw new UncheckedIOException("cannot write " + file + " (the key was deleted again)", e);
            }
        }
    }

    /** {@code garden iam service-accounts keys list --iam-account=EMAIL}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a service account's keys.")
    static final class ListKeys extends GcloudCommand {
        @Option(names = "--iam-account", required = true, paramLabel = "EMAIL", description = "The service account.")
        String account;

        @Override
        void run() {
            List<Map<String, Object>> keys = withStore(store -> {
                String projectId = store.serviceAccount(account).map(sa -> sa.projectId()).orElse("-");
                return store.keys(account).stream().map(key -> resource(projectId, key)).toList();
            });
            printer().list(out(), err(), keys, List.of(new ResourcePrinter.Column("KEY_ID", "keyId"),
                    new ResourcePrinter.Column("CREATED_AT", "validAfterTime"),
                    new ResourcePrinter.Column("EXPIRES_AT", "validBeforeTime"),
                    new ResourcePrinter.Column("DISABLED", "disabled", "False")));
        }
    }

    /** A command about one key of one account: {@code KEY_ID --iam-account=EMAIL}. */
    abstract static class KeyOfAccount extends GcloudCommand {
        @Parameters(paramLabel = "KEY_ID")
        String keyId;

        @Option(names = "--iam-account", required = true, paramLabel = "EMAIL", description = "The service account.")
        String account;
    }

    /** {@code garden iam service-accounts keys disable KEY_ID --iam-account=EMAIL}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a key: its signatures and the access tokens obtained with it stop working.")
    static final class Disable extends KeyOfAccount {
        @Override
        void run() {
            withStore(store -> {
                requireKeyOf(store, keyId, account);
                store.disableKey(keyId);
                return null;
            });
            status("Disabled key [" + keyId + "] for service account [" + account + "].");
        }
    }

    /** {@code garden iam service-accounts keys enable KEY_ID --iam-account=EMAIL}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled key.")
    static final class Enable extends KeyOfAccount {
        @Override
        void run() {
            withStore(store -> {
                requireKeyOf(store, keyId, account);
                store.enableKey(keyId);
                return null;
            });
            status("Enabled key [" + keyId + "] for service account [" + account + "].");
        }
    }

    /** {@code garden iam service-accounts keys delete KEY_ID --iam-account=EMAIL [--quiet]}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a key.")
    static final class Delete extends KeyOfAccount {
        @Override
        void run() {
            withStore(store -> {
                requireKeyOf(store, keyId, account);
                confirm("You are about to delete key [" + keyId + "] for service account [" + account + "].");
                store.deleteKey(keyId);
                return null;
            });
            status("deleted key [" + keyId + "] for service account [" + account + "]");
        }
    }

    /** Key ids are global in the store; the account named must be the key's, as in IAM's resource names. */
    private static void requireKeyOf(IdentityStore store, String keyId, String account) {
        store.serviceAccount(account).orElseThrow(() -> new CommandFailure("NOT_FOUND: no such service account: "
                + account));
        store.key(keyId).filter(key -> key.accountEmail().equalsIgnoreCase(account.strip()))
                .orElseThrow(() -> new CommandFailure("NOT_FOUND: service account " + account + " has no key "
                        + keyId));
    }

    /** A key as IAM's API lists it, plus {@code keyId} (gcloud's table shows the name's last segment). */
    static Map<String, Object> resource(String projectId, ServiceAccountKey key) {
        Map<String, Object> resource = new LinkedHashMap<>();
        if (key.disabled()) {
            resource.put("disabled", true); // Google's API omits it when false
        }
        resource.put("keyAlgorithm", "KEY_ALG_RSA_2048");
        resource.put("keyId", key.keyId());
        resource.put("keyOrigin", "GOOGLE_PROVIDED");
        resource.put("keyType", "USER_MANAGED");
        resource.put("name", "projects/" + projectId + "/serviceAccounts/" + key.accountEmail() + "/keys/"
                + key.keyId());
        resource.put("validAfterTime", ServiceAccountsCommand.timestamp(key.createTime()));
        resource.put("validBeforeTime", NEVER);
        return resource;
    }
}
