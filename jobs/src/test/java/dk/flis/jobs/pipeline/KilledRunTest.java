package dk.flis.jobs.pipeline;

import static dk.flis.jobs.pipeline.TestLakes.delivery;
import static dk.flis.jobs.pipeline.TestLakes.files;
import static dk.flis.jobs.pipeline.TestLakes.kontanthjaelp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.Source;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.audit.RunRecord;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.cli.FlisCli;
import dk.flis.jobs.config.ConfigLoader;
import dk.flis.jobs.landing.LandingZone;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 5: a killed run is finished by the next one, and one run at a time. Before the run record, a run killed
 * after bronze.leverancer was written left the next {@code run --all} saying "nothing to load" over stale gold.
 */
@ExtendWith(SparkExtension.class)
class KilledRunTest {
    @TempDir
    Path dir;

    private static final DeliveryMonth FEB = DeliveryMonth.parse("2021-02");

    private Path deliveries(String name, int februaryBrutto) throws Exception {
        Path landing = dir.resolve(name);
        delivery(landing, "2021-01", files("yr_beregning.csv", List.of(Source.YR_BEREGNING.header(),
                kontanthjaelp("B1", "2020-12-28", "2020-12-31", "2020-12", 2000, 40, 5))));
        delivery(landing, "2021-02", files("yr_beregning.csv", List.of(Source.YR_BEREGNING.header(),
                kontanthjaelp("B3", "2021-01-04", "2021-01-10", "2021-01", februaryBrutto, 40, 6))));
        return landing;
    }

    /** What a kill -9 after bronze leaves behind: the start of a run over {@code month} and its bronze rows. */
    private static void killedAfterBronze(Lakehouse lake, Path landing, DeliveryMonth month) {
        RunRecord.start(lake, List.of(month));
        LandingZone zone = new LandingZone(landing.toString(), lake.spark().sparkContext().hadoopConfiguration());
        new BronzeStep(lake, new AuditLog("draebt")).load(List.of(zone.open(month)));
    }

    /** A redelivery killed before gold: bronze has the new rows, gold the old; the next run --all redoes it. */
    @Test
    void aRedeliveryKilledBeforeGoldIsFinishedByTheNextRun(SparkSession spark) throws Exception {
        Path landing = deliveries("landing-r", 3000);
        Lakehouse lake = new MemoryLakehouse(spark);
        RunJob job = new RunJob(TestLakes.config(landing, dir.resolve("c")), lake);
        job.runAll();
        deliveries("landing-r", 3500); // February delivered again, with a corrected amount
        killedAfterBronze(lake, landing, FEB);
        assertEquals(List.of("2021-01|1200.00"), Frames.lines(lake.read(Layer.GOLD, "fact_yr_finans")
                .where("koerselsperiode = '2021-01'"), "koerselsperiode", "finansieringsbeloeb"), "gold is stale");

        assertEquals(1, job.runAll());
        assertEquals(List.of("2021-01|1400.00"), Frames.lines(lake.read(Layer.GOLD, "fact_yr_finans")
                .where("koerselsperiode = '2021-01'"), "koerselsperiode", "finansieringsbeloeb"));
    }

