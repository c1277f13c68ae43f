package dev.garden.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StopMatcherTest {

    @Test
    void push_noStops_releasesEverything() {
        StopMatcher matcher = new StopMatcher(List.of());
        assertThat(matcher.push("hello")).isEqualTo(new StopMatcher.Result("hello", false));
    }

    @Test
    void push_stopInsideOnePiece_releasesTextBeforeItAndStops() {
        StopMatcher matcher = new StopMatcher(List.of("END"));
        assertThat(matcher.push("abcENDdef")).isEqualTo(new StopMatcher.Result("abc", true));
    }

    @Test
    void push_stopSplitAcrossPieces_holdsPossiblePrefixUntilDecided() {
        StopMatcher matcher = new StopMatcher(List.of("END"));
        assertThat(matcher.push("abE")).isEqualTo(new StopMatcher.Result("ab", false));
        assertThat(matcher.push("N")).isEqualTo(new StopMatcher.Result("", false));
        assertThat(matcher.push("D!")).isEqualTo(new StopMatcher.Result("", true));
    }

    @Test
    void push_prefixThatDoesNotComplete_isReleasedOnceDisproved() {
        StopMatcher matcher = new StopMatcher(List.of("END"));
        assertThat(matcher.push("aE")).isEqualTo(new StopMatcher.Result("a", false));
        assertThat(matcher.push("Nx")).isEqualTo(new StopMatcher.Result("ENx", false));
    }

    @Test
    void push_severalStops_stopsAtTheEarliest() {
        StopMatcher matcher = new StopMatcher(List.of("world", "lo"));
        assertThat(matcher.push("hello world")).isEqualTo(new StopMatcher.Result("hel", true));
    }

    @Test
    void flush_afterHeldPrefix_releasesIt() {
        StopMatcher matcher = new StopMatcher(List.of("\n\n"));
        assertThat(matcher.push("line\n")).isEqualTo(new StopMatcher.Result("line", false));
        assertThat(matcher.flush()).isEqualTo("\n");
    }

    @Test
    void push_afterStop_releasesNothing() {
        StopMatcher matcher = new StopMatcher(List.of("x"));
        matcher.push("x");
        assertThat(matcher.push("more")).isEqualTo(new StopMatcher.Result("", true));
    }

    @Test
    void push_emptyStopStrings_areIgnored() {
        StopMatcher matcher = new StopMatcher(List.of(""));
        assertThat(matcher.push("abc")).isEqualTo(new StopMatcher.Result("abc", false));
    }
}
