package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.Source;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.lake.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hand-made DREAM deliveries over four months with a restatement, a citizen missing from a later delivery, an
 * unlisted code, a year end (202053 → 202101) and bad cells; plus a DFDG activation for the state after it.
 * Every expected spell and status below is worked out by hand from the lines.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DreamPipelineTest {
    private static final String A = "0101901234";
    private static final String B = "2203851111";
    private static final String C = "1111111118";
    private static final String D = "0202801234";
    private static final String E = "0303701234";
    private static final String KHJ = "Kontanthjælp - (Jobparate)";
    private static final String UDH = "Uddannelseshjælp - (Jobparate)";
    private static final String SYG = "Sygedagpenge";
    private static final String SELV = "Selvforsørgende";

    private Path dir;
    private MemoryLakehouse lake;
    private final Pseudonymizer ids = new Pseudonymizer(TestLakes.KEY);

    private static String header(String... wide) {
        return Source.DREAM.header() + ";" + String.join(";", wide);
    }

    private static List<String> weeks(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int w = from; w <= to; w++) {
            out.add(String.format("y_%04d", w));
        }
        return out;
    }

    private static String line(String cpr, String kommune, String... cells) {
        return String.join(";", cpr, kommune, "K", "40", String.join(";", cells));
    }

    private static String[] cells(int n, String value) {
        return Collections.nCopies(n, value).toArray(String[]::new);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @BeforeAll
    void load(SparkSession spark) throws Exception {
        dir = Files.createTempDirectory("flis-dream");
        Path landing = dir.resolve("landing");
        delivery(landing, "2020-02", files(
                "dream.csv", february(),
                "dfdg_aktivitet.csv", List.of(Source.DFDG_AKTIVITET.header(),
                        activation("A1", "Gennemført", "2020-01-06", "2020-01-17"),
                        activation("A2", "Annulleret", "2020-01-06", "2020-01-10"),
                        activation("A3", "Igangsat", "2020-01-20", "")),
                "cpr_borger.csv", List.of(Source.CPR_BORGER.header(),
                        A + ";Anna;Hansen;1990-01-01;K;751;Ugift;Dansk")));
        // May: its own weeks are April's (202015 … 202018); it restates 202005 … 202014. B is in it, D is not.
        List<String> may = new ArrayList<>(weeks(2005, 2018));
        may.addAll(List.of("branche_2020_02", "grad_2020_02", "branche_2020_03", "grad_2020_03", "branche_2020_04",
                "grad_2020_04"));
        String[] monthCells = {"851000", "0.5", "851000", "1", "", "0"};
        delivery(landing, "2020-05", files("dream.csv", List.of(header(may.toArray(String[]::new)),
                line(A, "751", concat(new String[] {"131", "131", "890", "890"}, cells(10, ""), monthCells)),
                line(B, "101", concat(new String[] {"140"}, cells(13, ""), cells(6, ""))),
                line(C, "751", concat(cells(6, "555"), cells(8, "783"), cells(6, ""))))));
        // A year end: December 2020's weeks, then January 2021's; 202053 → 202101 is consecutive.
        delivery(landing, "2021-01", files("dream.csv", List.of(header("y_2050", "y_2051", "y_2052", "y_2053"),
                line(D, "101", "890", "890", "890", "890"))));
        delivery(landing, "2021-02", files("dream.csv", List.of(header("y_2101", "y_2102", "y_2103", "y_2104"),
                line(D, "101", "890", "", "", ""))));
        lake = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("lake")), lake).runAll();
    }

    /** February: the weeks with a Monday in January (202002 … 202005), with January's month columns. */
    private static List<String> february(String... more) {
        List<String> feb = new ArrayList<>(weeks(2002, 2005));
        feb.addAll(List.of("branche_2020_01", "grad_2020_01", "arbejdssted_2020_01"));
        List<String> lines = new ArrayList<>(List.of(header(feb.toArray(String[]::new)),
                line(A, "751", "130", "130", "", "730", "851000", "0.25", "751"),
                line(B, "101", "140", "140", "140", "140", "", "", ""),
                line("0101909999", "751", "13", "", "", "", "", "", ""),     // a 2-digit code
                line("0101908888", "751", "", "", "", "", "", "1.5", ""))); // grad above 1
        lines.addAll(List.of(more));
        return lines;
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String activation(String id, String status, String start, String slut) {
        List<String> v = new ArrayList<>(Collections.nCopies(Source.DFDG_AKTIVITET.fields().size(), ""));
        List<String> names = Source.DFDG_AKTIVITET.fields().stream().map(f -> f.name()).toList();
        v.set(names.indexOf("aktivitet_id"), id);
        v.set(names.indexOf("cpr"), A);
        v.set(names.indexOf("kommunekode"), "751");
        v.set(names.indexOf("aktivitetstype"), "Virksomhedspraktik");
        v.set(names.indexOf("status"), status);
        v.set(names.indexOf("startdato"), start);
        v.set(names.indexOf("slutdato"), slut);
        v.set(names.indexOf("opdateret_tidspunkt"), start + " 10:00:00");
        return String.join(";", v);
    }

    private String who(String cprId) {
        for (String cpr : List.of(A, B, C, D)) {
            if (ids.pseudonymize(cpr).equals(cprId)) {
                return cpr.equals(A) ? "A" : cpr.equals(B) ? "B" : cpr.equals(C) ? "C" : "D";
            }
        }
        return cprId;
    }

    private List<String> lines(String table, String... columns) {
        return Frames.lines(lake.read(Layer.GOLD, table), columns).stream()
                .map(l -> {
                    String[] f = l.split("\\|", -1);
                    for (int i = 0; i < f.length; i++) {
                        if (f[i].length() == 64) {
                            f[i] = who(f[i]);
                        }
                    }
                    return String.join("|", f);
                })
                .sorted().toList();
    }

    @Test
    void aMaintainedBatchOfNewerDeliveriesGivesTheBackfillsTables(SparkSession spark) throws Exception {
        // February (with E, whom May lacks) alone, then May with January 2021 in one batch: both are later than
        // all loaded before, so silver.dream_uge reads only them over the kept rows (E's 202005 from February).
        // February 2021 would start a new history year (rebuilt), so the backfill to compare with stops before it.
        Path landing = dir.resolve("batches");
        delivery(landing, "2020-02", files("dream.csv", february(line(E, "265", "130", "130", "130", "130", "", "",
                ""))));
        MemoryLakehouse maintained = new MemoryLakehouse(spark);
        for (List<String> batch : List.<List<String>>of(List.of(), List.of("2020-05", "2021-01"))) {
            for (String month : batch) {
                Path to = Files.createDirectories(landing.resolve(month));
                try (var files = Files.list(dir.resolve("landing").resolve(month))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
            new RunJob(TestLakes.config(landing, dir.resolve("maintained")), maintained).runAll();
        }
        assertEquals(List.of("2020-05..2021-01|pr. uge: uge fra 202005"), Frames.lines(maintained.read(Layer.AUDIT, "runs")
                .where("trin = 'silver.dream_uge' AND fejl LIKE '%nyeste leverancer over de beholdte rækker%'"),
                "maaned", "split(fejl, ',')[0]"));
        MemoryLakehouse backfill = new MemoryLakehouse(spark);
        new RunJob(TestLakes.config(landing, dir.resolve("backfill")), backfill).runAll();
        assertEquals(backfill.tables(Layer.GOLD), maintained.tables(Layer.GOLD));
        for (Layer layer : List.of(Layer.SILVER, Layer.GOLD)) {
            for (String table : backfill.tables(layer)) {
                assertEquals(0, TestLakes.difference(maintained, backfill, layer, table), layer.dir() + "." + table);
            }
        }
        assertEquals(List.of("2020-02"), Frames.lines(maintained.read(Layer.SILVER, "dream_uge")
                .where(functions.col("cpr_id").equalTo(ids.pseudonymize(E)).and(functions.col("uge").equalTo(202005))),
                "leverance"), "E's week 202005 kept from February");
    }

    @Test
    void badCellsAreQuarantinedAndBronzeKeepsEveryDeliveredLine() {
        assertEquals(List.of("2020-02|dream.csv|4|YDELSESKODE", "2020-02|dream.csv|5|GRAD"),
                Frames.lines(lake.read(Layer.BRONZE, "quarantine"), "leverance", "fil", "linje",
                        "split(aarsag, ':')[0]"));
        assertEquals(List.of("2020-02|2", "2020-05|3", "2021-01|1", "2021-02|1"),
                Frames.lines(lake.read(Layer.BRONZE, "dream").groupBy("leverance").count(), "leverance", "count"));
        assertTrue(List.of(lake.read(Layer.SILVER, "dream_uge").columns()).stream().noneMatch(c -> c.equals("cpr")));
    }

    @Test
    void coverageNamesEachDeliverysWeeksAndItsRestatements() {
        // May's own weeks are April's Mondays (202015 … 202018); 202014's Monday is 30 March: a restatement.
        assertEquals(List.of("2020-02|202002|202005|4|2|0", "2020-05|202005|202018|14|3|10",
                        "2021-01|202050|202053|4|1|0", "2021-02|202101|202104|4|1|0"),
                Frames.lines(lake.read(Layer.SILVER, "dream_daekning").groupBy("leverance")
                                .agg(functions.min("uge").as("fra"), functions.max("uge").as("til"),
                                        functions.count("uge").as("uger"), functions.max("antal_borgere").as("n"),
                                        functions.sum(functions.col("genlevering").cast("int")).as("genleveret")),
                        "leverance", "fra", "til", "uger", "n", "genleveret"));
    }

    @Test
    void weeksTakeTheLatestDeliveryAndTheirMonthsColumns() {
        // 202005 restated by May (730 → 131) without January's columns; 202004 empty = self-supporting; B's weeks
        // after 202006 come from May, and D's weeks span the year end.
        List<String> a = lines("dream_uge", "cpr_id", "uge", "ydelseskode", "ydelsesgruppe", "branche",
                "beskaeftigelsesgrad", "arbejdsstedkommune", "kommunekode").stream()
                .filter(l -> l.startsWith("A|")).toList();
        assertEquals(List.of(
                "A|202002|130|" + KHJ + "|851000|0.2500|751|751",
                "A|202003|130|" + KHJ + "|851000|0.2500|751|751",
                "A|202004|null|" + SELV + "|851000|0.2500|751|751",
                "A|202005|131|" + KHJ + "|null|null|null|751",
                "A|202006|131|" + KHJ + "|851000|0.5000|null|751",
                "A|202007|890|" + SYG + "|851000|0.5000|null|751",
                "A|202008|890|" + SYG + "|851000|0.5000|null|751",
                "A|202009|null|" + SELV + "|851000|0.5000|null|751",
                "A|202010|null|" + SELV + "|851000|1.0000|null|751"), a.subList(0, 9));
        assertEquals(17, a.size(), "202002 … 202018");
        assertEquals(List.of("Anden ydelse"), lines("dream_uge", "cpr_id", "uge", "ydelsesgruppe").stream()
                .filter(l -> l.startsWith("C|202005|")).map(l -> l.split("\\|")[2]).toList());
        assertEquals(8, lines("dream_uge", "cpr_id", "uge").stream().filter(l -> l.startsWith("D|")).count());
    }

    @Test
    void spellsAreMaximalRunsOfConsecutiveWeeksAcrossTheYearEnd() {
        assertEquals(List.of(
                        "A|751|" + KHJ + "|202002|202003|2|true",
                        "A|751|" + KHJ + "|202005|202006|2|true",
                        "A|751|" + SYG + "|202007|202008|2|true",
                        "B|101|" + UDH + "|202002|202005|4|true",
                        "C|751|Anden ydelse|202005|202010|6|true",
                        "C|751|Førtidspension|202011|202018|8|false",
                        "D|101|" + SYG + "|202050|202101|5|true"),
                lines("dream_forloeb", "cpr_id", "kommunekode", "ydelsesgruppe", "start_uge", "slut_uge",
                        "antal_uger", "afsluttet"));
    }

    @Test
    void statusAfterASpellOnlyWhereTheWeekIsCovered() {
        // A's first spell ends 202003: +4 = 202007 (sick), +13 = 202016 (self-supporting), +26 is not delivered.
        // D's spell ends 202101: 202105 is not delivered, so D has no row at all.
        assertEquals(List.of(
                        "A|" + KHJ + "|202003|13|" + SELV,
                        "A|" + KHJ + "|202003|4|" + SYG,
                        "A|" + KHJ + "|202006|4|" + SELV,
                        "A|" + SYG + "|202008|4|" + SELV,
                        "B|" + UDH + "|202005|13|" + SELV,
                        "B|" + UDH + "|202005|4|" + SELV,
                        "C|Anden ydelse|202010|4|Førtidspension"),
                lines("dream_forloeb_status", "cpr_id", "ydelsesgruppe", "slut_uge", "horisont_uger", "status"));
    }

    @Test
    void statusAfterAnActivationThatTookPlaceAndEnded() {
        // A1 ends Friday 17 January 2020 (202003); A2 was cancelled, A3 has not ended.
        assertEquals(List.of("A|751|A1|Virksomhedspraktik|202003|13|" + SELV,
                        "A|751|A1|Virksomhedspraktik|202003|4|" + SYG),
                lines("dream_status_efter_aktivering", "cpr_id", "kommunekode", "aktivitet_id", "aktivitetstype",
                        "slut_uge", "horisont_uger", "status"));
    }

    @Test
    void theSeedsAnalysesInDocsDreamMd() throws Exception {
        // B's uddannelseshjælp spell ends 202005 (first half of 2020); 13 weeks later, 202018, B has no benefit.
        assertEquals(List.of("2020|I alt|1", "2020|" + SELV + "|1"),
                Frames.lines(lake.sql(docsSql("dream_udh_status_13_uger.sql")), "aar", "status", "antal_borgere"));
        assertEquals(List.of("Virksomhedspraktik|13|I alt|1", "Virksomhedspraktik|13|" + SELV + "|1",
                        "Virksomhedspraktik|4|I alt|1", "Virksomhedspraktik|4|" + SYG + "|1"),
                Frames.lines(lake.sql(docsSql("dream_status_efter_forloeb.sql")), "aktivitetstype", "horisont_uger",
                        "status", "antal_borgere"));
        // A's first start is 6 January 2020 (202002); A1 and A3 share the weeks. Degrees: January 0.25 × 3 weeks
        // (202005 restated without one), February 0.5 × 4, March 1 × 5, April 0 × 4 → 7.75 × 37 hours.
        assertEquals(List.of("751|Virksomhedspraktik|1|286.75|286.75"),
                Frames.lines(lake.sql(docsSql("dream_timer_18_maaneder.sql")), "kommunekode", "aktivitetstype",
                        "antal_borgere", "timer_i_alt", "timer_pr_borger"));
    }

    private static String docsSql(String name) throws Exception {
        return Files.readString(Path.of("..", "docs", "sql", name));
    }

    @Test
    void dreamCitizensGetKoenAndCivilstandThroughDimBorger() {
        assertTrue(lines("dim_borger", "cpr_id", "kommunekode", "fuldenavn", "koen", "civilstand")
                .contains("A|751|Anna Hansen|K|Ugift"));
        assertTrue(lines("dim_borger", "cpr_id", "kommunekode").containsAll(List.of("B|101", "C|751", "D|101")));
        assertEquals(List.of("130|" + KHJ + "|Kontanthjælp - LAB 2 (Jobparate)"), Frames.lines(
                lake.read(Layer.GOLD, "dim_dream_ydelseskode").where("ydelseskode = '130'"), "ydelseskode",
                "ydelsesgruppe", "tidligere_ydelsesgruppe"));
    }

    @Test
    void aHeaderColumnOutsideTheFamiliesRejectsTheDelivery(SparkSession spark) throws Exception {
        Path landing = dir.resolve("bad-landing");
        delivery(landing, "2020-02", files("dream.csv", List.of(header("y_2002", "uge_2003"),
                line(A, "751", "130", "130"))));
        MemoryLakehouse empty = new MemoryLakehouse(spark);
        FlisException e = assertThrows(FlisException.DeliveryRejected.class, () -> new RunJob(
                TestLakes.config(landing, dir.resolve("bad-lake")), empty).runMonth(DeliveryMonth.parse("2020-02")));
        assertEquals("Delivery 2020-02 rejected: dream.csv header: column 'uge_2003' is none of y_YYWW,"
                + " branche_YYYY_MM, grad_YYYY_MM, arbejdssted_YYYY_MM (SPEC 2.1; ask the sender to redeliver the"
                + " file with the contract's columns).", e.getMessage());
        assertEquals(3, e.exitCode());
        assertTrue(empty.tables(Layer.BRONZE).isEmpty(), "a rejected delivery writes nothing");
    }
}
