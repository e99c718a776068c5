package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.Source;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.lake.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made YR calculations for Lemvig through bronze, silver and gold: finance sums, development, findings. */
@ExtendWith(SparkExtension.class)
class YrPipelineTest {
    @TempDir
    Path dir;

    private static String kh(String id, String from, String to, String koersel, int brutto, int sats, int taeller) {
        return TestLakes.kontanthjaelp(id, from, to, koersel, brutto, sats, taeller);
    }

    private static String ad(String id, String from, String to, int brutto, int taeller) {
        int med = brutto * 70 / 100;
        return String.join(";", id, "2203851111", "665", "665", "665", "Arbejdsløshedsdagpenge", "Medfinansiering",
                "70", from, to, "2021-01", brutto + ".00", "0.00", med + ".00", "0.00", "-" + med + ".00",
                String.valueOf(taeller), "0", "5.31.74", "001", "E" + id);
    }

    @Test
    void financeDevelopmentAndCounterFindings(SparkSession spark) throws Exception {
        Path landing = dir.resolve("landing");
        delivery(landing, "2021-02", files("yr_beregning.csv", List.of(Source.YR_BEREGNING.header(),
                kh("B1", "2020-12-28", "2020-12-31", "2020-12", 2000, 40, 5), // week 202053, December part
                kh("B2", "2021-01-01", "2021-01-03", "2021-01", 1500, 40, 5), // week 202053, January part
                kh("B3", "2021-01-04", "2021-01-10", "2021-01", 3000, 40, 5), // counter stands still
                kh("B4", "2021-01-11", "2021-01-17", "2021-01", 3000, 40, 7), // counter jumps 5 → 7
                kh("B5", "2021-01-18", "2021-01-24", "2021-01", 6000, 80, 8), // wrong sats
                kh("B6", "2021-01-18", "2021-01-24", "2021-01", 5000, 40, 8), // week total 11 000
                kh("B7", "2021-01-04", "2021-01-10", "2021-02", -500, 40, 5), // correction of 202101
                ad("D1", "2021-01-04", "2021-01-10", 4000, 30),
                ad("D2", "2021-01-11", "2021-01-17", 4000, 31))));
        MemoryLakehouse lake = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("lake")), lake).runMonth(DeliveryMonth.parse("2021-02"));

        assertEquals(List.of(
                        "665|2020-12|2020-12|Kontanthjælp|Refusion|40|2000.00|800.00|0.00|800.00|1",
                        "665|2021-01|2021-01|Arbejdsløshedsdagpenge|Medfinansiering|70|8000.00|0.00|5600.00|-5600.00|2",
                        "665|2021-01|2021-01|Kontanthjælp|Refusion|40|12500.00|5000.00|0.00|5000.00|4",
                        "665|2021-01|2021-01|Kontanthjælp|Refusion|80|6000.00|4800.00|0.00|4800.00|1",
                        "665|2021-02|2021-01|Kontanthjælp|Refusion|40|-500.00|-200.00|0.00|-200.00|1"),
                Frames.lines(lake.read(Layer.GOLD, "fact_yr_finans"), "kommunekode", "koerselsperiode",
                        "beregningsperiode", "ydelse", "finansieringstype", "sats", "bruttoudgift", "refusion",
                        "medfinansiering", "finansieringsbeloeb", "antal_beregninger"));

        // Seed 001: finansieringsbeløb "fordelt på funktion, dranst og ydelse".
        assertEquals(List.of("Arbejdsløshedsdagpenge|5.31.74|001|-5600.00", "Kontanthjælp|5.57.72|001|10400.00"),
                Frames.lines(lake.read(Layer.GOLD, "fact_yr_finans").groupBy("ydelse", "funktion", "dranst")
                        .sum("finansieringsbeloeb"), "ydelse", "funktion", "dranst", "`sum(finansieringsbeloeb)`"));
        // Antal Person uge: the month-split week 202053 is one week; a correction nets into its week; B5 and B6
        // pay the same days of 202103 (7 days, not 14). The counter is the citizen's highest that week.
        assertEquals(List.of(
                        "202053|Kontanthjælp|7|3500.00|5|5-26|0|0|2",
                        "202101|Arbejdsløshedsdagpenge|7|4000.00|30|27-52|0|0|1",
                        "202101|Kontanthjælp|7|2500.00|5|5-26|0|0|2",
                        "202102|Arbejdsløshedsdagpenge|7|4000.00|31|27-52|0|0|1",
                        "202102|Kontanthjælp|7|3000.00|7|5-26|0|0|1",
                        "202103|Kontanthjælp|7|11000.00|8|5-26|0|0|2"),
                Frames.lines(lake.read(Layer.GOLD, "fact_yr_person_uge"), "uge", "ydelse", "dage", "bruttoudgift",
                        "ydelsestaeller", "interval", "genoptjeningstaeller", "genoptjening", "antal_beregninger"));
        assertEquals(List.of("2021-01|Kontanthjælp|5-26|0"), Frames.lines(
                lake.read(Layer.GOLD, "fact_yr_udvikling_detalje").where("ydelse = 'Kontanthjælp'"
                        + " AND maaned = '2021-01'"), "maaned", "ydelse", "interval", "genoptjening"));

        // Fuldtidspersoner: December 4/31; January 3+7+7+7 = 24/31 for kontanthjælp (B5 and B6 are the same days).
        assertEquals(List.of(
                        "2020-12|Kontanthjælp|0.12903|1|1|2000.00|40.0|null|1200.00",
                        "2021-01|Arbejdsløshedsdagpenge|0.45161|1|1|8000.00|null|70.0|13600.00",
                        "2021-01|Kontanthjælp|0.77419|1|1|18000.00|53.33333|null|8400.00"),
                Frames.lines(lake.read(Layer.GOLD, "fact_yr_udvikling_maaned"), "maaned", "ydelse",
                        "round(fuldtidspersoner, 5)", "antal_personer", "unik_person", "bruttoudgift",
                        "round(refusionsprocent, 5)", "round(medfinansieringsprocent, 5)",
                        "kommunal_finansieringsudgift"));
        assertEquals(List.of("2021-01|Kontanthjælp|5-26"), Frames.lines(
                lake.read(Layer.GOLD, "fact_yr_udvikling_detalje").where("ydelse = 'Kontanthjælp'"
                        + " AND maaned = '2021-01'"), "maaned", "ydelse", "interval"));

        assertEquals(List.of(
                        "BRUTTO_OVER_10000|665|202103|Kontanthjælp|8|null",
                        "SATS_FORKERT|665|202103|Kontanthjælp|8|null",
                        "TAELLER_SPRING|665|202102|Kontanthjælp|7|5",
                        "TAELLER_STAAR_STILLE|665|202101|Kontanthjælp|5|5"),
                Frames.lines(lake.read(Layer.GOLD, "dq_yr_findings"), "regel", "kommunekode", "uge", "ydelse",
                        "ydelsestaeller", "forrige_ydelsestaeller"));
        assertEquals(2, lake.read(Layer.GOLD, "dim_borger").count());

        // The two Lemvig tables of seed 004, exactly as documented in docs/sql/.
        assertEquals(List.of("Kontanthjælp|0|0|1|0", "Total|0|0|1|0"),
                Frames.lines(lake.sql(docsSql("lemvig_trappetrin_12_maaneder.sql")),
                        "ydelse", "pct_20", "pct_30", "pct_40", "pct_80"));
        assertEquals(List.of("Kontanthjælp|2020 Qtr 4|40.0", "Kontanthjælp|2021 Qtr 1|53.3",
                        "Total|2020 Qtr 4|40.0", "Total|2021 Qtr 1|53.3"),
                Frames.lines(lake.sql(docsSql("lemvig_refusionsprocent_kvartal.sql")),
                        "ydelse", "kvartal", "refusionsprocent"));
    }

    private static String docsSql(String name) throws Exception {
        return Files.readString(Path.of("..", "docs", "sql", name));
    }
}
