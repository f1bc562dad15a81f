package org.sluice.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sluice.testsupport.MutableClock;

class ProgressLineTest {

    @Test
    void aLineShowsTheBarPercentageBytesRateAndTimeLeft() {
        assertThat(ProgressLine.render("fetch pkg-1", 512 * 1024, 2 * 1024 * 1024, 256 * 1024))
                .isEqualTo(
                        "fetch pkg-1  [======>                 ]  25%  512.0 KiB of 2.0 MiB  256.0 KiB/s  0:06 left");
        assertThat(ProgressLine.render("x", 10, 10, 5))
                .isEqualTo("x  [========================] 100%  10 B of 10 B  5 B/s");
        assertThat(ProgressLine.render("x", 1536, 0, 0)).isEqualTo("x  1.5 KiB");
    }

    @Test
    void timeLeftShowsHoursWhenThereAreAny() {
        assertThat(ProgressLine.clock(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(ProgressLine.clock(Duration.ofSeconds(7_500))).isEqualTo("2:05:00");
    }

    @Test
    void bytesAreShownInTheLargestUnitThatKeepsThemAboveOne() {
        assertThat(Bytes.human(1023)).isEqualTo("1023 B");
        assertThat(Bytes.human(70_180)).isEqualTo("68.5 KiB");
        assertThat(Bytes.human(5L << 40)).isEqualTo("5.0 TiB");
        assertThat(Bytes.exact(132_072)).isEqualTo("132,072 bytes");
    }

    @Test
    void theBarRedrawsInPlaceAtMostTenTimesASecondAndEndsItsLine() {
        StringWriter terminal = new StringWriter();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (ProgressBar bar = new ProgressBar(new PrintWriter(terminal), clock, "upload", 1000, 400)) {
            bar.advance(100); // too soon: no redraw
            clock.advance(Duration.ofSeconds(1));
            bar.advance(100);
        }

        String[] draws = terminal.toString().split("\r", -1);
        assertThat(draws).hasSize(4); // "", start, after a second, final
        assertThat(draws[1]).contains(" 40%");
        assertThat(draws[2]).contains(" 60%").contains("200 B/s"); // resumed bytes do not count toward the rate
        assertThat(terminal.toString()).endsWith("\n");
    }

    @Test
    void terminalsAreRecognisedByTheirDevice() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        // what stderr points at when it is redirected to a file
        assertThat(Terminal.isTerminalDevice(
                        Path.of("target", "sluice.log").toAbsolutePath().toString()))
                .isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void tablesPadColumnsToTheWidestCell() {
        assertThat(new Table("A", "LONGER").row("wide cell", null).lines())
                .containsExactly("A          LONGER", "wide cell  -");
    }
}
