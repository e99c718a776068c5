package dk.flis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code ./flis …} as operations run it: its own JVM with the launcher's default driver memory. Measures the
 * wall time and the peak resident memory (Linux {@code VmHWM}, polled; {@code ./flis} execs java, so the pid is
 * the driver's).
 */
record ChildRun(List<String> command, double seconds, long peakRssBytes, int exitCode) {
    static ChildRun run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("FLIS_JAVA_OPTS"); // the launcher's default heap, as operations get it
            // bench/run built the jars it loaded itself; a rebuild by ./flis mid-bench (a source edited meanwhile)
            // would time the build and rewrite flis-jobs.jar under this JVM, which reads classes from it lazily.
            pb.environment().put("FLIS_NO_BUILD", "1");
            long started = System.nanoTime();
            Process p = pb.start();
            long peak = 0;
            while (p.isAlive()) {
                peak = Math.max(peak, highWaterMark(p.pid()));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    p.destroy();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new ChildRun(command, seconds, peak, p.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VmHWM in bytes, 0 when not readable (process gone, or not Linux). */
    private static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between isAlive and the read
        }
        return 0;
    }
}
