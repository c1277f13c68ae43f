package dev.garden.client;

import com.google.auth.oauth2.GoogleCredentials;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.credential.BearerTokenCredential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * openai-java pointed at Vertex AI's OpenAI-compatible endpoint (or at Garden's, which speaks the same API), with
 * Google credentials that refresh themselves: the Java counterpart of Google's Python sample
 * <a href="https://cloud.google.com/vertex-ai/generative-ai/docs/samples/generativeaionvertexai-credentials-refresher-class">
 * {@code OpenAICredentialsRefresher}</a>. Each request carries a current access token; tokens live an hour and are
 * renewed a few minutes before they expire, so a long-running application needs nothing else.
 *
 * <pre>{@code
 * OpenAIClient client = OpenAICredentialsRefresher.builder()
 *         .baseUrl("https://us-central1-aiplatform.googleapis.com/v1/projects/" + project
 *                 + "/locations/us-central1/endpoints/openapi")
 *         .build();   // Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file, ...
 * ChatCompletion answer = client.chat().completions().create(ChatCompletionCreateParams.builder()
 *         .model("google/gemini-2.0-flash-001").addUserMessage("Why is the sky blue?").build());
 * }</pre>
 *
 * <p>For Garden, point {@code GOOGLE_APPLICATION_CREDENTIALS} at a key file from
 * {@code garden iam service-accounts keys create}: its {@code token_uri} sends the refresh to Garden.
 */
public final class OpenAICredentialsRefresher {
    /** The scope Vertex AI asks for. */
    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private OpenAICredentialsRefresher() {
    }

    /** A builder for a refreshing client. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures the client: base URL (required), credentials (default: Application Default Credentials). */
    public static final class Builder {
        private String baseUrl;
        private GoogleCredentials credentials;
        private final OpenAIOkHttpClient.Builder client = OpenAIOkHttpClient.builder();

        private Builder() {
        }

        /** The OpenAI-compatible endpoint, e.g. {@code https://LOCATION-aiplatform.googleapis.com/v1/projects/P/locations/LOCATION/endpoints/openapi}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Credentials to use instead of Application Default Credentials. Credentials that need a scope and have none
         * get cloud-platform (a copy, as {@code createScoped} makes); otherwise these very credentials are used.
         */
        public Builder credentials(GoogleCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Further openai-java settings (timeouts, retries, headers); the credential is this class's. */
        public Builder configure(java.util.function.Consumer<OpenAIOkHttpClient.Builder> settings) {
            settings.accept(client);
            return this;
        }

        /**
         * The client.
         *
         * @throws UncheckedIOException when no credentials were given and Application Default Credentials cannot be
         *                              found
         */
        public OpenAIClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            // As the Python sample does with google.auth.default(scopes=[...]), for credentials that need a scope
            // and have none; scopes the caller chose are kept (and the very credentials object too).
            GoogleCredentials given = credentials != null ? credentials : applicationDefault();
            GoogleCredentials scoped = given.createScopedRequired()
                    ? given.createScoped(List.of(CLOUD_PLATFORM_SCOPE)) : given;
            return client.baseUrl(baseUrl)
                    .credential(BearerTokenCredential.create(new GoogleAccessTokens(scoped)))
                    .build();
        }

        private static GoogleCredentials applicationDefault() {
            try {
                return GoogleCredentials.getApplicationDefault();
            } catch (IOException e) {
                throw new UncheckedIOException("no Application Default Credentials: set GOOGLE_APPLICATION_CREDENTIALS"
                        + " to a key file, or run `gcloud auth application-default login`: " + e.getMessage(), e);
            }
        }
    }
}
