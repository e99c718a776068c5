package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.cli.FlisCli;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.landing.LandingZone;
import java.util.Map;
import java.util.TreeMap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made deliveries: the manifest contract, late deliveries, and the CLI's exit codes and CSV. */
@ExtendWith(SparkExtension.class)
class DeliveryContractTest {
    private static final String VISITATION_HEADER =
            "forloeb_id;cpr;kommunekode;visitationskategori;visitationstidspunkt;visiterende_organisation";
    private static final String CPR_HEADER =
            "cpr;fornavn;efternavn;foedselsdato;koen;bopaelskommune;civilstand;statsborgerskab";

    @TempDir
    Path dir;

    private Path landing() {
        return dir.resolve("landing");
    }

    private Path lakehouse() {
        return dir.resolve("lake");
    }

    private void januaryDelivery() throws Exception {
        delivery(landing(), "2020-02", files(
                "dfdg_visitation.csv", List.of(VISITATION_HEADER,
                        "V1;0101901234;751;Jobparat;2020-01-06 09:00:00;Jobcenter Aarhus",
                        "V2;0101901234;751;Aktivitetsparat;2020-01-06 13:00:00;Jobcenter Aarhus",
                        "V3;2203851111;101;Sygedagpengemodtager kategori 1;2020-01-15 10:00:00;Jobcenter København"),
                "cpr_borger.csv", List.of(CPR_HEADER,
                        "0101901234;Anna;Hansen;1990-01-01;K;751;Ugift;Dansk",
                        "2203851111;Bo;Jensen;1985-03-22;M;101;Gift;Dansk")));
    }

