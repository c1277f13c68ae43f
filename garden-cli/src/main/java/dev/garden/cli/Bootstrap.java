package dev.garden.cli;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.store.CreatedKey;
import dev.garden.identity.store.IdentityException;
import dev.garden.identity.store.IdentityStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code garden serve} does on a fresh store so that someone can call it at once: creates project
 * {@value #PROJECT_ID} and service account {@value #ACCOUNT_NAME} in it with {@code roles/aiplatform.admin}, and
 * writes a key for it to {@code $GARDEN_HOME/credentials/garden-admin.json} (0600, in a 0700 directory).
 *
 * <pre>{@code
 * // in garden serve, once the port is bound and server.json written:
 * Bootstrap.Outcome outcome = Bootstrap.run(store, env.home(), GardenUrls.forServer(System.getenv(), info));
 * outcome.messages().forEach(out::println);
 * }</pre>
 *
 * <p>It runs only while the store has no project at all: an administrator who deleted {@code garden-default} does
 * not get it back. On later starts it only keeps the admin key file pointed at the server: if the file's
 * {@code token_uri} is not the current one (another port), the URLs in it are rewritten and the key kept.
 *
 * <p>Two instances starting on one fresh store at once both see no project; the store lets one create it and
 * answers the other {@code ALREADY_EXISTS}, and that one leaves the rest to the first.
 */
final class Bootstrap {
    /** The project created on a fresh store. */
    static final String PROJECT_ID = "garden-default";
    /** The administrator service account's name in it. */
    static final String ACCOUNT_NAME = "garden-admin";

    private Bootstrap() {
    }

    /** What {@link #run} did. */
    enum State {
        /** The project, the account, its binding and its key were created; the key file was written. */
        CREATED,
        /** The admin key file pointed at another URL and was rewritten to point at this server. */
        KEY_FILE_UPDATED,
        /** The store had projects already and the key file (if any) was current. */
        UNCHANGED,
        /** Another instance was bootstrapping the same store at that moment, and finishes it. */
        LEFT_TO_ANOTHER_INSTANCE
    }

    /**
     * What {@link #run} did, and what {@code serve} should tell the user.
     *
     * @param state        what happened
     * @param accountEmail the admin service account's email
     * @param keyFile      the admin key file (it may not exist when the state is {@code UNCHANGED})
     * @param tokenUri     the {@code token_uri} the key file now has
     */
    record Outcome(State state, String accountEmail, Path keyFile, String tokenUri) {
        Outcome {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(accountEmail, "accountEmail");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(tokenUri, "tokenUri");
        }

        /** Lines for {@code serve} to print; none when nothing changed. */
        List<String> messages() {
            return switch (state) {
                case CREATED -> List.of(
                        "Created project " + PROJECT_ID + " and service account " + accountEmail + " ("
                                + Role.ADMIN.id() + "); its key is at " + keyFile,
                        "Clients use it with: export GOOGLE_APPLICATION_CREDENTIALS=" + keyFile);
                case KEY_FILE_UPDATED -> List.of("Pointed the admin key " + keyFile + " at " + tokenUri);
                case UNCHANGED, LEFT_TO_ANOTHER_INSTANCE -> List.of();
            };
        }
    }

    /** Where the admin key is written: {@code GARDEN_HOME/credentials/garden-admin.json}. */
    static Path adminKeyFile(Path gardenHome) {
        return gardenHome.resolve("credentials").resolve(ACCOUNT_NAME + ".json");
    }

    /**
     * Bootstraps a fresh store, or keeps the admin key file pointed at this server.
     *
     * @param urls the server's public URLs (its {@code token_uri} goes into the key file)
     * @throws IdentityException when the store fails
     * @throws UncheckedIOException when the key file cannot be written or read
     */
    static Outcome run(IdentityStore store, Path gardenHome, GardenUrls urls) {
        String email = ServiceAccount.email(ACCOUNT_NAME, PROJECT_ID);
        Path keyFile = adminKeyFile(gardenHome);
        if (!store.projects().isEmpty()) {
            return pointAt(keyFile, urls)
                    ? new Outcome(State.KEY_FILE_UPDATED, email, keyFile, urls.tokenUri())
                    : new Outcome(State.UNCHANGED, email, keyFile, urls.tokenUri());
        }
        try {
            store.createProject(PROJECT_ID, "Garden default project");
            store.createServiceAccount(PROJECT_ID, ACCOUNT_NAME, "Garden administrator");
        } catch (IdentityException e) {
            if (e.kind() == IdentityException.Kind.ALREADY_EXISTS) {
                return new Outcome(State.LEFT_TO_ANOTHER_INSTANCE, email, keyFile, urls.tokenUri());
            }
            throw e;
        }
        store.addIamBinding(PROJECT_ID, Member.serviceAccount(email), Role.ADMIN);
        CreatedKey key = store.createKey(email);
        try {
            PrivateFiles.ownerOnlyDirectory(keyFile.getParent());
            PrivateFiles.write(keyFile, CredentialsFiles.serviceAccountKey(key, urls));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin key file " + keyFile, e);
        }
        return new Outcome(State.CREATED, email, keyFile, urls.tokenUri());
    }

    /** Rewrites the key file's URLs if it exists and points elsewhere; whether it did. */
    private static boolean pointAt(Path keyFile, GardenUrls urls) {
        if (!Files.isRegularFile(keyFile)) {
            return false;
        }
        Map<String, Object> content;
        try {
            content = Json.readObject(keyFile);
        } catch (IllegalArgumentException e) {
            // Not a key file any more (edited by hand?): not Garden's to repair.
            return false;
        }
        if (!CredentialsFiles.SERVICE_ACCOUNT.equals(content.get("type"))) {
            return false;
        }
        Optional<String> updated = CredentialsFiles.withUrls(content, urls);
        if (updated.isEmpty()) {
            return false;
        }
        try {
            PrivateFiles.write(keyFile, updated.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the admin key file " + keyFile, e);
        }
        return true;
    }
}
