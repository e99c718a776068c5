package dk.flis.common.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A delivery month M ("indlæsning"), with the roll-out window of seed 000 §5.1.2 / SPEC 3.2: the load of M
 * explodes through the ISO week holding the last day of M−1, and keeps days from 1 January of that day's
 * year minus {@code historyYears}.
 */
public record DeliveryMonth(YearMonth month) implements Comparable<DeliveryMonth> {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    public static DeliveryMonth parse(String text) {
        try {
            return new DeliveryMonth(YearMonth.parse(text, FORMAT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a month YYYY-MM", e);
        }
    }

    /** Last day of the month before the delivery: the data the delivery is about. */
    public LocalDate lastDataDay() {
        return month.minusMonths(1).atEndOfMonth();
    }

    /** Last day rolled out: the Sunday of the ISO week holding {@link #lastDataDay()}. */
    public LocalDate horizon() {
        return IsoWeek.sunday(lastDataDay());
    }

    public int horizonWeek() {
        return IsoWeek.key(lastDataDay());
    }

    /** First day of history kept in the weekly tables. */
    public LocalDate historyStart(int historyYears) {
        return LocalDate.of(lastDataDay().getYear() - historyYears, 1, 1);
    }

    @Override
    public int compareTo(DeliveryMonth o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.format(FORMAT);
    }
}
