package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Role;
import dev.garden.identity.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Users, OAuth clients and the refresh tokens that join them. */
class UsersAndTokensTest extends StoreTestBase {

    @Test
    void createUser_mixedCaseEmail_isStoredInLowerCase() {
        UserAccount user = store.createUser("Ada@Example.com");

        assertThat(user).isEqualTo(new UserAccount("ada@example.com", false,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        assertThat(store.user("ADA@example.com")).contains(user);
        assertThat(store.users()).containsExactly(user);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "a da@example.com", "a@b@example.com"})
    void createUser_notAnEmail_failsInvalidArgument(String email) {
        assertThatThrownBy(() -> store.createUser(email))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT))
                .hasMessage("'" + email + "' is not an email address");
    }

    @Test
    void createUser_existing_failsAlreadyExists() {
        store.createUser("ada@example.com");

        assertThatThrownBy(() -> store.createUser("ADA@example.com"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.ALREADY_EXISTS))
                .hasMessage("user ada@example.com already exists");
    }

    @Test
    void disableUser_thenEnable_togglesDisabled() {
        store.createUser("ada@example.com");

        store.disableUser("ada@example.com");
        assertThat(store.user("ada@example.com").orElseThrow().disabled()).isTrue();
        store.enableUser("ada@example.com");
        assertThat(store.user("ada@example.com").orElseThrow().disabled()).isFalse();
    }

    @Test
    void disableEnableDeleteUser_unknown_failNotFound() {
        for (Runnable operation : List.<Runnable>of(() -> store.disableUser("bob@example.com"),
                () -> store.enableUser("bob@example.com"), () -> store.deleteUser("bob@example.com"))) {
            assertThatThrownBy(operation::run)
                    .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                            .isEqualTo(IdentityException.Kind.NOT_FOUND))
                    .hasMessage("no such user: bob@example.com");
        }
    }

    @Test
    void deleteUser_withTokensAndBindings_removesThem() {
        store.createProject("my-project", "");
        store.createUser("ada@example.com");
        var client = store.createOAuthClient("cli");
        store.issueRefreshToken("ada@example.com", client.client().clientId());
        store.addIamBinding("my-project", Member.user("ada@example.com"), Role.VIEWER);

        store.deleteUser("ada@example.com");

        assertThat(store.user("ada@example.com")).isEmpty();
        assertThat(store.iamPolicy("my-project")).isEmpty();
        store.createUser("ada@example.com");
        assertThat(store.refreshTokens("ada@example.com")).as("a new user of the same name").isEmpty();
    }

    @Test
    void createOAuthClient_returnsSecretOnce_storesOnlyItsSha256() throws Exception {
        CreatedOAuthClient created = store.createOAuthClient("Garden CLI");

        OAuthClient client = created.client();
        assertThat(client.displayName()).isEqualTo("Garden CLI");
        assertThat(client.clientId()).matches("[0-9]{12}-[0-9a-f]{32}\\.apps\\.garden\\.local");
        assertThat(created.secret()).hasSize(43);
        assertThat(client.secretSha256()).isEqualTo(Secrets.sha256Hex(created.secret()));
        assertThat(store.oauthClient(client.clientId())).contains(client);
        assertThat(store.oauthClients()).containsExactly(client);
        assertThat(created.toString()).doesNotContain(created.secret());
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM oauth_clients")) {
            rows.next();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rows.getObject(i))).doesNotContain(created.secret());
            }
        }
    }

    @Test
    void deleteOAuthClient_withTokens_removesThem() {
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("").client().clientId();
        store.issueRefreshToken("ada@example.com", clientId);

        store.deleteOAuthClient(clientId);

        assertThat(store.oauthClient(clientId)).isEmpty();
        assertThat(store.refreshTokens("ada@example.com")).isEmpty();
        assertThatThrownBy(() -> store.deleteOAuthClient(clientId))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such OAuth client: " + clientId);
    }

    @Test
    void issueRefreshToken_returnsValueOnce_storesOnlyItsSha256() throws Exception {
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("").client().clientId();

        IssuedRefreshToken issued = store.issueRefreshToken("Ada@example.com", clientId);

        RefreshToken token = issued.token();
        assertThat(token.userEmail()).isEqualTo("ada@example.com");
        assertThat(token.clientId()).isEqualTo(clientId);
        assertThat(token.revoked()).isFalse();
        assertThat(token.id()).matches("[0-9a-f]{32}");
        assertThat(token.tokenSha256()).isEqualTo(Secrets.sha256Hex(issued.value()));
        assertThat(store.refreshTokens("ada@example.com")).containsExactly(token);
        assertThat(issued.toString()).doesNotContain(issued.value());
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM refresh_tokens")) {
            rows.next();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rows.getObject(i))).doesNotContain(issued.value());
            }
        }
    }

    @Test
    void issueRefreshToken_unknownUserOrClient_failsNotFound() {
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("").client().clientId();

        assertThatThrownBy(() -> store.issueRefreshToken("bob@example.com", clientId))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such user: bob@example.com");
        assertThatThrownBy(() -> store.issueRefreshToken("ada@example.com", "nope"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such OAuth client: nope");
    }

    @Test
    void issueRefreshToken_disabledUser_failsFailedPrecondition() {
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("").client().clientId();
        store.disableUser("ada@example.com");

        assertThatThrownBy(() -> store.issueRefreshToken("ada@example.com", clientId))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.FAILED_PRECONDITION))
                .hasMessage("user ada@example.com is disabled");
    }

    @Test
    void revokeRefreshToken_byIdOrByValue_marksOnlyThatTokenRevoked() {
        store.createUser("ada@example.com");
        String clientId = store.createOAuthClient("").client().clientId();
        var first = store.issueRefreshToken("ada@example.com", clientId);
        var second = store.issueRefreshToken("ada@example.com", clientId);
        var third = store.issueRefreshToken("ada@example.com", clientId);

        store.revokeRefreshToken(first.token().id());
        assertThat(store.revokeRefreshTokenByValue(second.value())).isTrue();

        assertThat(store.refreshTokens("ada@example.com")).extracting(RefreshToken::id, RefreshToken::revoked)
                .containsExactlyInAnyOrder(tuple(first.token().id(), true),
                        tuple(second.token().id(), true),
                        tuple(third.token().id(), false));
    }

    @Test
    void revokeRefreshToken_unknown_failsNotFoundByIdAndAnswersFalseByValue() {
        assertThatThrownBy(() -> store.revokeRefreshToken("nope"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such refresh token: nope");
        assertThat(store.revokeRefreshTokenByValue("not-a-token")).isFalse();
    }

    @Test
    void refreshTokens_unknownUser_failsNotFound() {
        assertThatThrownBy(() -> store.refreshTokens("bob@example.com"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND));
    }
}
