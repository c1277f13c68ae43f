package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAccountsTest extends StoreTestBase {
    private static final String ROBOT = "robot-1@my-project.iam.gserviceaccount.com";

    @BeforeEach
    void createProject() {
        store.createProject("my-project", "");
    }

    @Test
    void create_validName_makesGcloudEmailAndA21DigitUniqueId() {
        ServiceAccount account = store.createServiceAccount("my-project", "robot-1", "The robot");

        assertThat(account.email()).isEqualTo(ROBOT);
        assertThat(account.projectId()).isEqualTo("my-project");
        assertThat(account.uniqueId()).matches("[1-9][0-9]{20}");
        assertThat(account.displayName()).isEqualTo("The robot");
        assertThat(account.disabled()).isFalse();
        assertThat(account.createTime()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(store.serviceAccount(ROBOT)).contains(account);
    }

    @Test
    void create_twoAccounts_getDifferentUniqueIds() {
        var one = store.createServiceAccount("my-project", "robot-1", "");
        var two = store.createServiceAccount("my-project", "robot-2", "");

        assertThat(one.uniqueId()).isNotEqualTo(two.uniqueId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot", "1robot", "Robot-one", "robot-", "robot_one", "robot.one",
            "a-name-that-is-31-characters-xx"})
    void create_nameBreakingGcloudsRules_failsInvalidArgument(String name) {
        assertThatThrownBy(() -> store.createServiceAccount("my-project", name, ""))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("invalid service account name '" + name + "'");
    }

    @Test
    void create_thirtyCharacterName_isAccepted() {
        String name = "a-name-that-is-30-characters-x";

        assertThat(store.createServiceAccount("my-project", name, "").email())
                .isEqualTo(name + "@my-project.iam.gserviceaccount.com");
    }

    @Test
    void create_displayNameTooLong_failsInvalidArgument() {
        assertThatThrownBy(() -> store.createServiceAccount("my-project", "robot-1", "x".repeat(101)))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void create_unknownProject_failsNotFound() {
        assertThatThrownBy(() -> store.createServiceAccount("other-project", "robot-1", ""))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such project: other-project");
    }

    @Test
    void create_existingAccount_failsAlreadyExists() {
        store.createServiceAccount("my-project", "robot-1", "");

        assertThatThrownBy(() -> store.createServiceAccount("my-project", "robot-1", "again"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.ALREADY_EXISTS))
                .hasMessage("service account " + ROBOT + " already exists");
    }

    @Test
    void serviceAccount_emailInOtherCase_isFound() {
        store.createServiceAccount("my-project", "robot-1", "");

        assertThat(store.serviceAccount(ROBOT.toUpperCase())).isPresent();
    }

    @Test
    void serviceAccounts_twoProjects_listsOnlyTheOneAskedForByEmail() {
        store.createProject("other-project", "");
        store.createServiceAccount("my-project", "robot-2", "");
        store.createServiceAccount("my-project", "robot-1", "");
        store.createServiceAccount("other-project", "robot-3", "");

        assertThat(store.serviceAccounts("my-project")).extracting(ServiceAccount::email)
                .containsExactly(ROBOT, "robot-2@my-project.iam.gserviceaccount.com");
    }

    @Test
    void serviceAccounts_unknownProject_failsNotFound() {
        assertThatThrownBy(() -> store.serviceAccounts("other-project"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND));
    }

    @Test
    void disable_thenEnable_togglesDisabledAndRepeatsAreHarmless() {
        store.createServiceAccount("my-project", "robot-1", "");

        store.disableServiceAccount(ROBOT);
        store.disableServiceAccount(ROBOT);
        assertThat(store.serviceAccount(ROBOT).orElseThrow().disabled()).isTrue();

        store.enableServiceAccount(ROBOT.toUpperCase());
        assertThat(store.serviceAccount(ROBOT).orElseThrow().disabled()).isFalse();
    }

    @Test
    void disable_unknownAccount_failsNotFound() {
        assertThatThrownBy(() -> store.disableServiceAccount(ROBOT))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such service account: " + ROBOT);
        assertThatThrownBy(() -> store.enableServiceAccount(ROBOT)).isInstanceOf(IdentityException.class);
    }

    @Test
    void delete_accountWithKeysAndBindings_removesThem() {
        store.createServiceAccount("my-project", "robot-1", "");
        var key = store.createKey(ROBOT);
        store.addIamBinding("my-project", Member.serviceAccount(ROBOT), Role.USER);

        store.deleteServiceAccount(ROBOT);

        assertThat(store.serviceAccount(ROBOT)).isEmpty();
        assertThat(store.key(key.key().keyId())).isEmpty();
        assertThat(store.iamPolicy("my-project")).isEmpty();
    }

    @Test
    void create_afterDeletingTheSameName_doesNotInheritTheOldBindings() {
        store.createServiceAccount("my-project", "robot-1", "");
        store.addIamBinding("my-project", Member.serviceAccount(ROBOT), Role.ADMIN);
        store.deleteServiceAccount(ROBOT);

        store.createServiceAccount("my-project", "robot-1", "");

        assertThat(store.iamPolicy("my-project")).isEmpty();
    }

    @Test
    void delete_unknownAccount_failsNotFound() {
        assertThatThrownBy(() -> store.deleteServiceAccount(ROBOT))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such service account: " + ROBOT);
    }
}
