package dk.flis.jobs.model;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.yr.RefusionLadder;
import org.apache.spark.sql.SparkSession;

/** The facts of one run every model may use: configuration, the latest loaded delivery and its roll-out. */
public record RunContext(SparkSession spark, FlisConfig config, DeliveryMonth latestDelivery, WeeklyRollout rollout,
                         Pseudonymizer pseudonymizer) {

    public static RunContext of(SparkSession spark, FlisConfig config, DeliveryMonth latestDelivery) {
        return new RunContext(spark, config, latestDelivery, WeeklyRollout.of(latestDelivery, config.historyYears()),
                new Pseudonymizer(config.pseudonymKey()));
    }

    public RefusionLadder ladder() {
        return config.ladder();
    }
}
