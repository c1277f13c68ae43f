package dev.garden.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds JWTs by hand, byte for byte as a given client library would, or as an attacker would: any header, any
 * claims, any algorithm, with or without base64 padding, compact or Python-spaced JSON.
 */
final class Jwt {
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private boolean padded;
    private boolean pythonJson;

    static Jwt rs256() {
        Jwt jwt = new Jwt();
        jwt.header.put("alg", "RS256");
        jwt.header.put("typ", "JWT");
        return jwt;
    }

    /** Sets a header parameter; null removes it. */
    Jwt header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    /** Sets a claim; null removes it. */
    Jwt claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /** Pads each segment with '=', as Python's base64.urlsafe_b64encode does (google-auth 1.5.1). */
    Jwt padded() {
        this.padded = true;
        return this;
    }

    /** Writes JSON as Python's json.dumps does: ", " and ": " separators. */
    Jwt pythonJson() {
        this.pythonJson = true;
        return this;
    }

    String signingInput() {
        return encode(json(header).getBytes(StandardCharsets.UTF_8)) + "."
               + encode(json(claims).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs with SHA256withRSA, whatever the header says. */
    String sign(PrivateKey key) {
        try {
            String input = signingInput();
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with HMAC-SHA256 and the given secret, whatever the header says. */
    String signHmac(byte[] secret) {
        try {
            String input = signingInput();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No signature at all: {@code header.claims.} as {@code alg: none} has it. */
    String unsigned() {
        return signingInput() + ".";
    }

    private String encode(byte[] bytes) {
        return padded ? Base64.getUrlEncoder().encodeToString(bytes)
                      : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private void write(StringBuilder out, Object value) {
        switch (value) {
            case String s -> {
                out.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                    }
                }
                out.append('"');
            }
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : pythonJson ? ", " : ",");
                    write(out, list.get(i));
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "" : pythonJson ? ", " : ",");
                    first = false;
                    write(out, e.getKey().toString());
                    out.append(pythonJson ? ": " : ":");
                    write(out, e.getValue());
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("no JSON for " + value.getClass());
        }
    }
}
