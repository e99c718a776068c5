package dk.flis.jobs.lake;

import dk.flis.jobs.FlisException;
import org.apache.hadoop.conf.Configuration;

/** A child process for LakehouseLockTest: waits until the given instant, takes the lock, holds it 2 s. */
public final class LockRace {
    private LockRace() {}

    public static void main(String[] args) throws Exception {
        Thread.sleep(Math.max(0, Long.parseLong(args[1]) - System.currentTimeMillis()));
        try (LakehouseLock lock = LakehouseLock.acquire(new Configuration(), args[0], "run --all")) {
            System.out.println("took " + lock.runId());
            Thread.sleep(2000);
        } catch (FlisException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
