package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.Source;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.lake.Layer;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made KY cases through bronze, silver and gold: the seed's worked minutes, a decision delivered months after
 * the case, a recipient that is not a person, full-time persons, the monthly aggregate and the benchmark.
 */
@ExtendWith(SparkExtension.class)
class KyPipelineTest {
    @TempDir
    Path dir;

    @Test
    void casesTasksBenefitsAggregateAndBenchmark(SparkSession spark) throws Exception {
        Path landing = dir.resolve("landing");
        delivery(landing, "2021-03", files(
                "ky_sag.csv", List.of(Source.KY_SAG.header(),
                        "S1;751;0101901234;0101901234;H;HTF_KONTANT;32.18.10;;Oprettet;2021-02-08 08:37:30;"
                                + "2021-02-09 10:00:00;2021-02-09 10:00:00;SB1;Jobcenter Aarhus",
                        // An optician is paid for the glasses: no ydelsesmodtager cpr, a valid row.
                        "S2;751;;2203851111;E;HTF_BRILLER;;;Oprettet;;2021-02-08 15:27:45;2021-02-08 15:27:45;SB2;"
                                + "Jobcenter Aarhus"),
                "ky_opgave.csv", List.of(Source.KY_OPGAVE.header(),
                        "O1;S1;751;0101901234;Bopælsstatus;Åben;2021-02-10 09:00:00;")));
        delivery(landing, "2021-06", files(
                "ky_sag.csv", List.of(Source.KY_SAG.header(),
                        "S2;751;;2203851111;E;HTF_BRILLER;;Afslag;Afslag;;2021-02-08 15:27:45;2021-04-30 01:31:11;"
                                + "SB2;Jobcenter Aarhus",
                        "S1;751;0101901234;0101901234;H;HTF_KONTANT;32.18.14;Bevilling;Bevilget;2021-02-08 08:37:30;"
                                + "2021-02-09 10:00:00;2021-05-10 07:42:40;SB1;Jobcenter Aarhus"),
                "ky_opgave.csv", List.of(Source.KY_OPGAVE.header(),
                        "O1;S1;751;0101901234;Bopælsstatus;Gennemført;2021-02-10 09:00:00;2021-02-11 09:30:00"),
                "ky_ydelse.csv", List.of(Source.KY_YDELSE.header(),
                        "Y1;S1;751;0101901234;H;HTF_KONTANT;2021-05-26;;1000.00",
                        "Y2;S2;751;;E;HTF_BRILLER;2021-05-03;2021-05-03;900.00")));
        MemoryLakehouse lake = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("lake")), lake).runAll();

        assertEquals(0, lake.read(Layer.BRONZE, "quarantine").count(), "an empty ydelsesmodtager is valid");
        // Seed 003 §7.1: 130985 and 115803 minutes; S1's decision came in a later delivery, S2 has no ansøgning.
        assertEquals(List.of("S1|Bevilget|32.18.14|Bevilling|true|130985|null|2021-02|2021-05|null",
                        "S2|Afslag|null|Afslag|false|115803|115803|2021-02|2021-04|2021-04"),
                Frames.lines(lake.read(Layer.GOLD, "fact_ky_sag"), "sag_id", "sagstilstand", "kle_nummer",
                        "afgoerelsestype", "ydelsesmodtager_er_person", "sagsbehandlingstid_min", "sagstid_min",
                        "start_maaned", "sagsbehandling_afsluttet_maaned", "afsluttet_maaned"));
        assertEquals(List.of("O1|S1|Gennemført|1470"), Frames.lines(lake.read(Layer.GOLD, "fact_ky_opgave"),
                "opgave_id", "sag_id", "opgavestatus", "opgavetid_min"));
        // 26 … 31 May of an open benefit: 6/31 = 0.19355; the optician is no person.
        assertEquals(List.of("2021-05|H|HTF_KONTANT|6|0.19355"), Frames.lines(
                lake.read(Layer.GOLD, "fact_ky_ydelse_maaned"), "maaned", "ydelsesart", "ydelsestype", "dage",
                "round(fuldtidsperson, 5)"));

        assertEquals(List.of(
                        "2021-02|H|1|1|0|0|130985.0|1|1470.0|0|0.0",
                        "2021-02|I alt|2|2|0|0|123394.0|1|1470.0|0|0.0",
                        "2021-04|E|1|0|1|1|115803.0|0|null|0|0.0",
                        "2021-05|H|1|0|1|0|130985.0|0|null|1|0.19355",
                        "2021-05|I alt|1|0|1|0|130985.0|0|null|1|0.19355",
                        "2021-06|H|1|0|0|0|130985.0|0|null|0|0.0"),
                Frames.lines(lake.read(Layer.GOLD, "agg_ky_maaned").where("kommunekode = 751 AND ("
                                + "(maaned IN ('2021-02', '2021-05') AND ydelsesart IN ('H', 'I alt'))"
                                + " OR (maaned = '2021-04' AND ydelsesart = 'E')"
                                + " OR (maaned = '2021-06' AND ydelsesart = 'H'))"), "maaned", "ydelsesart",
                        "antal_sager", "antal_oprettede_sager", "antal_afsluttede_sagsbehandlinger",
                        "antal_afsluttede_sager", "gns_sagsbehandlingstid_min", "antal_opgaver", "gns_opgavetid_min",
                        "antal_modtagere", "round(fuldtidspersoner, 5)"));

        var bench = lake.read(Layer.GOLD, "benchmark_ky");
        assertEquals(98 * 5, bench.where("ydelsesart = 'I alt'").count(), "98 municipalities, 2021-02 … 2021-06");
        assertEquals(0, bench.where("antal_sager BETWEEN 1 AND 4 OR unik_ydelsesmodtagere BETWEEN 1 AND 4"
                + " OR unik_bevillingsmodtagere BETWEEN 1 AND 4").count(), "no published count 1-4");
        assertEquals(List.of("2021-02|I alt|null|null|true", "2021-02|H|null|null|true", "2021-02|E|null|null|true")
                        .stream().sorted().toList(),
                Frames.lines(bench.where("kommunekode = 751 AND maaned = '2021-02'"), "maaned", "ydelsesart",
                        "antal_sager", "gns_sagsbehandlingstid_min", "undertrykt"), "Aarhus's two cases hidden");
        assertEquals(List.of("false|null|false"), Frames.lines(bench.where("kommunekode = 101").select(
                "har_data", "antal_sager", "undertrykt").distinct(), "har_data", "antal_sager", "undertrykt"));
        assertTrue(List.of(bench.columns()).stream().noneMatch(c -> c.contains("cpr")), "no individual column");

        // Every KY citizen in any role is in the municipality's dim_borger.
        assertEquals(List.of("751|0101901234", "751|2203851111"), Frames.lines(lake.read(Layer.GOLD, "dim_borger"),
                "kommunekode", "cpr"));
        for (String t : List.of("ky_sag_tilstand", "ky_opgave", "ky_ydelse")) {
            assertTrue(List.of(lake.read(Layer.SILVER, t).columns()).stream()
                    .noneMatch(c -> c.startsWith("cpr") && !c.equals("cpr_id")), t + " holds no cpr");
        }
    }
}
