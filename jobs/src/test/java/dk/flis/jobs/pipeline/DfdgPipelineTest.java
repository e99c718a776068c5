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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made DFDG delivery through bronze, silver and gold: activations, conversations, dimensions, measures. */
@ExtendWith(SparkExtension.class)
class DfdgPipelineTest {
    @TempDir
    Path dir;

    /** An activation line with sensible defaults; {@code overrides} are column=value. */
    private static String activation(String... overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        Source.DFDG_AKTIVITET.fields().forEach(f -> v.put(f.name(), ""));
        v.put("cpr", "0101901234");
        v.put("kommunekode", "751");
        v.put("aktiverende_organisation", "Jobcenter Aarhus");
        v.put("visiterende_organisation", "Jobcenter Aarhus");
        v.put("aktivitetstype", "Virksomhedspraktik");
        v.put("startdato", "2020-01-08");
        v.put("opdateret_tidspunkt", "2020-01-08 10:00:00");
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            v.put(kv[0], kv[1]);
        }
        return String.join(";", v.values());
    }

    @Test
    void activationsConversationsDimensionsAndMonthlyMeasures(SparkSession spark) throws Exception {
        Path landing = dir.resolve("landing");
        delivery(landing, "2020-02", files(
                "dfdg_visitation.csv", List.of(Source.DFDG_VISITATION.header(),
                        "V1;0101901234;751;Jobparat;2020-01-06 09:00:00;Jobcenter Aarhus"),
                "dfdg_aktivitet.csv", List.of(Source.DFDG_AKTIVITET.header(),
                        // The later update is on the earlier line: it still wins.
                        activation("aktivitet_id=A1", "status=Optaget", "timer_pr_uge=20.0",
                                "hjaelpemiddel_art=Arbejdsredskaber", "hjaelpemiddel_form=Tilskud",
                                "hjaelpemiddel_udgift=1500.50", "opdateret_tidspunkt=2020-01-08 10:00:00"),
                        activation("aktivitet_id=A1", "status=Planlagt", "opdateret_tidspunkt=2020-01-07 10:00:00"),
                        activation("aktivitet_id=A2", "aktivitetstype=Mentor", "status=Annulleret",
                                "startdato=2020-01-13", "slutdato=2020-01-17"),
                        activation("aktivitet_id=A3", "status=Gennemført", "aarsag=Fejloprettet",
                                "slutdato=2020-01-10"),
                        activation("aktivitet_id=A4", "aktivitetstype=Digital opkvalificering", "status=Igangsat",
                                "amu_kode=40165", "kursusnavn=Truckcertifikat")),
                "dfdg_samtale.csv", List.of(Source.DFDG_SAMTALE.header(),
                        "S1;0101901234;751;Jobsamtale;Telefon;2020-01-10 10:00:00;J;Jobcenter Aarhus;Tolk|Mentor",
                        "S2;0101901234;751;Jobsamtale;Telefon;2020-01-17 10:00:00;N;Jobcenter Aarhus;Tolk"),
                "cpr_borger.csv", List.of(Source.CPR_BORGER.header(),
                        "0101901234;Anna;Hansen;1990-01-01;K;751;Ugift;Dansk")));
        MemoryLakehouse lake = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("lake")), lake).runMonth(DeliveryMonth.parse("2020-02"));

        // Horizon of the February load: Sunday 2 February. A1 runs Wed 8 January … (open) = 26 days.
        assertEquals(List.of("A1|Optaget|true|26|20.00|1500.50|Jobparat", "A2|Annulleret|false|5|null|null|Jobparat",
                        "A3|Gennemført|false|3|null|null|Jobparat", "A4|Igangsat|false|26|null|null|Jobparat"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_aktivering"), "aktivitet_id", "status",
                        "er_aktiveret", "dage_aktiveret", "timer_pr_uge", "hjaelpemiddel_udgift",
                        "visitationskategori"));
        assertEquals(List.of("202002|5|20.00|Jobparat", "202003|7|20.00|Jobparat", "202004|7|20.00|Jobparat",
                        "202005|7|20.00|Jobparat"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_aktivering_uge").where("aktivitet_id = 'A1'"),
                        "uge", "dage_aktiveret", "timer_pr_uge", "visitationskategori"));
        assertEquals(List.of("S1|2020-01-10|202002|Jobparat"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_samtale"), "samtale_id", "dato", "uge",
                        "visitationskategori"));
        assertEquals(List.of("S1|Mentor", "S1|Tolk"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_samtale_deltager"), "samtale_id", "deltager"));

        // New category values are kept, flagged in their dimension and reported — never quarantined.
        assertEquals(0, lake.read(Layer.BRONZE, "quarantine").count());
        assertEquals(List.of("aktivitetsstatus|Igangsat|751|1", "aktivitetstype|Digital opkvalificering|751|1"),
                Frames.lines(lake.read(Layer.GOLD, "dq_dfdg_ukendte_vaerdier"), "dimension", "vaerdi",
                        "kommunekode", "antal_raekker"));
        Map<String, String> status = Frames.lines(lake.read(Layer.GOLD, "dim_aktivitetsstatus"),
                        "aktivitetsstatus", "kendt").stream()
                .collect(Collectors.toMap(l -> l.split("\\|")[0], l -> l.split("\\|")[1]));
        assertEquals("false", status.get("Igangsat"));
        assertEquals("true", status.get("Planlagt"));
        assertEquals(9, status.size());
        assertEquals(List.of("40165|AMU"), Frames.lines(lake.read(Layer.GOLD, "dim_amu"), "amu_kode", "kodetype"));
        assertEquals(List.of("Arbejdsredskaber|null|Tilskud|true"), Frames.lines(
                lake.read(Layer.GOLD, "dim_hjaelpemiddel"), "hjaelpemiddel_art", "hjaelpemiddel_type",
                "hjaelpemiddel_form", "kendt"));

        // All of January's weeks (Thursdays 9 … 30 January) fall in 2020-01.
        assertEquals(List.of(
                        "I alt|I alt|1|1|1|1|1500.50|26|80.00",
                        "I alt|Virksomhedspraktik|1|null|1|null|1500.50|26|80.00",
                        "Jobparat|I alt|1|1|1|1|1500.50|26|80.00",
                        "Jobparat|Virksomhedspraktik|1|null|1|null|1500.50|26|80.00"),
                Frames.lines(lake.read(Layer.GOLD, "agg_dfdg_maaned").where("maaned = '2020-01'"),
                        "visitationskategori", "aktivitetstype", "antal_borgere", "antal_visitationsforloeb",
                        "antal_aktiveringsforloeb", "antal_samtaler", "hjaelpemiddeludgifter", "dage_aktiveret",
                        "timer_aktiveret_pr_uge"));
        // Ydelsesaktivitet: no YR payment that week → "Uden ydelse i YR"; activated in weeks 202002 … 202005.
        assertEquals(List.of("202002|Uden ydelse i YR|Jobparat|true", "202003|Uden ydelse i YR|Jobparat|true",
                        "202004|Uden ydelse i YR|Jobparat|true", "202005|Uden ydelse i YR|Jobparat|true"),
                Frames.lines(lake.read(Layer.GOLD, "fact_ydelsesaktivitet_uge"), "uge", "ydelsesgruppe",
                        "visitationskategori", "er_aktiveret"));
        // The benchmark: all 98 municipalities in January 2020; Aarhus's one citizen is suppressed, never shown.
        var bench = lake.read(Layer.GOLD, "benchmark_ydelsesaktivitet");
        assertEquals(98, bench.where("visitationskategori = 'I alt' AND ydelsesgruppe = 'I alt'"
                + " AND maaned = '2020-01'").count());
        assertEquals(0, bench.where("antal_ydelsesmodtagere BETWEEN 1 AND 4 OR antal_aktiverede BETWEEN 1 AND 4")
                .count());
        assertEquals(List.of("I alt|I alt|null|true", "I alt|Uden ydelse i YR|null|true",
                        "Jobparat|I alt|null|true", "Jobparat|Uden ydelse i YR|null|true"),
                Frames.lines(bench.where("kommunekode = 751"), "visitationskategori", "ydelsesgruppe",
                        "antal_ydelsesmodtagere", "undertrykt"));
        assertEquals(List.of("0|false"), Frames.lines(bench.where("kommunekode = 825"), "antal_ydelsesmodtagere",
                "undertrykt"));
        for (String silver : lake.tables(Layer.SILVER)) {
            assertEquals(false, List.of(lake.read(Layer.SILVER, silver).columns()).contains("cpr"), silver);
        }
    }
}
