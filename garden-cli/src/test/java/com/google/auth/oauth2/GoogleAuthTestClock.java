package com.google.auth.oauth2;

import java.time.Clock;

/**
 * Points google-auth-library-java's credentials at a test's clock. The library keeps its clock in a package-private
 * field (its own tests set it the same way), so this small bridge lives in the library's package, in test sources.
 */
public final class GoogleAuthTestClock {
    private GoogleAuthTestClock() {
    }

    /** From now on the credentials read the time (token expiry, assertion iat/exp) from {@code clock}. */
    public static void use(OAuth2Credentials credentials, Clock clock) {
        credentials.clock = clock::millis;
    }
}
