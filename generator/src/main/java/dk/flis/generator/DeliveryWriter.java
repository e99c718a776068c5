package dk.flis.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes one delivery folder: data files (UTF-8, LF, trailing newline), then {@code _manifest.csv} last. */
final class DeliveryWriter {
    static final String MANIFEST = "_manifest.csv";
    static final String MANIFEST_HEADER = "fil;antal_raekker;sha256";
    static final String TRUTH_DIR = "_truth";
    static final String TRUTH_FILE = "karantaene.csv";
    static final String TRUTH_HEADER = "fil;linje;aarsag";
    static final String YR_TRUTH_FILE = "yr_findings.csv";
    static final String YR_TRUTH_HEADER = "regel;cpr;uge;ydelse;beregning_id";

    private final Path folder;
    private final YearMonth month;

    DeliveryWriter(Path out, YearMonth month) {
        this.folder = out.resolve(LandingCsv.MONTH.format(month));
        this.month = month;
    }

    /**
     * Removes the manifest first (a reader must not see an old manifest over new files), then the files this
     * generator may have written in an earlier run, so a smaller rerun leaves no extra file behind.
     */
    void clear(List<String> ownFiles) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(MANIFEST));
        for (String f : ownFiles) {
            Files.deleteIfExists(folder.resolve(f));
        }
    }

    /** Header plus rows; gzip when the name ends in .gz. The checksum is of the bytes on disk. */
    DeliveredFile write(String fil, String header, List<String[]> rows, int defectRows) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream file = Files.newOutputStream(folder.resolve(fil));
             OutputStream digested = new DigestOutputStream(file, sha);
             OutputStream body = fil.endsWith(".gz") ? new GZIPOutputStream(digested, 1 << 16) : digested;
             Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(header);
            w.write('\n');
            for (String[] row : rows) {
                w.write(LandingCsv.line(row));
                w.write('\n');
            }
        }
        return new DeliveredFile(month, fil, rows.size(), defectRows, HexFormat.of().formatHex(sha.digest()));
    }

    void writeManifest(List<DeliveredFile> files) throws IOException {
        StringBuilder sb = new StringBuilder(MANIFEST_HEADER).append('\n');
        files.stream().sorted(Comparator.comparing(DeliveredFile::fil)).forEach(f ->
                sb.append(f.fil()).append(';').append(f.rows()).append(';').append(f.sha256()).append('\n'));
        Files.writeString(folder.resolve(MANIFEST), sb, StandardCharsets.UTF_8);
    }

    /** Defect truth lives outside the delivery folder: an extra file inside would fail the manifest check. */
    void writeTruth(Path out, List<Defect> defects, boolean wanted) throws IOException {
        Path truth = out.resolve(TRUTH_DIR).resolve(LandingCsv.MONTH.format(month)).resolve(TRUTH_FILE);
        if (!wanted) {
            Files.deleteIfExists(truth);
            return;
        }
        Files.createDirectories(truth.getParent());
        StringBuilder sb = new StringBuilder(TRUTH_HEADER).append('\n');
        defects.stream().sorted(Comparator.comparing(Defect::fil).thenComparingInt(Defect::linje)).forEach(d ->
                sb.append(d.fil()).append(';').append(d.linje()).append(';').append(d.aarsag().name()).append('\n'));
        Files.writeString(truth, sb, StandardCharsets.UTF_8);
    }

    /**
     * The YR counter-validation findings that first appear with this delivery, by regel, cpr, uge, beregning_id;
     * written for a delivery with a yr_beregning file when defects > 0, else removed.
     */
    void writeYrTruth(Path out, List<YrFinding> findings, boolean wanted) throws IOException {
        Path truth = out.resolve(TRUTH_DIR).resolve(LandingCsv.MONTH.format(month)).resolve(YR_TRUTH_FILE);
        if (!wanted) {
            Files.deleteIfExists(truth);
            return;
        }
        Files.createDirectories(truth.getParent());
        StringBuilder sb = new StringBuilder(YR_TRUTH_HEADER).append('\n');
        for (YrFinding f : findings) {
            sb.append(LandingCsv.line(new String[] {f.regel(), f.cpr(), Integer.toString(f.uge()), f.ydelse(),
                f.beregningId()})).append('\n');
        }
        Files.writeString(truth, sb, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
