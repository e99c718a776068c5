package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.jobs.FlisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
