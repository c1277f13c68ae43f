package dev.garden.jinja;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, as {@code strftime_now(fmt)} uses it. Includes glibc's
 * {@code %-d} style flag that removes padding, and {@code %e}.
 */
final class Strftime {
    private Strftime() {
    }

    static String format(ZonedDateTime time, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char directive = pattern.charAt(++i);
            boolean unpadded = false;
            if ((directive == '-' || directive == '_') && i + 1 < pattern.length()) {
                unpadded = directive == '-';
                directive = pattern.charAt(++i);
            }
            String value = directive(time, directive);
            if (value == null) {
                out.append('%').append(directive);
            } else if (unpadded && value.length() > 1 && (value.charAt(0) == '0' || value.charAt(0) == ' ')) {
                out.append(value.replaceFirst("^[0 ]+(?=.)", ""));
            } else {
                out.append(value);
            }
        }
        return out.toString();
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String directive(ZonedDateTime t, char directive) {
        return switch (directive) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> directive(t, 'a') + " " + directive(t, 'b') + " " + directive(t, 'e') + " "
                    + directive(t, 'T') + " " + t.getYear();
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> directive(t, 'm') + "/" + directive(t, 'd') + "/" + directive(t, 'y');
            case 'e' -> t.getDayOfMonth() < 10 ? " " + t.getDayOfMonth() : Integer.toString(t.getDayOfMonth());
            case 'F' -> t.getYear() + "-" + directive(t, 'm') + "-" + directive(t, 'd');
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'r' -> directive(t, 'I') + ":" + directive(t, 'M') + ":" + directive(t, 'S') + " " + directive(t, 'p');
            case 'R' -> directive(t, 'H') + ":" + directive(t, 'M');
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> directive(t, 'H') + ":" + directive(t, 'M') + ":" + directive(t, 'S');
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'x' -> directive(t, 'D');
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.getYear());
            case 'z' -> {
                int seconds = t.getOffset().getTotalSeconds();
                int minutes = Math.abs(seconds) / 60;
                yield (seconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60);
            }
            case 'Z' -> t.getZone().getId().equals("Z") ? "UTC" : t.getZone().getId();
            case 'f' -> String.format("%06d", t.get(ChronoField.MICRO_OF_SECOND));
            case '%' -> "%";
            default -> null;
        };
    }
}
