package dev.garden.auth;

import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Revocations;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory identity store that is its own view, and records revocations so that the view sees them at once
 * (the real view lags the store by seconds).
 */
final class FakeIdentityView implements IdentityView, Revocations {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Set<String> projects = ConcurrentHashMap.newKeySet();
    private final Map<String, ServiceAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, ServiceAccountKey> keys = new ConcurrentHashMap<>();
    private final Map<String, UserAccount> users = new ConcurrentHashMap<>();
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Set<Role>> bindings = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedAccessTokens = new ConcurrentHashMap<>();
    private volatile List<SigningKey> signingKeys = List.of();

    // ---- setup and changes, as the store would make them

    void addProject(String projectId) {
        projects.add(projectId);
    }

    void removeProject(String projectId) {
        projects.remove(projectId);
    }

    ServiceAccount addServiceAccount(String email) {
        String project = email.substring(email.indexOf('@') + 1, email.indexOf('.'));
        ServiceAccount account = new ServiceAccount(email.toLowerCase(Locale.ROOT), project, "1000"
                + accounts.size(), "", false, CREATED);
        accounts.put(account.email(), account);
        return account;
    }

    void setServiceAccountDisabled(String email, boolean disabled) {
        ServiceAccount a = accounts.get(email.toLowerCase(Locale.ROOT));
        accounts.put(a.email(), new ServiceAccount(a.email(), a.projectId(), a.uniqueId(), a.displayName(),
                disabled, a.createTime()));
    }

    void deleteServiceAccount(String email) {
        accounts.remove(email.toLowerCase(Locale.ROOT));
    }

    ServiceAccountKey addKey(String keyId, String accountEmail, RSAPublicKey publicKey) {
        ServiceAccountKey key = new ServiceAccountKey(keyId, accountEmail.toLowerCase(Locale.ROOT), publicKey,
                CREATED, false);
        keys.put(keyId, key);
        return key;
    }

    void setKeyDisabled(String keyId, boolean disabled) {
        ServiceAccountKey k = keys.get(keyId);
        keys.put(keyId, new ServiceAccountKey(k.keyId(), k.accountEmail(), k.publicKey(), k.createTime(), disabled));
    }

    void deleteKey(String keyId) {
        keys.remove(keyId);
    }

    void addUser(String email) {
        users.put(email.toLowerCase(Locale.ROOT), new UserAccount(email.toLowerCase(Locale.ROOT), false, CREATED));
    }

    void setUserDisabled(String email, boolean disabled) {
        UserAccount u = users.get(email.toLowerCase(Locale.ROOT));
        users.put(u.email(), new UserAccount(u.email(), disabled, u.createTime()));
    }

    void deleteUser(String email) {
        users.remove(email.toLowerCase(Locale.ROOT));
    }

    void addOAuthClient(String clientId, String secret) {
        clients.put(clientId, new OAuthClient(clientId, Hashing.sha256Hex(secret), clientId, CREATED));
    }

    RefreshToken addRefreshToken(String id, String token, String userEmail, String clientId) {
        RefreshToken refreshToken = new RefreshToken(id, Hashing.sha256Hex(token), userEmail.toLowerCase(Locale.ROOT),
                clientId, CREATED, false);
        refreshTokens.put(id, refreshToken);
        return refreshToken;
    }

    void grant(String projectId, Member member, Role role) {
        bindings.computeIfAbsent(projectId + "|" + member, k -> ConcurrentHashMap.newKeySet()).add(role);
    }

    void addSigningKey(SigningKey key) {
        List<SigningKey> next = new ArrayList<>();
        for (SigningKey existing : signingKeys) {
            // Adding an active key retires the active one, as a rotation does.
            next.add(key.active() && existing.active()
                    ? new SigningKey(existing.id(), existing.secret(), existing.createTime(), false) : existing);
        }
        next.add(key);
        signingKeys = List.copyOf(next);
    }

    void removeSigningKey(String id) {
        signingKeys = signingKeys.stream().filter(k -> !k.id().equals(id)).toList();
    }

    Map<String, Instant> revokedAccessTokens() {
        return Map.copyOf(revokedAccessTokens);
    }

    Set<String> revokedRefreshTokenIds() {
        Set<String> ids = new HashSet<>();
        refreshTokens.values().stream().filter(RefreshToken::revoked).forEach(t -> ids.add(t.id()));
        return ids;
    }

    // ---- Revocations

    @Override
    public void revokeAccessToken(String tokenId, Instant expiry) {
        revokedAccessTokens.put(tokenId, expiry);
    }

    @Override
    public void revokeRefreshToken(String refreshTokenId) {
        RefreshToken t = refreshTokens.get(refreshTokenId);
        refreshTokens.put(t.id(), new RefreshToken(t.id(), t.tokenSha256(), t.userEmail(), t.clientId(),
                t.createTime(), true));
    }

    // ---- IdentityView

    @Override
    public boolean projectExists(String projectId) {
        return projects.contains(projectId);
    }

    @Override
    public Optional<ServiceAccount> serviceAccount(String email) {
        return Optional.ofNullable(accounts.get(email.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<ServiceAccountKey> keys(String accountEmail) {
        return keys.values().stream().filter(k -> k.accountEmail().equalsIgnoreCase(accountEmail)).toList();
    }

    @Override
    public Optional<ServiceAccountKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public Optional<UserAccount> user(String email) {
        return Optional.ofNullable(users.get(email.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<OAuthClient> oauthClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public Optional<RefreshToken> refreshTokenBySha256(String tokenSha256) {
        return refreshTokens.values().stream().filter(t -> t.tokenSha256().equals(tokenSha256)).findFirst();
    }

    @Override
    public Optional<RefreshToken> refreshToken(String id) {
        return Optional.ofNullable(refreshTokens.get(id));
    }

    @Override
    public Set<Role> roles(String projectId, Member member) {
        return Set.copyOf(bindings.getOrDefault(projectId + "|" + member, Set.of()));
    }

    @Override
    public List<SigningKey> signingKeys() {
        return signingKeys;
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return revokedAccessTokens.containsKey(tokenId);
    }

    @Override
    public Instant freshAsOf() {
        return Instant.EPOCH;
    }
}
