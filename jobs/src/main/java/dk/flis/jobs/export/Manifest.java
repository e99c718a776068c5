package dk.flis.jobs.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * A package's {@code manifest.csv} (SPEC 5): {@code fil;antal_raekker;sha256}, one row per data file, {@code fil}
 * relative to the package folder, in the landing manifest's form. Written after every data file is in place.
 */
public final class Manifest {
    public static final String FILE = "manifest.csv";
    public static final String HEADER = "fil;antal_raekker;sha256";
    /**
     * Built once: default options build a Hadoop configuration each time, ≈ 6 ms a file against 0.05 ms, and 98
     * packages hold ≈ 5 000 files.
     */
    private static final ParquetReadOptions FOOTER_ONLY = ParquetReadOptions.builder().build();

    private Manifest() {}

    /** Writes the manifest of {@code pkg}; returns the number of data files. */
    static int write(Path pkg, DapExport.Format format) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(pkg)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Path f : files) {
            long rows = format == DapExport.Format.parquet ? parquetRows(f) : csvRecords(f) - 1;
            sb.append(pkg.relativize(f).toString().replace('\\', '/')).append(';').append(rows).append(';')
                    .append(sha256(f)).append('\n');
        }
        Files.writeString(pkg.resolve(FILE), sb, StandardCharsets.UTF_8);
        return files.size();
    }

    /** The row count from the Parquet footer: no data is read. */
    public static long parquetRows(Path f) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f), FOOTER_ONLY)) {
            return r.getRecordCount();
        }
    }

    /** CSV records, header included: line ends outside quotes (a quoted field may hold a line break). */
    static long csvRecords(Path f) throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean pending = false;
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
                        records++;
                        pending = false;
                        continue;
                    }
                    pending = true;
                }
            }
        }
        return records + (pending ? 1 : 0);
    }

    public static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return DigestUtils.sha256Hex(in);
        }
    }
}
