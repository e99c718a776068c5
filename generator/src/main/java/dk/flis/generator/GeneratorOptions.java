package dk.flis.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: delivery months {@code from}..{@code to} inclusive into {@code out}. {@code scale} 1.0 is
 * national volume (about 450 000 citizens with visitations), {@code defects} the share of extra bad rows (0..1).
 */
public record GeneratorOptions(Path out, YearMonth from, YearMonth to, double scale, long seed, double defects) {
    /** Citizens with visitations at scale 1.0. */
    public static final int NATIONAL_CITIZENS = 450_000;

    public GeneratorOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, was " + scale);
        }
        if (!(defects >= 0 && defects <= 1)) {
            throw new IllegalArgumentException("defects must be between 0 and 1, was " + defects);
        }
    }

    public int citizenCount() {
        return (int) Math.round(NATIONAL_CITIZENS * scale);
    }

    /** Below this scale a tiny municipality may round to no citizen at all. */
    public boolean everyMunicipality() {
        return scale >= 0.005;
    }

    /** No visitation happens after this day: the last day of month {@code to − 1}. */
    public LocalDate lastDataDay() {
        return to.minusMonths(1).atEndOfMonth();
    }

    /** SPEC 3.2 history start of the first load: 1 January of year(last day of {@code from − 1}) − 3. */
    public LocalDate historyStart() {
        return LocalDate.of(from.minusMonths(1).atEndOfMonth().getYear() - 3, 1, 1);
    }

    /** Spells may start two years before the history window, so the first load has spells open since then. */
    public LocalDate firstVisitationFrom() {
        return historyStart().minusYears(2);
    }
}
