package dk.flis.common.yr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class YrMonthlyTest {
    /** 52 weeks of self-support reset the ydelsestæller: 52 is its own group. */
    @Test
    void genoptjeningGroupsTheSelfSupportCounter(SparkSession spark) {
        var counters = spark.range(0, 60).selectExpr("CAST(id AS INT) AS t")
                .where("t IN (0, 1, 25, 26, 51, 52, 59)")
                .unionByName(spark.sql("SELECT CAST(NULL AS INT) AS t"));
        assertEquals(List.of("0|0", "1|1-25", "25|1-25", "26|26-51", "51|26-51", "52|52+", "59|52+", "null|null"),
                Frames.lines(counters.withColumn("g", YrMonthly.genoptjening(functions.col("t"))), "t", "g"));
    }
}
