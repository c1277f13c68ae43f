package dev.garden.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeCommandTest {

    @Test
    void requireLoopback_loopbackNames_areAccepted() {
        for (String host : new String[]{"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertThatCode(() -> ServeCommand.requireLoopback(host)).doesNotThrowAnyException();
        }
    }

    @Test
    void requireLoopback_anyOtherAddress_isRefusedSayingWhy() {
        for (String host : new String[]{"0.0.0.0", "::", "10.1.2.3"}) {
            assertThatThrownBy(() -> ServeCommand.requireLoopback(host))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no authentication yet");
        }
    }
}
