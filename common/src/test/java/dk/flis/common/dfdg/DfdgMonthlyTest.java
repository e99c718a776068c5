package dk.flis.common.dfdg;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class DfdgMonthlyTest {

    @Test
    void totalsAreTrueDistinctCountsNotSumsOfRows(SparkSession spark) {
        // Citizen a: Jobparat all January. Citizen b: Jobparat in week 2, then Aktivitetsparat.
        Dataset<Row> visitationWeeks = Frames.of(spark,
                "kommunekode INT, cpr_id STRING, forloeb_id STRING, uge INT, visitationskategori STRING",
                row(751, "a", "Va", 202002, "Jobparat"), row(751, "a", "Va", 202003, "Jobparat"),
                row(751, "a", "Va", 202004, "Jobparat"), row(751, "a", "Va", 202005, "Jobparat"),
                row(751, "b", "Vb1", 202002, "Jobparat"), row(751, "b", "Vb2", 202003, "Aktivitetsparat"),
                row(751, "b", "Vb2", 202004, "Aktivitetsparat"), row(751, "b", "Vb2", 202005, "Aktivitetsparat"));
        Dataset<Row> activationWeeks = Frames.of(spark, "kommunekode INT, cpr_id STRING, aktivitet_id STRING,"
                        + " uge INT, dage_aktiveret INT, timer_pr_uge DECIMAL(18,2), er_aktiveret BOOLEAN,"
                        + " aktivitetstype STRING, visitationskategori STRING",
                row(751, "a", "A1", 202003, 5, new BigDecimal("20.00"), true, "Virksomhedspraktik", "Jobparat"),
                row(751, "a", "A1", 202004, 7, new BigDecimal("20.00"), true, "Virksomhedspraktik", "Jobparat"),
                row(751, "b", "B1", 202004, 7, null, true, "Virksomhedspraktik", "Aktivitetsparat"),
                row(751, "b", "B2", 202005, 7, new BigDecimal("37.00"), false, "Mentor", "Aktivitetsparat"));
        Dataset<Row> activations = Frames.of(spark, "kommunekode INT, cpr_id STRING, aktivitet_id STRING,"
                        + " startdato DATE, er_aktiveret BOOLEAN, hjaelpemiddel_udgift DECIMAL(18,2),"
                        + " aktivitetstype STRING, visitationskategori STRING",
                row(751, "a", "A1", LocalDate.parse("2020-01-15"), true, new BigDecimal("1000.00"),
                        "Virksomhedspraktik", "Jobparat"),
                row(751, "b", "B2", LocalDate.parse("2020-01-27"), false, new BigDecimal("500.00"), "Mentor",
                        "Aktivitetsparat"));
        Dataset<Row> conversations = Frames.of(spark, "kommunekode INT, cpr_id STRING, samtale_id STRING,"
                        + " dato DATE, visitationskategori STRING",
                row(751, "a", "S1", LocalDate.parse("2020-01-10"), "Jobparat"));
        WeeklyRollout rollout = WeeklyRollout.of(DeliveryMonth.parse("2020-02"), 3);

        Dataset<Row> agg = DfdgMonthly.aggregate(visitationWeeks, activationWeeks, activations, conversations,
                rollout, Optional.empty());
        // Month-local: from January it is the same table, from February (a maintained run's later months) empty.
        String[] all = agg.columns();
        assertEquals(Frames.lines(agg, all), Frames.lines(DfdgMonthly.aggregate(visitationWeeks, activationWeeks,
                activations, conversations, rollout, Optional.of("2020-01")), all));
        assertEquals(0, DfdgMonthly.aggregate(visitationWeeks, activationWeeks, activations, conversations, rollout,
                Optional.of("2020-02")).count());
        assertEquals(List.of(
                        "2020-01|Aktivitetsparat|I alt|1|1|1|0|0.00|7|0.00",
                        "2020-01|Aktivitetsparat|Virksomhedspraktik|1|null|1|null|0.00|7|0.00",
                        "2020-01|I alt|I alt|2|3|2|1|1000.00|19|40.00",
                        "2020-01|I alt|Virksomhedspraktik|2|null|2|null|1000.00|19|40.00",
                        "2020-01|Jobparat|I alt|2|2|1|1|1000.00|12|40.00",
                        "2020-01|Jobparat|Virksomhedspraktik|1|null|1|null|1000.00|12|40.00"),
                Frames.lines(agg, "maaned", "visitationskategori", "aktivitetstype", "antal_borgere",
                        "antal_visitationsforloeb", "antal_aktiveringsforloeb", "antal_samtaler",
                        "hjaelpemiddeludgifter", "dage_aktiveret", "timer_aktiveret_pr_uge"));
    }

    @Test
    void aWeekBelongsToTheMonthOfItsThursday(SparkSession spark) {
        Dataset<Row> weeks = Frames.of(spark, "uge INT", row(202005), row(202053), row(202101), row(201901));
        assertEquals(List.of("201901|2019-01", "202005|2020-01", "202053|2020-12", "202101|2021-01"),
                Frames.lines(weeks.select(weeks.col("uge"),
                        DfdgMonthly.monthOfWeek(weeks.col("uge")).as("m")), "uge", "m"));
    }
}
