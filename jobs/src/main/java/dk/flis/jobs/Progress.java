package dk.flis.jobs;

import java.time.Duration;
import java.time.Instant;

/** Progress lines on stderr (stdout stays clean for {@code flis sql}); counts only, never a cpr. */
public final class Progress {
    private Progress() {}

    public static void say(String message) {
        System.err.println(message);
        System.err.flush();
    }

    public static void step(String what, Instant started) {
        say(String.format("  %-48s %6.1f s", what, Duration.between(started, Instant.now()).toMillis() / 1000.0));
    }
}
