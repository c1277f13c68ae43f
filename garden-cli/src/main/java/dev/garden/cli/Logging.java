package dev.garden.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One line per log record on stderr; llama.cpp's chatter (DEBUG) only when asked for. */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        Level level = verbose ? Level.FINE : Level.INFO;
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        // Helidon announces every start and stop at INFO; Garden says what matters itself.
        Logger.getLogger("io.helidon").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