    /**
     * The real thing, in child processes: while {@code flis run --all} holds the lakehouse a second run exits 1;
     * kill -9 during its bronze; the same command again is killed while writing gold, after silver (it takes over
     * the dead run's lock and redoes what the dead run started); the third finishes the work, and gold equals an
     * uninterrupted run of the same deliveries.
     */
    @Test
    void killMinus9InBronzeAndGoldThenTheSameCommandFinishesIt(SparkSession spark) throws Exception {
        Path landing = deliveries("landing-k", 3000);
        Path lakehouse = dir.resolve("kill9");
        String[] run = {"run", "--all", "--landing", landing.toString(), "--lakehouse", lakehouse.toString()};
        Process child = child(run, "bronze");
        try {
            awaitFile(lakehouse.resolve(LakehouseLock.FILE), child);
            assertEquals(1, FlisCli.execute(run), "a second run while the first holds the lakehouse");
            // Killed once its start is committed: in its bronze.
            awaitFile(lakehouse.resolve("audit/" + RunRecord.TABLE + "/_delta_log/00000000000000000000.json"), child);
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL
        }
        assertTrue(Files.exists(lakehouse.resolve(LakehouseLock.FILE)), "the killed run's lock is left behind");
        // Killed as it starts writing a table no earlier run got to: a gold fact, after silver's only table.
        child = child(run, "gold");
        try {
            awaitFile(lakehouse.resolve("gold/fact_yr_finans"), child);
        } finally {
            child.destroyForcibly().waitFor();
        }
        Lakehouse finished = new Lakehouse(spark, lakehouse.toString());
        assertTrue(finished.exists(Layer.SILVER, "yr_beregning"), "killed after silver");
        int goldWhenKilled = finished.tables(Layer.GOLD).size();

        assertEquals(0, FlisCli.execute(run));
        Lakehouse uninterrupted = new MemoryLakehouse(spark);
        new RunJob(ConfigLoader.load(Map.of("flis.landing", landing.toString(), "flis.lakehouse",
                dir.resolve("ref").toString()), System.getenv(), null), uninterrupted).runAll();
        assertTrue(goldWhenKilled > 0 && goldWhenKilled < uninterrupted.tables(Layer.GOLD).size(),
                goldWhenKilled + " gold tables when killed: within gold");
        assertEquals(uninterrupted.tables(Layer.GOLD), finished.tables(Layer.GOLD));
        for (String t : uninterrupted.tables(Layer.GOLD)) {
            TestLakes.assertSameRows(uninterrupted, finished, Layer.GOLD, t);
        }
        assertFalse(Files.exists(lakehouse.resolve(LakehouseLock.FILE)), "released");

        // flis status --format json: the killed runs show as not finished, the one that finished them as ok.
        var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout(() -> assertEquals(0,
                FlisCli.execute("status", "--format", "json", "--lakehouse", lakehouse.toString()))));
        assertTrue(status.get("laas").isNull());
        List<String> runs = new ArrayList<>();
        status.get("koersler").forEach(r -> runs.add(r.get("maaneder").asText() + "|" + r.get("status").asText()));
        String both = "2021-01,2021-02|";
        assertEquals(List.of(both + "ok", both + "ikke afsluttet", both + "ikke afsluttet"), runs);
        List<String> tables = new ArrayList<>();
        status.get("tabeller").forEach(t -> tables.add(t.get("lag").asText() + "." + t.get("tabel").asText() + "|"
                + t.get("raekker").asLong()));
        assertTrue(tables.contains("bronze.yr_beregning|2"), tables.toString());
        assertTrue(tables.contains("audit.koersler|4"), tables.toString());
        assertEquals("2021-01", status.get("leverancer").get(0).get("leverance").asText());
        // Finished now: the killed runs stay in the record without an end, and are not redone again.
        assertEquals(0, FlisCli.execute(run));
        assertEquals(List.of(both + "koerer", both + "koerer", both + "koerer", both + "ok"),
                Frames.lines(finished.read(Layer.AUDIT, RunRecord.TABLE), "maaneder", "status"));
    }

    /** A delivery that leaves the landing folder after it was verified: one line naming the file, exit 1. */
    @Test
    void aLandingFolderThatDisappearsDuringTheRunIsOneClearLine(SparkSession spark) throws Exception {
        Path landing = deliveries("landing-gone", 3000);
        Lakehouse lake = new MemoryLakehouse(spark);
        LandingZone zone = new LandingZone(landing.toString(), spark.sparkContext().hadoopConfiguration());
        List<dk.flis.jobs.landing.Delivery> verified = List.of(zone.open(FEB));
        org.apache.commons.io.FileUtils.deleteDirectory(landing.resolve(FEB.toString()).toFile());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dk.flis.jobs.FlisException.class,
                () -> new BronzeStep(lake, new AuditLog("forsvundet")).load(verified));
        assertEquals(1, e.exitCode());
        assertEquals("Landing file " + landing.resolve("2021-02/yr_beregning.csv") + " disappeared during the run,"
                + " after it was verified: put delivery 2021-02 back in the landing folder and run the same command"
                + " again (it redoes this run).", e.getMessage().replace("file:", ""));
    }

    /** {@code flis run} in a child JVM with this test's classpath and JVM flags; its output goes to a log file. */
    private Process child(String[] run, String name) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-X") || a.startsWith("-D")).toList());
        SparkExtension.TINY_DATA.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dk.flis.jobs.cli.FlisCli"));
        command.addAll(List.of(run));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + name + ".log").toFile()).start();
    }

    private static String stdout(Runnable r) {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(before);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void awaitFile(Path file, Process child) throws InterruptedException {
        for (int i = 0; i < 1200 && !Files.exists(file); i++) {
            assertTrue(child.isAlive(), "the child run ended before " + file + " appeared");
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " after 60 s");
    }
}
