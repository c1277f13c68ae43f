package dev.garden.identity.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The other JVM of {@link H2AutoServerTest}: opens the embedded store of a Garden home, as the {@code garden} CLI
 * would beside a running server, and does one thing.
 *
 * <ul>
 *     <li>{@code HOME create-account PROJECT NAME}: creates a service account; prints {@code version=N}</li>
 *     <li>{@code HOME hold USER_EMAIL}: creates a user, prints {@code ready version=N}, and keeps the database open
 *     until a line arrives on stdin</li>
 * </ul>
 * Exit status 0 on success, 2 when an {@link IdentityException} says why not (printed).
 */
public final class SecondProcess {
    private SecondProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        try (IdentityStore store = IdentityStore.open(IdentityStoreConfig.embedded(home))) {
            switch (args[1]) {
                case "create-account" -> {
                    store.createServiceAccount(args[2], args[3], "made by the second JVM");
                    System.out.println("version=" + store.version());
                }
                case "hold" -> {
                    store.createUser(args[2]);
                    System.out.println("ready version=" + store.version());
                    System.out.flush();
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
                default -> throw new IllegalArgumentException("unknown command " + args[1]);
            }
        } catch (IdentityException e) {
            System.out.println(e.kind() + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
