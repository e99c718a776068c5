package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.jobs.FlisException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lakehouse lock on the local filesystem: exclusive, named in the refusal, stale locks taken over. */
class LakehouseLockTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    private void writeLock(String host, long pid) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LakehouseLock.FILE), "run_id=gammel\nkommando=run --all\nstartet=2026-12-01T02:00"
                + "\nvaert=" + host + "\npid=" + pid + "\n");
    }

    @Test
    void aSecondRunIsRefusedNamingTheHolderUntilTheFirstReleases() {
        try (LakehouseLock first = LakehouseLock.acquire(CONF, dir.toString(), "run --all")) {
            FlisException e = assertThrows(FlisException.class,
                    () -> LakehouseLock.acquire(CONF, dir.toString(), "run --month 2020-02"));
            assertEquals(1, e.exitCode());
            assertTrue(e.getMessage().startsWith("The lakehouse " + dir + " is in use by run " + first.runId()
                    + " (run --all, started "), e.getMessage());
            assertTrue(e.getMessage().contains(" pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(LakehouseLock.FILE)), "released");
        try (LakehouseLock again = LakehouseLock.acquire(CONF, dir.toString(), "run --all")) {
            assertTrue(Files.exists(dir.resolve(LakehouseLock.FILE)));
        }
    }

    /** Processes that ask at the same millisecond: exactly one gets the lakehouse, the others one line each. */
    @Test
    void ofFourProcessesStartedTogetherExactlyOneTakesTheLock() throws Exception {
        long at = System.currentTimeMillis() + 3000; // every JVM is up by then, and all ask at once
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), LockRace.class.getName(), dir.toString(),
                    Long.toString(at)).redirectErrorStream(true).start());
        }
        List<String> said = new ArrayList<>();
        for (Process p : racers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            out.lines().filter(l -> l.startsWith("took") || l.startsWith("refused")).forEach(said::add);
        }
        assertEquals(4, said.size(), said.toString());
        String winner = said.stream().filter(l -> l.startsWith("took ")).collect(Collectors.joining());
        assertEquals(1, said.stream().filter(l -> l.startsWith("took ")).count(), said.toString());
        for (String refused : said.stream().filter(l -> l.startsWith("refused")).toList()) {
            assertTrue(refused.startsWith("refused: The lakehouse " + dir + " is in use by run "
                    + winner.substring(5) + " (run --all, started "), refused);
        }
        assertFalse(Files.exists(dir.resolve(LakehouseLock.FILE)), "released");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary files left");
        }
    }

    @Test
    void aHeartbeatRewritesTheLockInPlace() throws Exception {
        try (LakehouseLock lock = LakehouseLock.acquire(CONF, dir.toString(), "run --all")) {
            Path file = dir.resolve(LakehouseLock.FILE);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
            lock.beat();
            assertTrue(Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minusSeconds(60)));
            assertTrue(Files.readString(file).contains("run_id=" + lock.runId()));
        }
    }

    @Test
    void aLockWhoseProcessIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeLock(LakehouseLock.hostName(), gone.pid());
        try (LakehouseLock taken = LakehouseLock.acquire(CONF, dir.toString(), "run --all")) {
            assertTrue(Files.readString(dir.resolve(LakehouseLock.FILE)).contains("run_id=" + taken.runId()));
        }
    }

    @Test
    void anotherHostsLockIsStaleOnlyWithoutAHeartbeat() throws Exception {
        writeLock("en-anden-vaert", 4711);
        assertThrows(FlisException.class, () -> LakehouseLock.acquire(CONF, dir.toString(), "run --all"));
        Files.setLastModifiedTime(dir.resolve(LakehouseLock.FILE),
                FileTime.from(Instant.now().minus(LakehouseLock.STALE).minusSeconds(60)));
        try (LakehouseLock taken = LakehouseLock.acquire(CONF, dir.toString(), "run --all")) {
            assertTrue(Files.readString(dir.resolve(LakehouseLock.FILE)).contains("run_id=" + taken.runId()));
        }
    }

    @Test
    void aLakehouseThatCannotBeWrittenIsOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        FlisException e = assertThrows(FlisException.class,
                () -> LakehouseLock.acquire(CONF, file.toString(), "run --all"));
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().startsWith("Cannot write the lakehouse " + file), e.getMessage());
    }
}
