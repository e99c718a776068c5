package dk.flis.jobs.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Puts Spark's part files of one table into one package folder, with stable names (and the BOM for CSV). */
final class PackageFiles {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final DapExport.Format format;

    PackageFiles(DapExport.Format format) {
        this.format = format;
    }

    /**
     * Moves municipality {@code kommune}'s files of a table (or copies the shared file when kommune is null) into
     * {@code dest} as {@code part-00000.<ext>}, …; a municipality with no rows gets the table's empty file.
     */
    void place(Path table, Integer kommune, Path dest, String name) throws IOException {
        Path source = kommune == null ? table : table.resolve("_pakke=" + kommune);
        boolean own = kommune != null && Files.isDirectory(source);
        if (kommune != null && !own) {
            source = table.resolveSibling(table.getFileName() + ".tom");
        }
        List<Path> parts = parts(source);
        if (parts.isEmpty()) {
            throw new IOException("no file written for table " + name + " in " + source);
        }
        Files.createDirectories(dest);
        for (int i = 0; i < parts.size(); i++) {
            Path target = dest.resolve(String.format("part-%05d.%s", i, format.name()));
            if (format == DapExport.Format.csv) {
                try (InputStream in = Files.newInputStream(parts.get(i));
                     OutputStream out = Files.newOutputStream(target)) {
                    out.write(BOM); // Excel reads UTF-8 (æøå) only with it
                    in.transferTo(out);
                }
            } else if (own) {
                Files.move(parts.get(i), target);
            } else {
                Files.copy(parts.get(i), target);
            }
        }
    }

    private List<Path> parts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")
                            && !p.getFileName().toString().endsWith(".crc"))
                    .sorted().toList();
        }
    }
}
