package io.relais.tools;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The progress line of a tool that goes through the store from one position to another: events done, percent,
 * events per second and the time left, rewritten in place on a terminal at most four times a second (nothing
 * when the output goes to a file or a pipe, where only the summary is written).
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long from;
    private final long to;
    private final long started = System.nanoTime();
    private long shown;

    Progress(PrintStream out, boolean terminal, long from, long to) {
        this.out = out;
        this.terminal = terminal;
        this.from = from;
        this.to = Math.max(from, to);
    }

    /** {@code events} done so far, up to store position {@code position}. */
    void update(long events, long position) {
        long now = System.nanoTime();
        if (!terminal || now - shown < 250_000_000L) {
            return;
        }
        shown = now;
        double seconds = (now - started) / 1e9;
        double done = to == from ? 1 : (double) (Math.min(position, to) - from) / (to - from);
        String left = done <= 0 ? "?" : clock(Duration.ofSeconds(Math.round(seconds * (1 - done) / done)));
        out.printf("\r%,d events  %5.1f %%  %,.0f events/s  %s left   ", events, done * 100, events / seconds, left);
        out.flush();
    }

    /** Ends the progress line; the seconds since the start. */
    double finish() {
        if (terminal && shown != 0) {
            out.print("\r" + " ".repeat(72) + "\r");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    static String clock(Duration duration) {
        return duration.toHours() > 0
                ? String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart())
                : String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
