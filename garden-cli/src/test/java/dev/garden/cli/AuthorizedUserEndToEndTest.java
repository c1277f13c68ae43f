package dev.garden.cli;

import com.google.auth.oauth2.UserCredentials;
import com.openai.client.OpenAIClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.garden.client.OpenAICredentialsRefresher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static dev.garden.cli.TestGardens.MODEL;
import static dev.garden.cli.TestGardens.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's credentials, end to end against a running Garden: {@code garden auth application-default login}
 * writes an {@code authorized_user} file, google-auth-library-java exchanges its refresh token at Garden's
 * {@code /token}, and IAM decides what the user may call.
 */
class AuthorizedUserEndToEndTest {
    static final String USER = "ada@example.com";

    @TempDir
    static Path temp;

    static GardenApp garden;
    static CliRunner cli;

    @BeforeAll
    static void start() throws Exception {
        garden = TestGardens.start(TestGardens.engine(2, 8), Clock.systemUTC());
        cli = new CliRunner(garden.home(), temp.resolve("user-home"));
    }

    @AfterAll
    static void stop() {
        if (garden != null) {
            garden.close();
        }
    }

    @Test
    void applicationDefaultLogin_thenTheJavaLibrary_refreshesAtGarden_andIamDecides() throws Exception {
        Path adc = temp.resolve("adc.json");
        cli.ok("auth", "application-default", "login", "--account=" + USER, "--output=" + adc);
        awaitPropagation();
        UserCredentials credentials;
        try (InputStream file = Files.newInputStream(adc)) {
            credentials = UserCredentials.fromStream(file);
        }
        OpenAIClient client = OpenAICredentialsRefresher.builder()
                .baseUrl(TestGardens.baseUrl(garden, PROJECT))
                .credentials(credentials)
                .configure(options -> options.maxRetries(0))
                .build();
        ChatCompletionCreateParams hello = ChatCompletionCreateParams.builder()
                .model(MODEL).addUserMessage("Hello").maxCompletionTokens(4).build();

        // Signed in, but no role on the project yet.
        assertThatThrownBy(() -> client.chat().completions().create(hello))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("aiplatform.endpoints.predict");
        assertThat(credentials.getAccessToken()).isNotNull();

        cli.ok("projects", "add-iam-policy-binding", PROJECT, "--member=user:" + USER,
                "--role=roles/aiplatform.user");
        awaitPropagation();

        assertThat(client.chat().completions().create(hello).choices()).hasSize(1);
    }

    @Test
    void applicationDefaultPrintAccessToken_exchangesTheRefreshTokenAtGarden() throws Exception {
        Path adc = temp.resolve("printed-adc.json");
        cli.ok("auth", "application-default", "login", "--account=grace@example.com", "--output=" + adc);
        awaitPropagation();
        cli.env.put("GOOGLE_APPLICATION_CREDENTIALS", adc.toString());

        String token = cli.ok("auth", "application-default", "print-access-token").out().strip();
        cli.env.remove("GOOGLE_APPLICATION_CREDENTIALS");

        // A valid credential of a user with no role: authenticated (not 401), then refused by IAM (403).
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(TestGardens.baseUrl(garden, PROJECT) + "/chat/completions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("IAM_PERMISSION_DENIED");
    }

    /** The CLI wrote through its own connection; wait until the server's view has it (within about a second). */
    static void awaitPropagation() throws InterruptedException {
        garden.identityView().awaitVersion(garden.identities().version(), Duration.ofSeconds(20));
    }
}
