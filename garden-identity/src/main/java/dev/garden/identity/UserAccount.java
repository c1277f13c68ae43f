package dev.garden.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's account, which signs in through an OAuth client and holds refresh tokens.
 *
 * @param email      the account's email, lower case
 * @param disabled   a disabled account's refresh and access tokens stop working
 * @param createTime when it was created
 */
public record UserAccount(String email, boolean disabled, Instant createTime) {
    public UserAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createTime, "createTime");
    }
}