    /** The way operations run it: {@code flis run} and {@code flis sql} on the command line, then later months. */
    @Test
    void cliRunAndSqlThenALateDeliveryEndsASpellDeliveredMonthsAgo(SparkSession spark) throws Exception {
        januaryDelivery();
        String[] where = {"--landing", landing().toString(), "--lakehouse", lakehouse().toString()};
        assertEquals(0, FlisCli.execute(concat(new String[] {"run", "--month", "2020-02"}, where)));
        String csv = captureStdout(() -> FlisCli.execute(concat(new String[] {"sql", "--format", "csv",
                "SELECT forloeb_id, kommunekode, startdato, slutdato, visitationskategori, visitationstidspunkt,"
                        + " NULL AS tom FROM gold.fact_dfdg_visitationsforloeb ORDER BY forloeb_id"}, where)));
        assertEquals("forloeb_id,kommunekode,startdato,slutdato,visitationskategori,visitationstidspunkt,tom\n"
                + "V2,751,2020-01-06,9999-12-31,Aktivitetsparat,2020-01-06 13:00:00,\n"
                + "V3,101,2020-01-15,9999-12-31,Sygedagpengemodtager kategori 1,2020-01-15 10:00:00,\n", csv);
        assertEquals(2, FlisCli.execute(concat(new String[] {"sql", "SELECT * FROM gold.no_such_table"}, where)));
        // While a run holds the lakehouse its gold is being replaced: an export exits 1, nothing written.
        try (var held = LakehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), lakehouse().toString(),
                "run --all")) {
            assertEquals(1, FlisCli.execute(concat(new String[] {"export", "--month", "2020-02", "--kommune", "751",
                    "--out", dir.resolve("dap").toString()}, where)));
        }
        assertFalse(Files.exists(dir.resolve("dap")), "nothing written");

        RunJob job = new RunJob(spark, TestLakes.config(landing(), lakehouse()));
        Lakehouse lake = new Lakehouse(spark, lakehouse().toString());
        assertEquals(List.of("V2|751|2020-01-06|9999-12-31", "V3|101|2020-01-15|9999-12-31"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"),
                        "forloeb_id", "kommunekode", "startdato", "slutdato"));
        // April brings a visitation from January: Anna moved to København on the 20th.
        delivery(landing(), "2020-04", files("dfdg_visitation.csv", List.of(VISITATION_HEADER,
                "V9;0101901234;101;Jobparat;2020-01-20 08:30:00;Jobcenter København")));
        job.runMonth(DeliveryMonth.parse("2020-04"));
        assertEquals(List.of("V2|751|2020-01-06|2020-01-20", "V3|101|2020-01-15|9999-12-31",
                        "V9|101|2020-01-20|9999-12-31"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"),
                        "forloeb_id", "kommunekode", "startdato", "slutdato"));
        // V2 is in force Mon 6 … Sun 19 January: weeks 202002 and 202003, nothing after the move.
        assertEquals(List.of("V2|202002|7", "V2|202003|7"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitation_uge").where("forloeb_id = 'V2'"),
                        "forloeb_id", "uge", "dage_i_kraft"));
        // The April load rolls out through the week of 31 March (202014).
        assertEquals(List.of("V9|202004", "V9|202014"), Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitation_uge")
                .where("forloeb_id = 'V9'").selectExpr("forloeb_id", "uge").where("uge IN (202004, 202014, 202015)"),
                "forloeb_id", "uge"));
        // Rerunning a month whose files are loaded already, byte for byte, writes nothing: every table keeps its
        // Delta version.
        Map<String, Long> versions = versions(lake);
        assertTrue(versions.size() > 30, versions.toString());
        long bronzeRows = lake.read(Layer.BRONZE, "dfdg_visitation").count();
        job.runMonth(DeliveryMonth.parse("2020-04"));
        assertEquals(versions, versions(lake), "an identical rerun wrote nothing");
        // April delivered again, corrected (Anna moved on the 21st, not the 20th): its rows replace April's rows in
        // bronze, no duplicates, and gold follows.
        delivery(landing(), "2020-04", files("dfdg_visitation.csv", List.of(VISITATION_HEADER,
                "V9;0101901234;101;Jobparat;2020-01-21 08:30:00;Jobcenter København")));
        job.runMonth(DeliveryMonth.parse("2020-04"));
        assertEquals(bronzeRows, lake.read(Layer.BRONZE, "dfdg_visitation").count());
        assertEquals(List.of("V2|751|2020-01-06|2020-01-21", "V3|101|2020-01-15|9999-12-31",
                        "V9|101|2020-01-21|9999-12-31"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"),
                        "forloeb_id", "kommunekode", "startdato", "slutdato"));
        assertEquals(List.of("V2|202002|7", "V2|202003|7", "V2|202004|1"),
                Frames.lines(lake.read(Layer.GOLD, "fact_dfdg_visitation_uge").where("forloeb_id = 'V2'"),
                        "forloeb_id", "uge", "dage_i_kraft"));
        // Anna is in both municipalities' dim_borger; the cpr keeps its leading zero.
        String annaId = new Pseudonymizer(TestLakes.KEY).pseudonymize("0101901234");
        assertEquals(List.of("101|0101901234|Anna Hansen", "751|0101901234|Anna Hansen"),
                Frames.lines(lake.read(Layer.GOLD, "dim_borger").where("cpr_id = '" + annaId + "'"),
                        "kommunekode", "cpr", "fuldenavn"));
    }

    @Test
    void lyingManifestRejectsTheWholeDeliveryAndWritesNothing(SparkSession spark) throws Exception {
        januaryDelivery();
        RunJob job = new RunJob(spark, TestLakes.config(landing(), lakehouse()));
        // A lakehouse holding February's bronze is enough to see that a rejected March writes nothing at all.
        Lakehouse lake = new Lakehouse(spark, lakehouse().toString());
        AuditLog audit = new AuditLog("bronze-2020-02");
        new BronzeStep(lake, audit).load(List.of(new LandingZone(landing().toString(),
                spark.sparkContext().hadoopConfiguration()).open(DeliveryMonth.parse("2020-02"))));
        audit.flush(lake);
        List<String> before = TestLakes.snapshot(lakehouse());
        assertTrue(before.size() > 10, "bronze was written");

        Path march = delivery(landing(), "2020-03", files("dfdg_visitation.csv", List.of(VISITATION_HEADER,
                "V5;0101901234;751;Jobparat;2020-02-03 09:00:00;Jobcenter Aarhus")));
        String manifest = Files.readString(march.resolve("_manifest.csv"));

        Files.writeString(march.resolve("_manifest.csv"), manifest.replace(";1;", ";2;"));
        assertRejected(job, "Delivery 2020-03 rejected: dfdg_visitation.csv has 1 data row, manifest says 2.");

        Files.writeString(march.resolve("_manifest.csv"), manifest.replaceAll(";[0-9a-f]{64}", ";" + "0".repeat(64)));
        assertRejected(job, "Delivery 2020-03 rejected: dfdg_visitation.csv has sha256 ");

        Files.writeString(march.resolve("_manifest.csv"), manifest + "cpr_borger.csv;1;" + "a".repeat(64) + "\n");
        assertRejected(job, "Delivery 2020-03 rejected: cpr_borger.csv is listed in _manifest.csv but missing");

        Files.writeString(march.resolve("_manifest.csv"), manifest);
        Files.writeString(march.resolve("ky_sag.csv"), "x\n");
        assertRejected(job, "Delivery 2020-03 rejected: ky_sag.csv is in the folder but not in _manifest.csv");
        Files.delete(march.resolve("ky_sag.csv"));

        // A sender's bug: a truncated .gz, and a manifest whose sha256 is of the truncated bytes.
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write((VISITATION_HEADER + "\nV5;0101901234;751;Jobparat;2020-02-03 09:00:00;Jobcenter Aarhus\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() - 12);
        Files.delete(march.resolve("dfdg_visitation.csv"));
        Files.write(march.resolve("dfdg_visitation.csv.gz"), cut);
        Files.writeString(march.resolve("_manifest.csv"), "fil;antal_raekker;sha256\ndfdg_visitation.csv.gz;1;"
                + TestLakes.sha256(cut) + "\n");
        assertRejected(job, "Delivery 2020-03 rejected: dfdg_visitation.csv.gz is not valid gzip (");
        Files.delete(march.resolve("dfdg_visitation.csv.gz"));

        delivery(landing(), "2020-03", files("dfdg_visitation.csv", List.of(
                VISITATION_HEADER.replace("kommunekode", "kommune"),
                "V5;0101901234;751;Jobparat;2020-02-03 09:00:00;Jobcenter Aarhus")));
        assertRejected(job, "Delivery 2020-03 rejected: dfdg_visitation.csv header is ");

        assertEquals(before, TestLakes.snapshot(lakehouse()), "a rejected delivery writes nothing");
    }

    private static void assertRejected(RunJob job, String messageStart) {
        FlisException e = assertThrows(FlisException.DeliveryRejected.class,
                () -> job.runMonth(DeliveryMonth.parse("2020-03")));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    /** Exit codes of SPEC 5 that need no pipeline run (a successful run and the CSV output are tested above). */
    @Test
    void cliExitCodes(SparkSession spark) throws Exception {
        januaryDelivery();
        String[] where = {"--landing", landing().toString(), "--lakehouse", lakehouse().toString()};
        assertEquals(2, FlisCli.execute("run", "--month", "2020-13"));
        assertEquals(2, FlisCli.execute("run"));
        assertEquals(2, FlisCli.execute("frobnicate"));
        assertEquals(1, FlisCli.execute(concat(new String[] {"run", "--month", "2019-12"}, where)));
        assertEquals(2, FlisCli.execute("run", "--rebuild", "--all"));
        // Nothing loaded yet: nothing to rebuild, and nothing written.
        assertEquals(1, FlisCli.execute(concat(new String[] {"run", "--rebuild"}, where)));
        assertFalse(Files.exists(lakehouse().resolve("silver")));

        // A delivery that breaks the contract: exit 3.
        delivery(landing(), "2020-03", files("dfdg_visitation.csv", List.of(VISITATION_HEADER)));
        Path m = landing().resolve("2020-03/_manifest.csv");
        Files.writeString(m, Files.readString(m).replace(";0;", ";5;"));
        assertEquals(3, FlisCli.execute(concat(new String[] {"run", "--month", "2020-03"}, where)));
    }

    /** Every table's latest Delta version. */
    private static Map<String, Long> versions(Lakehouse lake) {
        Map<String, Long> versions = new TreeMap<>();
        for (Layer layer : List.of(Layer.BRONZE, Layer.SILVER, Layer.GOLD)) {
            for (String t : lake.tables(layer)) {
                versions.put(layer.dir() + "/" + t, lake.lastCommit(layer, t).orElseThrow().version());
            }
        }
        return versions;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String captureStdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
