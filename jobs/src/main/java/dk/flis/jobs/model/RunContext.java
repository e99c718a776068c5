package dk.flis.jobs.model;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.yr.RefusionLadder;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The facts of one run every model may use: configuration, the latest loaded delivery and its roll-out, and for an
 * incremental run the delivery gold was built to before it ({@code previousDelivery}) and, for a table maintained per
 * month or per DREAM week, the first month or week recomputed ({@code fromMonth}, {@code fromWeek}).
 */
public record RunContext(SparkSession spark, FlisConfig config, DeliveryMonth latestDelivery, WeeklyRollout rollout,
                         Pseudonymizer pseudonymizer, Optional<DeliveryMonth> previousDelivery,
                         Optional<String> fromMonth, Optional<Integer> fromWeek) {

    public static RunContext of(SparkSession spark, FlisConfig config, DeliveryMonth latestDelivery) {
        return new RunContext(spark, config, latestDelivery, WeeklyRollout.of(latestDelivery, config.historyYears()),
                new Pseudonymizer(config.pseudonymKey()), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same run, maintaining gold that was built to {@code previous}'s horizon. */
    public RunContext after(DeliveryMonth previous) {
        return new RunContext(spark, config, latestDelivery, rollout, pseudonymizer, Optional.of(previous),
                fromMonth, fromWeek);
    }

    /** The last day gold was rolled out to before this run (the horizon itself in a rebuild). */
    public LocalDate previousHorizon() {
        return previousDelivery.map(DeliveryMonth::horizon).orElse(rollout.horizon());
    }

    /** Whether this run rolls out weeks the previous one did not. */
    public boolean horizonMoved() {
        return previousHorizon().isBefore(rollout.horizon());
    }

    /** Only the weeks after the previous horizon: the new weeks of an incremental run. */
    RunContext newWeeksOnly() {
        return new RunContext(spark, config, latestDelivery,
                new WeeklyRollout(previousHorizon().plusDays(1), rollout.horizon()), pseudonymizer, previousDelivery,
                fromMonth, fromWeek);
    }

    /** Only the months from {@code month} (yyyy-MM) are wanted: a month-local rule may skip the earlier ones. */
    RunContext monthsFrom(String month) {
        return new RunContext(spark, config, latestDelivery, rollout, pseudonymizer, previousDelivery,
                Optional.of(month), fromWeek);
    }

    /** Only the ISO weeks from {@code week} (yyyyww) are wanted: a week-local rule may skip the earlier ones. */
    RunContext weeksFrom(int week) {
        return new RunContext(spark, config, latestDelivery, rollout, pseudonymizer, previousDelivery, fromMonth,
                Optional.of(week));
    }

    public RefusionLadder ladder() {
        return config.ladder();
    }
}
