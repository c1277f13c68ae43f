package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectsTest extends StoreTestBase {

    @Test
    void create_validId_isStoredWithMicrosecondTime() {
        Project created = store.createProject("my-project-1", "My project");

        assertThat(created).isEqualTo(new Project("my-project-1", "My project",
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        assertThat(store.project("my-project-1")).contains(created);
    }

    @Test
    void create_blankDisplayName_usesTheId() {
        assertThat(store.createProject("garden-dev", " ").displayName()).isEqualTo("garden-dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "1starts-with-digit", "Upper-case", "ends-with-hyphen-", "under_score",
            "a-project-id-that-is-much-too-long", ""})
    void create_idBreakingGooglesRules_failsInvalidArgument(String id) {
        assertThatThrownBy(() -> store.createProject(id, ""))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("invalid project id '" + id + "'")
                .hasMessageContaining("6 to 30 lowercase letters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "a-2345678901234567890123456789", "a1-b2-c3"})
    void create_idsWithinTheRules_areAccepted(String id) {
        assertThat(store.createProject(id, "").projectId()).isEqualTo(id);
    }

    @Test
    void create_existingId_failsAlreadyExists() {
        store.createProject("garden-dev", "");

        assertThatThrownBy(() -> store.createProject("garden-dev", ""))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.ALREADY_EXISTS))
                .hasMessage("project garden-dev already exists");
    }

    @Test
    void project_unknown_isEmpty() {
        assertThat(store.project("nope-nope")).isEmpty();
    }

    @Test
    void projects_several_areSortedById() {
        store.createProject("zeta-project", "");
        store.createProject("alpha-project", "");

        assertThat(store.projects()).extracting(Project::projectId).containsExactly("alpha-project",
                "zeta-project");
    }

    @Test
    void delete_projectWithAccountsKeysAndBindings_removesThemAll() {
        store.createProject("doomed-project", "");
        store.createProject("other-project", "");
        var account = store.createServiceAccount("doomed-project", "robot-1", "");
        var key = store.createKey(account.email());
        store.addIamBinding("other-project", Member.serviceAccount(account.email()), Role.USER);

        store.deleteProject("doomed-project");

        assertThat(store.project("doomed-project")).isEmpty();
        assertThat(store.serviceAccount(account.email())).isEmpty();
        assertThat(store.key(key.key().keyId())).isEmpty();
        assertThat(store.iamPolicy("other-project")).isEmpty();
    }

    @Test
    void delete_unknownProject_failsNotFound() {
        assertThatThrownBy(() -> store.deleteProject("nope-nope"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such project: nope-nope");
    }

    @Test
    void version_eachWrite_growsByOne() {
        long before = store.version();
        store.createProject("garden-dev", "");
        store.createProject("garden-prod", "");

        assertThat(store.version()).isEqualTo(before + 2);
    }

    @Test
    void version_failedWrite_isUnchanged() {
        store.createProject("garden-dev", "");
        long before = store.version();

        assertThatThrownBy(() -> store.createProject("garden-dev", "")).isInstanceOf(IdentityException.class);

        assertThat(store.version()).isEqualTo(before);
    }
}
