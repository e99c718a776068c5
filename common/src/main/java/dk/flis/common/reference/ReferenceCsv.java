package dk.flis.common.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reader for the project's own semicolon reference files in resources/reference (no quoting in them). */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    /** Data rows (header skipped) split on ';'. */
    public static List<String[]> rows(String name) {
        String path = "/reference/" + name;
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
