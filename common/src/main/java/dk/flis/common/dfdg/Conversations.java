package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;

import dk.flis.common.calendar.IsoWeek;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Samtaler (seed 000 §4, §5.1.13–5.1.15): only held conversations count anywhere (SPEC 3.3). */
public final class Conversations {
    private Conversations() {}

    public static Dataset<Row> held(Dataset<Row> conversations) {
        return conversations.where(col("afholdt"))
                .withColumn("dato", to_date(col("samtaletidspunkt")))
                .withColumn("uge", IsoWeek.keyOf(col("dato")));
    }

    /** Bridge: one row per held conversation × participant type ({@code deltagere} is '|'-separated). */
    public static Dataset<Row> participants(Dataset<Row> held) {
        return held.where(col("deltagere").isNotNull())
                .select(col("kommunekode"), col("samtale_id"), col("cpr_id"),
                        explode(split(col("deltagere"), "\\|")).as("deltager"))
                .withColumn("deltager", trim(col("deltager")))
                .where(col("deltager").notEqual(""));
    }
}
