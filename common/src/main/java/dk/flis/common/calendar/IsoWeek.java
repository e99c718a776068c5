package dk.flis.common.calendar;

import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.apache.spark.sql.Column;

/**
 * ISO-8601 weeks (the Danish standard), keyed {@code uge} = ISO week-year × 100 + ISO week:
 * 2020-12-31 is 202053, 2019-12-30 is 202001.
 */
public final class IsoWeek {
    private IsoWeek() {}

    public static int key(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static LocalDate sunday(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /** The Monday of week key {@code uge}. */
    public static LocalDate mondayOf(int uge) {
        int year = uge / 100;
        int week = uge % 100;
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        return monday(jan4).plusWeeks(week - 1L);
    }

    /** The following ISO week: 202053 → 202101. */
    public static int next(int uge) {
        return key(mondayOf(uge).plusWeeks(1));
    }

    public static int previous(int uge) {
        return key(mondayOf(uge).minusWeeks(1));
    }

    /** Week key of a date column, with Spark built-ins. */
    public static Column keyOf(Column date) {
        return yearOfWeek(date).multiply(100).plus(weekofyear(date));
    }

    /** Thursday of a week-key column: the day that decides the week's year, and here its month. */
    public static Column thursdayOfKey(Column uge) {
        Column jan4 = make_date(uge.divide(100).cast("int"), lit(1), lit(4));
        return date_add(mondayOf(jan4), uge.mod(100).minus(1).multiply(7).plus(3).cast("int"));
    }

    /** Monday of a week-key column. */
    public static Column mondayOfKey(Column uge) {
        return date_sub(thursdayOfKey(uge), 3);
    }

    /** Weeks since the week of 2000-01-03: consecutive ISO weeks have consecutive numbers (202053 → 202101). */
    public static Column index(Column uge) {
        return datediff(mondayOfKey(uge), lit(LocalDate.of(2000, 1, 3))).divide(7).cast("int");
    }

    /** The week key {@code weeks} weeks after a week-key column (negative: before). */
    public static Column plusWeeks(Column uge, Column weeks) {
        return keyOf(date_add(mondayOfKey(uge), weeks.multiply(7).cast("int")));
    }

    /** The week key before a week-key column: 202101 → 202053. */
    public static Column previousKey(Column uge) {
        return keyOf(date_sub(thursdayOfKey(uge), 7));
    }

    /** ISO week-based year of a date column: the year of that week's Thursday. */
    public static Column yearOfWeek(Column date) {
        return year(thursdayOf(date));
    }

    /** Monday of the ISO week of a date column (Spark's dayofweek: Sunday = 1 … Saturday = 7). */
    public static Column mondayOf(Column date) {
        return date_sub(date, dayofweek(date).plus(5).mod(7));
    }

    private static Column thursdayOf(Column date) {
        return date_add(mondayOf(date), 3);
    }
}
