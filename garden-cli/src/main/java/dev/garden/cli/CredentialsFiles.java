package dev.garden.cli;

import dev.garden.identity.ServiceAccount;
import dev.garden.identity.store.CreatedKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials files Google's client libraries read, pointed at Garden: a service account key
 * ({@code "type": "service_account"}) and Application Default Credentials for a user
 * ({@code "type": "authorized_user"}).
 *
 * <p>A key file has the fields of Google's, in Google's order, with two-space indents and the PEM's newlines
 * escaped as {@code \n}, so tools that look at one (or diff two) see what they expect. Java's and Python's
 * libraries post to its {@code token_uri}; Node's always call Google (see VERTEX-NOTES).
 */
final class CredentialsFiles {
    static final String SERVICE_ACCOUNT = "service_account";
    static final String AUTHORIZED_USER = "authorized_user";
    static final String UNIVERSE_DOMAIN = "googleapis.com";

    private CredentialsFiles() {
    }

    /** A new key's file, as {@code gcloud iam service-accounts keys create} writes it. */
    static String serviceAccountKey(CreatedKey created, GardenUrls urls) {
        ServiceAccount account = created.account();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", SERVICE_ACCOUNT);
        file.put("project_id", account.projectId());
        file.put("private_key_id", created.key().keyId());
        file.put("private_key", created.privateKeyPkcs8Pem());
        file.put("client_email", account.email());
        file.put("client_id", account.uniqueId());
        file.put("auth_uri", urls.authUri());
        file.put("token_uri", urls.tokenUri());
        file.put("auth_provider_x509_cert_url", urls.authProviderCertsUrl());
        file.put("client_x509_cert_url", urls.clientCertsUrl(account.email()));
        file.put("universe_domain", UNIVERSE_DOMAIN);
        return Json.pretty(file);
    }

    /**
     * A user's Application Default Credentials, as {@code gcloud auth application-default login} writes them
     * (sorted keys), plus {@code token_uri}, which Java's library honours and gcloud never writes.
     */
    static String authorizedUser(String account, String clientId, String clientSecret, String refreshToken,
                                 GardenUrls urls) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("account", account);
        file.put("client_id", clientId);
        file.put("client_secret", clientSecret);
        file.put("refresh_token", refreshToken);
        file.put("token_uri", urls.tokenUri());
        file.put("type", AUTHORIZED_USER);
        file.put("universe_domain", UNIVERSE_DOMAIN);
        return Json.pretty(file);
    }

    /**
     * A key file pointed at another Garden URL: its {@code token_uri} and the other Garden URLs it carries
     * replaced, every other field (the key above all) kept as it was, in its place.
     *
     * @return the new content, or empty when the file already has that {@code token_uri}
     */
    static Optional<String> withUrls(Map<String, Object> keyFile, GardenUrls urls) {
        if (urls.tokenUri().equals(keyFile.get("token_uri"))) {
            return Optional.empty();
        }
        Map<String, Object> file = new LinkedHashMap<>(keyFile);
        file.put("token_uri", urls.tokenUri());
        file.computeIfPresent("auth_uri", (name, old) -> urls.authUri());
        file.computeIfPresent("auth_provider_x509_cert_url", (name, old) -> urls.authProviderCertsUrl());
        if (file.get("client_email") instanceof String email) {
            file.computeIfPresent("client_x509_cert_url", (name, old) -> urls.clientCertsUrl(email));
        }
        return Optional.of(Json.pretty(file));
    }
}
