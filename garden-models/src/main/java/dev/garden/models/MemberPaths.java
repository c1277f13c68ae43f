package dev.garden.models;

import java.util.regex.Pattern;

/** Rules for {@code /}-separated paths inside archives and repositories. */
final class MemberPaths {

    /**
     * A URI scheme such as {@code https:}, so that it is refused instead of read as a relative path. Two letters at
     * least: one would be a Windows drive.
     */
    static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private MemberPaths() {
    }

    /** Refuses empty, absolute and {@code ..} paths: they could never name a file inside the archive. */
    static void check(String path, String what) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("\"" + path + "\" is not a valid " + what
                    + ": use a relative path with / separators that names a file");
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("\"" + path + "\" is not a valid " + what
                        + ": empty, . and .. segments are not allowed");
            }
        }
    }

    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
