package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.Source;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 3.9: every model builds from whatever was delivered. Each source alone gives its facts with exact values;
 * a missing upstream is the empty side of a join; a table none of whose inputs exist is not written and
 * {@code audit.runs} names the missing inputs.
 */
@ExtendWith(SparkExtension.class)
class SourceAloneTest {
    @TempDir
    Path dir;

    private Lakehouse load(SparkSession spark, String month, Map<String, List<String>> files) throws Exception {
        Path landing = dir.resolve("landing");
        delivery(landing, month, files);
        Lakehouse lake = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("lake")), lake).runMonth(DeliveryMonth.parse(month));
        return lake;
    }

    private static List<String> audit(Lakehouse lake, String step) {
        return Frames.lines(lake.read(Layer.AUDIT, "runs").where("trin = '" + step + "'"), "status", "fejl");
    }

    private static String activation(String id, String cpr, String kommune, String type, String status,
                                     String start, String slut, String timer) {
        return String.join(";", id, cpr, kommune, "Jobcenter", "Jobcenter", type, status, "", "", start, slut, timer,
                "", "", "", "", "", "", "", "", "", "", start + " 10:00:00");
    }

    @Test
    void activationsAndConversationsWithoutAnyVisitation(SparkSession spark) throws Exception {
        Lakehouse lake = load(spark, "2020-02", files(
                "dfdg_aktivitet.csv", List.of(Source.DFDG_AKTIVITET.header(),
                        activation("A1", "0101901234", "751", "Virksomhedspraktik", "Optaget", "2020-01-08", "",
                                "20.0"),
                        activation("A2", "2203851111", "101", "Mentor", "Annulleret", "2020-01-13", "2020-01-17",
                                "")),
                "dfdg_samtale.csv", List.of(Source.DFDG_SAMTALE.header(),
                        "S1;0101901234;751;Jobsamtale;Telefon;2020-01-10 10:00:00;J;Jobcenter Aarhus;Tolk|Mentor",
                        "S2;0101901234;751;Jobsamtale;Telefon;2020-01-17 10:00:00;N;Jobcenter Aarhus;Tolk")));

        // Horizon of the February load: Sunday 2 February; no visitation → a null category.
        assertEquals(List.of("A1|751|Optaget|true|26|20.00|null", "A2|101|Annulleret|false|5|null|null"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_aktivering"), "aktivitet_id", "kommunekode", "status",
                        "er_aktiveret", "dage_aktiveret", "timer_pr_uge", "visitationskategori"));
        assertEquals(List.of("A1|202002|5|null", "A1|202003|7|null", "A1|202004|7|null", "A1|202005|7|null",
                        "A2|202003|5|null"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_aktivering_uge"), "aktivitet_id", "uge",
                        "dage_aktiveret", "visitationskategori"));
        assertEquals(List.of("S1|2020-01-10|202002|null"), Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_samtale"),
                "samtale_id", "dato", "uge", "visitationskategori"));
        assertEquals(List.of("S1|Mentor", "S1|Tolk"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_samtale_deltager"), "samtale_id", "deltager"));
        // The monthly aggregate labels the missing category; A2 never took place.
        assertEquals(List.of("751|I alt|I alt|1|0|1|1|26|80.00",
                        "751|I alt|Virksomhedspraktik|1|null|1|null|26|80.00",
                        "751|Uden visitation|I alt|1|0|1|1|26|80.00",
                        "751|Uden visitation|Virksomhedspraktik|1|null|1|null|26|80.00"),
                Frames.lines(lake.read(Layer.GOLD, "agg_dfdg_maaned").where("maaned = '2020-01'"), "kommunekode",
                        "visitationskategori", "aktivitetstype", "antal_borgere", "antal_visitationsforloeb",
                        "antal_aktiveringsforloeb", "antal_samtaler", "dage_aktiveret", "timer_aktiveret_pr_uge"));
        // Both citizens are in their municipality's dim_borger (no cpr_borger delivered: no name).
        assertEquals(List.of("101|2203851111|null", "751|0101901234|null"),
                Frames.lines(lake.read(Layer.GOLD, "dim_borger"), "kommunekode", "cpr", "fuldenavn"));

        assertFalse(lake.tables(Layer.GOLD).contains("fact_dfdg_visitationsforloeb"));
        assertEquals(List.of("ikke bygget|mangler input: bronze.dfdg_visitation"),
                audit(lake, "silver.dfdg_visitationsforloeb"));
        assertEquals(List.of("ikke bygget|mangler input: silver.dfdg_visitationsforloeb"),
                audit(lake, "gold.fact_dfdg_visitationsforloeb"));
        assertEquals(List.of("ikke bygget|mangler input: gold.fact_yr_person_maaned"), audit(lake, "gold.benchmark_yr"));
        assertEquals(List.of("ok|null"), audit(lake, "gold.fact_dfdg_aktivering"));
    }

    private static String kh(String id, String from, String to, String koersel, int brutto, int taeller) {
        return TestLakes.kontanthjaelp(id, from, to, koersel, brutto, 40, taeller);
    }

    @Test
    void ydelsesrefusionAlone(SparkSession spark) throws Exception {
        Lakehouse lake = load(spark, "2021-02", files("yr_beregning.csv", List.of(Source.YR_BEREGNING.header(),
                kh("B1", "2020-12-28", "2020-12-31", "2020-12", 2000, 5),
                kh("B3", "2021-01-04", "2021-01-10", "2021-01", 3000, 6))));

        assertEquals(List.of("665|2020-12|2020-12|Kontanthjælp|40|2000.00|800.00|1",
                        "665|2021-01|2021-01|Kontanthjælp|40|3000.00|1200.00|1"),
                Frames.lines(lake.read(Layer.GOLD, "fact_yr_finans"), "kommunekode", "koerselsperiode",
                        "beregningsperiode", "ydelse", "sats", "bruttoudgift", "finansieringsbeloeb",
                        "antal_beregninger"));
        // The benchmark covers all 98 municipalities in every month from yr-start (2020-01 … 2021-01); Lemvig's
        // single citizen is suppressed.
        var bench = lake.read(Layer.GOLD, "benchmark_yr");
        assertEquals(98 * 13, bench.where("ydelse = 'I alt'").count());
        assertEquals(List.of("2020-12|I alt|null|true", "2020-12|Kontanthjælp|null|true",
                        "2021-01|I alt|null|true", "2021-01|Kontanthjælp|null|true"),
                Frames.lines(bench.where("kommunekode = 665 AND maaned >= '2020-12'"), "maaned", "ydelse",
                        "unik_person", "undertrykt"));
        assertEquals(List.of("665|0101901234"), Frames.lines(lake.read(Layer.GOLD, "dim_borger"), "kommunekode",
                "cpr"));
        assertEquals(List.of("ikke bygget|mangler input: silver.dfdg_aktivitet, view.visitationskategori_pr_uge"),
                audit(lake, "gold.fact_dfdg_aktivering"));
        assertFalse(lake.tables(Layer.GOLD).contains("fact_dfdg_visitation_uge"));
    }

    @Test
    void visitationsAloneShowUdenYdelseIYr(SparkSession spark) throws Exception {
        Lakehouse lake = load(spark, "2020-02", files("dfdg_visitation.csv", List.of(Source.DFDG_VISITATION.header(),
                "V1;0101901234;751;Jobparat;2020-01-06 09:00:00;Jobcenter Aarhus")));

        assertEquals(List.of("V1|751|2020-01-06|9999-12-31|Jobparat"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"), "forloeb_id", "kommunekode",
                        "startdato", "slutdato", "visitationskategori"));
        assertEquals(List.of("202002|7", "202003|7", "202004|7", "202005|7"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitation_uge"), "uge", "dage_i_kraft"));
        assertEquals(List.of("202002|Uden ydelse i YR|Jobparat|false", "202003|Uden ydelse i YR|Jobparat|false",
                        "202004|Uden ydelse i YR|Jobparat|false", "202005|Uden ydelse i YR|Jobparat|false"),
                Frames.lines(lake.read(Layer.GOLD, "fact_ydelsesaktivitet_uge"), "uge", "ydelse",
                        "visitationskategori", "er_aktiveret"));
        assertEquals(0, lake.read(Layer.GOLD, "fact_dfdg_aktivering").count(), "no activation was delivered");
        assertFalse(lake.tables(Layer.GOLD).contains("fact_yr_finans"));
        assertEquals(List.of("ikke bygget|mangler input: silver.yr_beregning"), audit(lake, "gold.fact_yr_finans"));
    }

    @Test
    void aFirstDeliveryWhoseDataEndBeforeYrStartBuildsWithoutTheBenchmarks(SparkSession spark) throws Exception {
        // Delivery 2020-01 holds December 2019: the horizon is before yr-start 2020-01-01. This run used to fail on
        // the benchmark's month scaffold ("Illegal sequence boundaries"), so loading month by month from the
        // generator's first delivery broke.
        Lakehouse lake = load(spark, "2020-01", files("dfdg_visitation.csv", List.of(Source.DFDG_VISITATION.header(),
                "V1;0101901234;751;Jobparat;2019-12-02 09:00:00;Jobcenter Aarhus")));

        assertEquals(List.of("V1|751|2019-12-02|9999-12-31"), Frames.lines(
                lake.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"), "forloeb_id", "kommunekode", "startdato",
                "slutdato"));
        assertEquals(List.of("201949|7", "201950|7", "201951|7", "201952|7", "202001|7"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitation_uge"), "uge", "dage_i_kraft"));
        for (String table : List.of("benchmark_ydelsesaktivitet", "fact_ydelsesaktivitet_uge")) {
            assertFalse(lake.tables(Layer.GOLD).contains(table), table);
            assertEquals(List.of("ikke bygget|bygges kun from flis.yr-start"), audit(lake, "gold." + table));
        }
        assertEquals(List.of("ok|null"), audit(lake, "run"));
    }

    @Test
    void populationAloneGivesTheBenchmarkDenominator(SparkSession spark) throws Exception {
        Lakehouse lake = load(spark, "2020-02", files("befolkning.csv", List.of(Source.BEFOLKNING.header(),
                "2020-01;751;K;30;1000", "2020-01;751;M;16;200", "2020-01;751;M;70;500")));

        assertEquals(List.of("751|I alt|I alt|1200|0|0|false"), Frames.lines(
                lake.read(Layer.GOLD, "benchmark_ydelsesaktivitet").where("kommunekode = 751"), "kommunekode",
                "visitationskategori", "ydelsesgruppe", "antal_borgere_16_66", "antal_ydelsesmodtagere",
                "antal_aktiverede", "undertrykt"));
        assertEquals(98, lake.read(Layer.GOLD, "benchmark_ydelsesaktivitet").count());
        assertTrue(audit(lake, "gold.dim_borger").get(0).startsWith("ikke bygget|mangler input: "
                + "gold.fact_dfdg_visitationsforloeb, gold.fact_dfdg_aktivering"));
        // Only the benchmark and the constant reference tables.
        assertEquals(List.of("benchmark_ydelsesaktivitet", "dim_dream_ydelseskode", "dim_kommune", "dim_ky_ydelsesart",
                        "dim_statsligt_job", "dim_tid"),
                lake.tables(Layer.GOLD));
    }
}
