package dev.garden.auth;

import dev.garden.identity.IdentityView;
import dev.garden.identity.SigningKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HMAC keys of {@link IdentityView#signingKeys()}, ready to use: an initialised {@link Mac} per key id, cloned
 * for each use (cloning costs far less than {@code Mac.getInstance} and {@code init}). Rebuilt whenever the view
 * hands out a different list, so a rotation is seen as soon as the view sees it.
 */
final class SigningKeyRing {
    static final String ALGORITHM = "HmacSHA256";

    private final IdentityView view;
    private volatile Snapshot snapshot = new Snapshot(null, Map.of(), null);

    SigningKeyRing(IdentityView view) {
        this.view = view;
    }

    /** A fresh Mac for the key with this id, or null if no such key is known. */
    Mac mac(String keyId) {
        Keyed keyed = current().keys.get(keyId);
        return keyed == null ? null : keyed.newMac();
    }

    /** The id of the key new tokens are signed with. */
    String activeKeyId() {
        String id = current().activeId;
        if (id == null) {
            throw new IllegalStateException("the identity store has no active signing key");
        }
        return id;
    }

    private Snapshot current() {
        List<SigningKey> keys = view.signingKeys();
        Snapshot seen = snapshot;
        // Identity, not equality: a view that keeps its list between refreshes costs nothing here.
        if (seen.source == keys) {
            return seen;
        }
        Snapshot fresh = Snapshot.of(keys);
        snapshot = fresh;
        return fresh;
    }

    private record Keyed(SecretKeySpec spec, Mac prototype) {
        static Keyed of(SigningKey key) {
            SecretKeySpec spec = new SecretKeySpec(key.secret(), ALGORITHM);
            return new Keyed(spec, init(spec));
        }

        Mac newMac() {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // The JDK's provider clones; another provider still works, only slower.
                return init(spec);
            }
        }

        private static Mac init(SecretKeySpec spec) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has " + ALGORITHM, e);
            }
        }
    }

    private record Snapshot(List<SigningKey> source, Map<String, Keyed> keys, String activeId) {
        static Snapshot of(List<SigningKey> signingKeys) {
            Map<String, Keyed> keys = new HashMap<>();
            for (SigningKey key : signingKeys) {
                keys.put(key.id(), Keyed.of(key));
            }
            // Exactly one key should be active; while a rotation is half done, the newest active one signs.
            String active = signingKeys.stream().filter(SigningKey::active)
                    .max(Comparator.comparing(SigningKey::createTime)).map(SigningKey::id).orElse(null);
            return new Snapshot(signingKeys, Map.copyOf(keys), active);
        }
    }
}
