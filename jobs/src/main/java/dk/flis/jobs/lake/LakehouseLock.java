package dk.flis.jobs.lake;

import dk.flis.jobs.FlisException;
import dk.flis.jobs.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per lakehouse (SPEC 5): {@code <lakehouse>/_flis.lock}, created with the filesystem's exclusive
 * create ({@code create(path, overwrite = false)}: atomic on local disks, HDFS and ABFS; on S3 only with
 * conditional writes, see docs/operations.md). The holder rewrites it every {@link #HEARTBEAT}; a lock whose
 * holder's process is gone (same host) or whose heartbeat is older than {@link #STALE} is left by a killed run
 * and taken over, so it never blocks for ever.
 */
public final class LakehouseLock implements AutoCloseable {
    public static final String FILE = "_flis.lock";
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE = Duration.ofMinutes(5);

    private final FileSystem fs;
    private final Path path;
    private final Properties mine;
    private final String runId;
    private final ScheduledExecutorService heartbeat;

    private LakehouseLock(FileSystem fs, Path path, Properties mine) {
        this.fs = fs;
        this.path = path;
        this.mine = mine;
        this.runId = mine.getProperty("run_id");
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flis-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Takes the lakehouse for {@code what} (e.g. "run --all"), or fails with exit 1 naming the holder. */
    public static LakehouseLock acquire(Configuration conf, String lakehouse, String what) {
        Path path = new Path(lakehouse, FILE);
        Properties mine = new Properties();
        mine.setProperty("run_id", UUID.randomUUID().toString());
        mine.setProperty("kommando", what);
        mine.setProperty("startet", LocalDateTime.now().withNano(0).toString());
        mine.setProperty("vaert", hostName());
        mine.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try {
            FileSystem fs = path.getFileSystem(conf);
            fs.mkdirs(path.getParent());
            for (int attempt = 0; attempt < 2; attempt++) {
                if (write(fs, path, mine, false)) {
                    return new LakehouseLock(fs, path, mine);
                }
                Properties holder = read(fs, path);
                for (int wait = 0; wait < 20 && holder != null && holder.getProperty("run_id") == null; wait++) {
                    sleep(); // created a moment ago and not written yet (a filesystem without an atomic write)
                    holder = read(fs, path);
                }
                if (holder == null) {
                    continue; // released between our create and our read
                }
                String stale = staleness(fs, path, holder);
                if (stale == null) {
                    throw new FlisException("The lakehouse " + lakehouse + " is in use by " + describe(holder)
                            + ": wait until it has finished, then run again (lock: " + path + ").");
                }
                Progress.say("Taking over the lock of " + describe(holder) + ": " + stale + ".");
                fs.delete(path, false);
            }
            throw new FlisException("Could not take the lock " + path + ": another run took it at the same moment;"
                    + " run again.");
        } catch (IOException e) {
            throw new FlisException("Cannot write the lakehouse " + lakehouse + " (" + e.getMessage()
                    + "): check the path and its permissions.", e);
        }
    }

    /** Writes the lock; with overwrite false, an exclusive create that returns false if it exists. */
    private static boolean write(FileSystem fs, Path path, Properties p, boolean overwrite) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            return writeLocal(local.pathToFile(path).toPath(), p, overwrite);
        }
        try (OutputStream out = fs.create(path, overwrite)) {
            p.store(out, null);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (!overwrite && fs.exists(path)) {
                return false; // some filesystems report an existing file as a plain IOException
            }
            throw e;
        }
    }

    /**
     * Hadoop's local create(overwrite = false) checks, then creates: two runs started together could both pass.
     * Here the lock is written whole to a file of its own and then hard-linked (atomic, fails if the lock exists),
     * so it never exists half-written either; a heartbeat is an atomic rename over it.
     */
    private static boolean writeLocal(java.nio.file.Path lock, Properties p, boolean overwrite) throws IOException {
        java.nio.file.Path tmp = lock.resolveSibling(lock.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
            p.store(out, null);
        }
        try {
            if (overwrite) {
                java.nio.file.Files.move(tmp, lock, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    java.nio.file.Files.createLink(lock, tmp);
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                    if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
                        throw exists;
                    }
                    // No hard links on this disk: an exclusive create (O_EXCL), briefly empty before it is written.
                    try (OutputStream out = java.nio.file.Files.newOutputStream(lock, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        p.store(out, null);
                    }
                }
            }
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private static Properties read(FileSystem fs, Path path) throws IOException {
        try (FSDataInputStream in = fs.open(path)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return p;
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlisException("Interrupted while reading the lakehouse lock", e);
        }
    }

    /** Why the lock is stale, or null if its holder may still be running. */
    static String staleness(FileSystem fs, Path path, Properties holder) throws IOException {
        if (hostName().equals(holder.getProperty("vaert"))) {
            try {
                long pid = Long.parseLong(holder.getProperty("pid", "-1"));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return null;
                }
                return "its process " + pid + " on this host is gone";
            } catch (NumberFormatException e) {
                return "it names no process";
            }
        }
        Duration age = Duration.between(Instant.ofEpochMilli(fs.getFileStatus(path).getModificationTime()),
                Instant.now());
        return age.compareTo(STALE) > 0 ? "no heartbeat for " + age.toMinutes() + " min" : null;
    }

    /** Who holds the lakehouse, for {@code flis status}: "run … (command, started …)", or empty when free. */
    public static java.util.Optional<String> holder(Configuration conf, String lakehouse) throws IOException {
        Path path = new Path(lakehouse, FILE);
        Properties p = read(path.getFileSystem(conf), path);
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(describe(p));
    }

    private static String describe(Properties holder) {
        return "run " + holder.getProperty("run_id") + " (" + holder.getProperty("kommando") + ", started "
                + holder.getProperty("startet") + " on " + holder.getProperty("vaert") + " pid "
                + holder.getProperty("pid") + ")";
    }

    void beat() {
        try {
            Properties p = read(fs, path);
            if (p != null && runId.equals(p.getProperty("run_id"))) {
                write(fs, path, mine, true); // a rewrite, not setTimes: object stores only date a new object
            }
        } catch (IOException e) {
            // A missed beat only makes the lock look older; the next one retries.
        }
    }

    public String runId() {
        return runId;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Properties p = read(fs, path);
            if (p != null && runId.equals(p.getProperty("run_id"))) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            Progress.say("Could not remove the lock " + path + " (" + e.getMessage() + "); the next run will see"
                    + " it is stale.");
        }
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ukendt";
        }
    }
}
