package dev.garden.grammar;

import java.util.Map;

/**
 * Grammars for the {@code format} values Garden enforces, written for what strict readers accept (Python's
 * {@code date.fromisoformat}/Pydantic, RFC 3339, email-validator), so that the output passes them, not only the
 * looser checks of JSON Schema validators:
 * <ul>
 *   <li>{@code date}: {@code YYYY-MM-DD}, year 0001 to 9999, days per month, February 29 in leap years only.
 *   <li>{@code time}: RFC 3339 full-time {@code hh:mm:ss}, optional fraction of up to 6 digits (microseconds),
 *       then {@code Z} or {@code +hh:mm}/{@code -hh:mm}; no leap second 60, which Python rejects.
 *   <li>{@code date-time}: date {@code T} time.
 *   <li>{@code uuid}: 8-4-4-4-12 lower-case hexadecimal digits.
 *   <li>{@code email}: a dot-atom local part of up to four atoms of {@code [A-Za-z0-9_+-]}, {@code @}, one to
 *       three DNS labels, then one of 47 real top-level domains ({@code com}, {@code org}, {@code io}, {@code de},
 *       ...): made-up ones, and special-use names such as {@code .test} or {@code .local} that email-validator
 *       refuses, cannot occur.
 *   <li>{@code ipv4}: dotted quad, octets 0 to 255 without leading zeros.
 *   <li>{@code uri}: {@code http}/{@code https} URLs with a DNS host, up to 8 path segments and a query.
 * </ul>
 * Each has a known shortest and longest length, so {@code minLength}/{@code maxLength} beside a format are
 * accepted when the format's lengths already satisfy them.
 */
final class StringFormats {
    /** A format's grammar (the string content, quotes excluded) and its length bounds in characters. */
    record Format(String name, String body, int minLength, int maxLength) {
    }

    /** Formats with no constraint beyond being a string (OpenAPI's hints for binary data and secrets). */
    static final java.util.Set<String> UNCONSTRAINED = java.util.Set.of("binary", "password");

    private static final String DAY28 = "( \"0\" [1-9] | \"1\" [0-9] | \"2\" [0-8] )";
    private static final String YEAR = "( [0-9]{3} [1-9] | [0-9]{2} [1-9] \"0\" | [0-9] [1-9] \"00\" | [1-9] \"000\" )";
    /** Two digits forming a non-zero multiple of 4. */
    private static final String MULTIPLE_OF_4 = "( [02468] [48] | [2468] \"0\" | [13579] [26] )";
    private static final String LEAP_YEAR = "( [0-9]{2} " + MULTIPLE_OF_4 + " | " + MULTIPLE_OF_4 + " \"00\" )";
    private static final String DATE = YEAR + " \"-\" ( ( \"0\" [13578] | \"1\" [02] ) \"-\" ( " + DAY28
            + " | \"29\" | \"30\" | \"31\" ) | ( \"0\" [469] | \"11\" ) \"-\" ( " + DAY28 + " | \"29\" | \"30\" )"
            + " | \"02-\" " + DAY28 + " ) | " + LEAP_YEAR + " \"-02-29\"";
    private static final String HOUR = "( [01] [0-9] | \"2\" [0-3] )";
    private static final String TIME = HOUR + " \":\" [0-5] [0-9] \":\" [0-5] [0-9] ( \".\" [0-9]{1,6} )?"
            + " ( \"Z\" | [+\\x2D] " + HOUR + " \":\" [0-5] [0-9] )";
    private static final String HEX = "[0-9a-f]";
    private static final String UUID = HEX + "{8} \"-\" " + HEX + "{4} \"-\" " + HEX + "{4} \"-\" " + HEX + "{4} \"-\" "
            + HEX + "{12}";
    private static final String LABEL = "[a-zA-Z0-9] ( [a-zA-Z0-9\\x2D]{0,30} [a-zA-Z0-9] )?";
    /**
     * Real top-level domains only: validators built on IANA's list (commons-validator, networknt) refuse made-up
     * ones such as {@code .rk}, which a model happily invents.
     */
    private static final String TLD = "( " + String.join(" | ", java.util.stream.Stream.of("com", "org", "net", "edu",
            "gov", "mil", "int", "info", "biz", "io", "ai", "co", "dev", "app", "me", "us", "uk", "de", "fr", "es",
            "it", "nl", "se", "no", "fi", "dk", "ch", "at", "be", "pl", "cz", "pt", "ie", "ca", "au", "nz", "jp", "cn",
            "in", "br", "mx", "ru", "kr", "za", "sg", "hk", "tw").map(Gbnf::literal).toList()) + " )";
    private static final String DOMAIN = LABEL + " ( \".\" " + LABEL + " ){0,2} \".\" " + TLD;
    private static final String ATOM = "[a-zA-Z0-9_+\\x2D]{1,15}";
    private static final String EMAIL = ATOM + " ( \".\" " + ATOM + " ){0,3} \"@\" " + DOMAIN;
    private static final String OCTET = "( \"25\" [0-5] | \"2\" [0-4] [0-9] | \"1\" [0-9]{2} | [1-9] [0-9] | [0-9] )";
    private static final String IPV4 = OCTET + " \".\" " + OCTET + " \".\" " + OCTET + " \".\" " + OCTET;
    /** RFC 3986 unreserved and sub-delimiters plus ':' and '@', without '%' so no escape can be malformed. */
    private static final String PATH_CHAR = "[a-zA-Z0-9._~!$&'()*+,;=:@\\x2D]";
    private static final String URI = "\"http\" \"s\"? \"://\" " + DOMAIN + " ( \"/\" " + PATH_CHAR + "{0,32} ){0,8}"
            + " ( \"?\" [a-zA-Z0-9._~!$&'()*+,;=:@/?\\x2D]{0,64} )?";

    private static final int DOMAIN_MAX = 3 * 32 + 3 + 4;

    private static final Map<String, Format> FORMATS = Map.of(
            "date", new Format("date", DATE, 10, 10),
            "time", new Format("time", TIME, 9, 21),
            "date-time", new Format("date-time", "( " + DATE + " ) \"T\" " + TIME, 20, 32),
            "uuid", new Format("uuid", UUID, 36, 36),
            "email", new Format("email", EMAIL, 6, 15 * 4 + 3 + 1 + DOMAIN_MAX),
            "ipv4", new Format("ipv4", IPV4, 7, 15),
            "uri", new Format("uri", URI, 11, 8 + DOMAIN_MAX + 8 * 33 + 65));

    private StringFormats() {
    }

    /** The format, or null when Garden does not enforce it. */
    static Format find(String name) {
        return FORMATS.get(name);
    }

    /** The names of the enforced formats, for messages. */
    static String supportedNames() {
        return String.join(", ", new java.util.TreeSet<>(FORMATS.keySet()));
    }
}
