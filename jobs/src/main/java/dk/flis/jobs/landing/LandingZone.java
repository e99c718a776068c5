package dk.flis.jobs.landing;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.Source;
import dk.flis.jobs.FlisException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing folder: one {@code YYYY-MM} folder per delivery, ready once {@code _manifest.csv} exists. Opening a
 * delivery verifies the manifest against the files (SPEC 2): any mismatch rejects the whole delivery before a
 * single row is written. Streams each file once (sha256 of the bytes, rows and header of the text) through
 * Hadoop's FileSystem, so it works the same on local disk and object stores.
 */
public final class LandingZone {
    public static final String MANIFEST = "_manifest.csv";
    private static final String MANIFEST_HEADER = "fil;antal_raekker;sha256";
    private static final Pattern MONTH_DIR = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String root;
    private final Configuration hadoop;

    public LandingZone(String root, Configuration hadoop) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.hadoop = hadoop;
    }

    public String root() {
        return root;
    }

    /** Delivery months that are ready (manifest present), oldest first. */
    public List<DeliveryMonth> readyMonths() {
        TreeSet<DeliveryMonth> months = new TreeSet<>();
        try {
            Path dir = new Path(root);
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                throw new FlisException("Landing folder " + root + " does not exist: set --landing or FLIS_LANDING.");
            }
            for (FileStatus st : fs.listStatus(dir)) {
                String name = st.getPath().getName();
                if (st.isDirectory() && MONTH_DIR.matcher(name).matches()
                        && fs.exists(new Path(st.getPath(), MANIFEST))) {
                    months.add(DeliveryMonth.parse(name));
                }
            }
        } catch (IOException e) {
            throw new FlisException("Cannot list landing folder " + root + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(months);
    }

    /** Verifies delivery {@code month} against its manifest; throws {@link FlisException.DeliveryRejected}. */
    public Delivery open(DeliveryMonth month) {
        String folder = root + "/" + month;
        try {
            Path dir = new Path(folder);
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir)) {
                throw new FlisException("No delivery " + month + ": folder " + folder + " does not exist.");
            }
            if (!fs.exists(new Path(dir, MANIFEST))) {
                throw new FlisException("Delivery " + month + " is not ready: " + folder + "/" + MANIFEST
                        + " is missing (the sender writes it last). Wait for it, then run again.");
            }
            Map<String, String[]> manifest = readManifest(fs, new Path(dir, MANIFEST), month);
            TreeSet<String> present = new TreeSet<>();
            for (FileStatus st : fs.listStatus(dir)) {
                String name = st.getPath().getName();
                if (st.isFile() && !name.equals(MANIFEST) && !name.startsWith(".")) {
                    present.add(name);
                }
            }
            for (String name : present) {
                if (!manifest.containsKey(name)) {
                    throw rejected(month, name + " is in the folder but not in " + MANIFEST
                            + "; remove it or have the sender redeliver a manifest listing it.");
                }
            }
            List<DeliveryFile> files = new ArrayList<>();
            for (Map.Entry<String, String[]> e : manifest.entrySet()) {
                files.add(verify(fs, dir, month, e.getKey(), e.getValue()));
            }
            return new Delivery(month, folder, List.copyOf(files));
        } catch (IOException e) {
            throw new FlisException("Cannot read delivery " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why a read of verified deliveries failed, when the reason is that a file left the landing zone after it was
     * verified (a sender's cleanup, an unmounted share): one line naming the file, instead of Hadoop's trace.
     */
    public static java.util.Optional<FlisException> disappeared(List<Delivery> deliveries, Configuration hadoop) {
        for (Delivery d : deliveries) {
            for (DeliveryFile f : d.files()) {
                Path path = new Path(f.path());
                boolean exists;
                try {
                    exists = path.getFileSystem(hadoop).exists(path);
                } catch (IOException e) {
                    exists = false;
                }
                if (!exists) {
                    return java.util.Optional.of(new FlisException("Landing file " + f.path() + " disappeared during"
                            + " the run, after it was verified: put delivery " + d.month() + " back in the landing"
                            + " folder and run the same command again (it redoes this run)."));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private Map<String, String[]> readManifest(FileSystem fs, Path path, DeliveryMonth month) throws IOException {
        Map<String, String[]> entries = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            String header = stripBom(r.readLine());
            if (header == null || !header.strip().equals(MANIFEST_HEADER)) {
                throw rejected(month, MANIFEST + " must start with the header '" + MANIFEST_HEADER + "'.");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split(";", -1);
                if (f.length != 3 || !f[1].matches("\\d+") || !SHA256.matcher(f[2]).matches()) {
                    throw rejected(month, MANIFEST + " line " + lineNo + " is not 'fil;antal_raekker;sha256'"
                            + " (count in digits, lowercase hex sha256).");
                }
                if (Source.forFileName(f[0]).isEmpty()) {
                    throw rejected(month, MANIFEST + " line " + lineNo + " names '" + f[0]
                            + "', which is not a known file kind (see SPEC 2).");
                }
                if (entries.put(f[0], f) != null) {
                    throw rejected(month, MANIFEST + " lists " + f[0] + " twice.");
                }
            }
        }
        return entries;
    }

    private DeliveryFile verify(FileSystem fs, Path dir, DeliveryMonth month, String name, String[] entry)
            throws IOException {
        Path file = new Path(dir, name);
        if (!fs.exists(file)) {
            throw rejected(month, name + " is listed in " + MANIFEST + " but missing from the folder.");
        }
        Source source = Source.forFileName(name).orElseThrow();
        MessageDigest sha = sha256();
        long rows = 0;
        String header;
        try (DigestInputStream raw = new DigestInputStream(fs.open(file), sha)) {
            InputStream text = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
            header = stripBom(r.readLine());
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    rows++;
                }
            }
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // hash every byte, also past the gzip trailer
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // A truncated .gz ends in EOFException, not ZipException; its checksum may match (a sender's bug).
            throw rejected(month, name + " is not valid gzip (" + e.getMessage() + "): the file is truncated or"
                    + " corrupt; ask the sender to redeliver.");
        }
        String expectedSha = entry[2];
        String actualSha = HexFormat.of().formatHex(sha.digest());
        if (!actualSha.equals(expectedSha)) {
            throw rejected(month, name + " has sha256 " + actualSha + ", manifest says " + expectedSha
                    + " (file changed or truncated in transfer; ask the sender to redeliver).");
        }
        long expectedRows = Long.parseLong(entry[1]);
        if (header == null) {
            throw rejected(month, name + " is empty: it needs at least the header row.");
        }
        if (rows != expectedRows) {
            throw rejected(month, name + " has " + rows + " data row" + (rows == 1 ? "" : "s")
                    + ", manifest says " + expectedRows + ".");
        }
        String cleanHeader = header.endsWith("\r") ? header.substring(0, header.length() - 1) : header;
        checkHeader(month, name, source, cleanHeader);
        List<DreamColumns.WideColumn> wide = List.of();
        if (source.isWide()) {
            List<String> columns = List.of(cleanHeader.split(";", -1));
            try {
                wide = DreamColumns.parse(columns.subList(source.fields().size(), columns.size()));
            } catch (IllegalArgumentException e) {
                throw rejected(month, name + " header: " + e.getMessage() + " (SPEC 2.1; ask the sender to"
                        + " redeliver the file with the contract's columns).");
            }
        }
        return new DeliveryFile(source, name, file.toString(), rows, actualSha, wide);
    }

    private static void checkHeader(DeliveryMonth month, String name, Source source, String header) {
        boolean ok = source.isWide()
                ? header.startsWith(source.header() + ";")
                : header.equals(source.header());
        if (!ok) {
            throw rejected(month, name + " header is '" + header + "', expected '" + source.header()
                    + (source.isWide() ? ";y_YYWW…" : "") + "' (SPEC 2.1).");
        }
    }

    static String stripBom(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static FlisException.DeliveryRejected rejected(DeliveryMonth month, String what) {
        return new FlisException.DeliveryRejected("Delivery " + month + " rejected: " + what);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
