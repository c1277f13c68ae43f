package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void log_transferOfKnownSize_writesALinePerTenth() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);

        progress.start("acme/tiny", 100_000_000);
        for (int i = 0; i < 100; i++) {
            now = now.plusMillis(100);
            progress.advance(1_000_000);
        }
        progress.done();

        String[] lines = output().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("acme/tiny (100.0 MB) ...");
        assertThat(lines[1]).isEqualTo("acme/tiny:  10%  10.0/100.0 MB, 10.0 MB/s");
        assertThat(lines[9]).startsWith("acme/tiny:  90%");
        assertThat(lines[10]).isEqualTo("acme/tiny: done, 100.0 MB in 10.0 s, 10.0 MB/s");
    }

    @Test
    void log_transferOfUnknownSize_writesALinePerHundredMegabytes() {
        ConsoleProgress progress = new ConsoleProgress(out, false, clock);

        progress.start("acme/tiny", -1);
        now = now.plusSeconds(10);
        progress.advance(250_000_000);
        progress.done();

        assertThat(output()).isEqualTo("""
                acme/tiny ...
                acme/tiny: 250.0 MB, 25.0 MB/s
                acme/tiny: done, 250.0 MB in 10.0 s, 25.0 MB/s
                """);
    }

    @Test
    void terminal_transfer_redrawsOneLineAtMostEvery200Milliseconds() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);

        progress.start("acme/tiny", 10_000_000);
        now = now.plus(Duration.ofMillis(100));
        progress.advance(1_000_000);
        now = now.plus(Duration.ofMillis(150));
        progress.advance(1_000_000);
        now = now.plus(Duration.ofMillis(250));
        progress.done();

        assertThat(output()).isEqualTo("\racme/tiny    0%  0.0/10.0 MB"
                + "\racme/tiny   20%  2.0/10.0 MB, 8.0 MB/s"
                + "\racme/tiny   20%  2.0/10.0 MB, 4.0 MB/s\n");
    }

    @Test
    void terminal_shorterLineAfterLongerOne_isPaddedToHideTheRest() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);

        progress.start("x", -1);
        now = now.plusSeconds(1);
        progress.advance(100_000_000);
        now = now.plusSeconds(10);
        progress.advance(0);

        assertThat(output()).isEqualTo("\rx  0.0 MB"
                + "\rx  100.0 MB, 100.0 MB/s"
                + "\rx  100.0 MB, 9.1 MB/s  ");
    }

    @Test
    void terminal_newTransferAfterDone_startsWithoutPadding() {
        ConsoleProgress progress = new ConsoleProgress(out, true, clock);
        progress.start("acme/tiny", -1);
        now = now.plusSeconds(1);
        progress.advance(123_456_789);
        progress.done();
        bytes.reset();

        progress.start("x", -1);

        assertThat(output()).isEqualTo("\rx  0.0 MB");
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
