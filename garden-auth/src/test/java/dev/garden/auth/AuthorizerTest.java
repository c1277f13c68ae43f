package dev.garden.auth;

import dev.garden.core.ErrorKind;
import dev.garden.core.ErrorReason;
import dev.garden.core.GardenException;
import dev.garden.identity.Member;
import dev.garden.identity.Permission;
import dev.garden.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEY_ID;
import static dev.garden.auth.AuthFixture.OTHER;
import static dev.garden.auth.AuthFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** IAM: roles on a project grant permissions; everything else is denied, in one indistinguishable way. */
class AuthorizerTest {
    private static final String ENDPOINT = "projects/" + PROJECT + "/locations/us-central1/endpoints/openapi";

    private final AuthFixture world = new AuthFixture();
    private final Authorizer authorizer = world.auth.authorizer();
    private final Principal bot = new Principal(Member.serviceAccount(BOT), Principal.Via.ACCESS_TOKEN_FROM_KEY,
            BOT_KEY_ID);

    @Test
    void check_userRole_allowsPredict() {
        assertThatCode(() -> authorizer.check(bot, ENDPOINT, Permission.ENDPOINTS_PREDICT)).doesNotThrowAnyException();
        assertThat(authorizer.allowed(bot, PROJECT, Permission.MODELS_LIST)).isTrue();
    }

    @Test
    void check_permissionTheRoleLacks_isDeniedAsGoogleSays() {
        GardenException e = catchThrowableOfType(GardenException.class,
                () -> authorizer.check(bot, ENDPOINT, Permission.ENDPOINTS_DEPLOY));

        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(e.getMessage()).isEqualTo("Permission 'aiplatform.endpoints.deploy' denied on resource"
                + " '//aiplatform.googleapis.com/projects/garden-proj/locations/us-central1/endpoints/openapi' (or it"
                + " may not exist).");
        assertThat(e.reason()).contains(new ErrorReason("IAM_PERMISSION_DENIED", "iam.googleapis.com",
                Map.of("permission", "aiplatform.endpoints.deploy", "resource", ENDPOINT)));
        assertThat(e.reason().orElseThrow().metadata().keySet()).containsExactly("permission", "resource");
    }

    @Test
    void check_anotherProject_isDenied() {
        world.view.addProject("someone-elses");
        String resource = "projects/someone-elses/locations/us-central1/endpoints/openapi";

        assertThatThrownBy(() -> authorizer.check(bot, resource, Permission.ENDPOINTS_PREDICT))
                .isInstanceOf(GardenException.class)
                .hasMessage("Permission 'aiplatform.endpoints.predict' denied on resource"
                            + " '//aiplatform.googleapis.com/" + resource + "' (or it may not exist).");
    }

    @Test
    void check_projectThatDoesNotExist_isDeniedExactlyLikeOneWithoutARole() {
        world.view.addProject("exists");
        GardenException existing = catchThrowableOfType(GardenException.class,
                () -> authorizer.check(bot, "projects/exists/locations/l/endpoints/e", Permission.ENDPOINTS_PREDICT));
        GardenException missing = catchThrowableOfType(GardenException.class,
                () -> authorizer.check(bot, "projects/nowhere/locations/l/endpoints/e", Permission.ENDPOINTS_PREDICT));

        assertThat(missing.kind()).isEqualTo(existing.kind());
        assertThat(missing.getMessage()).isEqualTo(existing.getMessage().replace("exists", "nowhere"));
        assertThat(missing.reason().orElseThrow().reason()).isEqualTo(existing.reason().orElseThrow().reason());
    }

    @Test
    void check_bindingOnADeletedProject_isDenied() {
        world.view.removeProject(PROJECT);

        assertThat(authorizer.allowed(bot, PROJECT, Permission.ENDPOINTS_PREDICT)).isFalse();
    }

    @Test
    void check_accountWithoutRoles_isDenied() {
        Principal other = new Principal(Member.serviceAccount(OTHER), Principal.Via.SELF_SIGNED_JWT, "k");

        assertThat(authorizer.allowed(other, PROJECT, Permission.ENDPOINTS_PREDICT)).isFalse();
    }

    @Test
    void check_viewer_mayListButNotPredict() {
        world.view.grant(PROJECT, Member.serviceAccount(OTHER), Role.VIEWER);
        Principal other = new Principal(Member.serviceAccount(OTHER), Principal.Via.SELF_SIGNED_JWT, "k");

        assertThat(authorizer.allowed(other, PROJECT, Permission.ENDPOINTS_LIST)).isTrue();
        assertThat(authorizer.allowed(other, PROJECT, Permission.ENDPOINTS_PREDICT)).isFalse();
    }

    @Test
    void check_admin_mayDoEverything() {
        world.view.grant(PROJECT, Member.serviceAccount(OTHER), Role.ADMIN);
        Principal other = new Principal(Member.serviceAccount(OTHER), Principal.Via.SELF_SIGNED_JWT, "k");

        for (Permission permission : Permission.values()) {
            assertThat(authorizer.allowed(other, PROJECT, permission)).as(permission.id()).isTrue();
        }
    }

    @Test
    void check_aUserAndAServiceAccountOfTheSameEmail_areDifferentMembers() {
        world.view.grant(PROJECT, Member.user("twin@example.com"), Role.USER);
        Principal account = new Principal(Member.serviceAccount("twin@example.com"), Principal.Via.SELF_SIGNED_JWT,
                "k");

        assertThat(authorizer.allowed(account, PROJECT, Permission.ENDPOINTS_PREDICT)).isFalse();
    }

    @Test
    void check_resourceWithoutAProject_isAProgrammingError() {
        assertThatThrownBy(() -> authorizer.check(bot, "locations/l/endpoints/e", Permission.ENDPOINTS_PREDICT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> authorizer.check(bot, "projects//x", Permission.ENDPOINTS_PREDICT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IamAuthorizer.projectOf("projects/p")).isEqualTo("p");
    }
}
