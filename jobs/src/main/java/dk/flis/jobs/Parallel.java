package dk.flis.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent table writes, optionally as concurrent Spark jobs. Much of a small Delta write is driver-side (planning,
 * log replay, commit), so writing unrelated tables side by side keeps the executors busy; Spark's scheduler
 * shares them between the jobs. The first failure is rethrown after every task has finished.
 */
public final class Parallel {
    /**
     * Off by default ({@code -Dflis.parallel.writes=1}): on the 2-core test machine concurrent jobs were no faster,
     * and once triggered a JDK lambda-linkage InternalError in an executor thread. Raise it on a cluster driver.
     */
    private static final int THREADS = Integer.getInteger("flis.parallel.writes", 1);

    private Parallel() {}

    public static void run(List<Runnable> tasks) {
        if (tasks.size() <= 1 || THREADS <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, tasks.size()), r -> {
            Thread t = new Thread(r, "flis-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            RuntimeException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new FlisException(
                                String.valueOf(e.getCause().getMessage()), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FlisException("Interrupted while writing tables", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static void run(Runnable... tasks) {
        run(List.of(tasks));
    }
}
