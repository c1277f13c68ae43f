package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamTest extends StoreTestBase {
    private static final Member ROBOT = Member.serviceAccount("robot-1@my-project.iam.gserviceaccount.com");
    private static final Member ADA = Member.user("ada@example.com");

    @BeforeEach
    void createMembers() {
        store.createProject("my-project", "");
        store.createServiceAccount("my-project", "robot-1", "");
        store.createUser("ada@example.com");
    }

    @Test
    void addIamBinding_severalMembersAndRoles_policyIsGroupedByRoleLikeGcloud() {
        store.addIamBinding("my-project", ADA, Role.USER);
        store.addIamBinding("my-project", ROBOT, Role.USER);
        List<PolicyBinding> policy = store.addIamBinding("my-project", ADA, Role.ADMIN);

        List<PolicyBinding> expected = List.of(
                new PolicyBinding(Role.ADMIN, List.of(ADA)),
                new PolicyBinding(Role.USER, List.of(ROBOT, ADA)));
        assertThat(policy).isEqualTo(expected);
        assertThat(store.iamPolicy("my-project")).isEqualTo(expected);
    }

    @Test
    void addIamBinding_twice_isStoredOnce() {
        store.addIamBinding("my-project", ROBOT, Role.USER);

        assertThat(store.addIamBinding("my-project", ROBOT, Role.USER))
                .containsExactly(new PolicyBinding(Role.USER, List.of(ROBOT)));
    }

    @Test
    void addIamBinding_unknownProject_failsNotFound() {
        assertThatThrownBy(() -> store.addIamBinding("other-project", ROBOT, Role.USER))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such project: other-project");
    }

    @Test
    void addIamBinding_unknownMember_failsNotFound() {
        assertThatThrownBy(() -> store.addIamBinding("my-project",
                Member.serviceAccount("ghost-1@my-project.iam.gserviceaccount.com"), Role.USER))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage("no such service account: ghost-1@my-project.iam.gserviceaccount.com");
        assertThatThrownBy(() -> store.addIamBinding("my-project", Member.user("bob@example.com"), Role.USER))
                .hasMessage("no such user: bob@example.com");
    }

    @Test
    void addIamBinding_accountOfAnotherProject_isAllowed() {
        store.createProject("other-project", "");

        assertThat(store.addIamBinding("other-project", ROBOT, Role.VIEWER))
                .containsExactly(new PolicyBinding(Role.VIEWER, List.of(ROBOT)));
    }

    @Test
    void removeIamBinding_held_removesOnlyThatRole() {
        store.addIamBinding("my-project", ROBOT, Role.USER);
        store.addIamBinding("my-project", ROBOT, Role.VIEWER);

        List<PolicyBinding> policy = store.removeIamBinding("my-project", ROBOT, Role.USER);

        assertThat(policy).containsExactly(new PolicyBinding(Role.VIEWER, List.of(ROBOT)));
    }

    @Test
    void removeIamBinding_notHeld_failsNotFound() {
        assertThatThrownBy(() -> store.removeIamBinding("my-project", ROBOT, Role.ADMIN))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessage(ROBOT + " does not hold roles/aiplatform.admin on project my-project");
    }

    @Test
    void iamPolicy_noBindings_isEmpty_unknownProject_failsNotFound() {
        assertThat(store.iamPolicy("my-project")).isEmpty();
        assertThatThrownBy(() -> store.iamPolicy("other-project"))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.NOT_FOUND));
    }
}
