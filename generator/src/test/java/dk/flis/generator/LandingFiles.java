package dk.flis.generator;

import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.Field;
import dk.flis.common.landing.QuarantineReason;
import dk.flis.common.landing.Source;
import dk.flis.common.reference.Municipalities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Test-side reading of landing files, written independently of the generator's own writer. */
final class LandingFiles {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private LandingFiles() {}

    /** The text of a data file, gunzipped when its name ends in .gz; fails on bytes that are not UTF-8. */
    static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Physical lines: element 0 is line 1 (the header). */
    static List<String> lines(Path file) {
        String text = text(file);
        if (!text.endsWith("\n")) {
            throw new AssertionError(file + " does not end with a newline");
        }
        return Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** Splits on {@code ;} outside quotes; {@code ""} inside quotes is one quote. */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }

    /** Data rows of a file (header dropped), split into fields. */
    static List<String[]> rows(Path file) {
        List<String> lines = lines(file);
        return lines.subList(1, lines.size()).stream().map(LandingFiles::fields).toList();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every quarantine reason a raw row earns under SPEC 2, one per broken field (a row with the wrong field
     * count earns FELTANTAL only). Empty for a good row.
     */
    static List<QuarantineReason> problems(Source source, String[] values) {
        return problems(source.fields(), values);
    }

    /** The typed fields of a file from its header line: DREAM's depend on its wide columns. */
    static List<Field> fields(Source source, String header) {
        if (source != Source.DREAM) {
            return source.fields();
        }
        List<String> names = List.of(header.split(";", -1));
        return DreamColumns.fields(DreamColumns.parse(names.subList(Source.DREAM.fields().size(), names.size())));
    }

    static List<QuarantineReason> problems(List<Field> fields, String[] values) {
        if (values.length != fields.size()) {
            return List.of(QuarantineReason.FELTANTAL);
        }
        List<QuarantineReason> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i].isEmpty() ? null : values[i];
            if (!valid(fields.get(i), v)) {
                out.add(fields.get(i).type().reason());
            }
        }
        return out;
    }

    private static boolean valid(Field field, String v) {
        return switch (field.type()) {
            case TEXT -> true;
            case CPR -> v != null && v.matches("[0-9]{10}");
            case CPR_OPTIONAL -> v == null || v.matches("[0-9]{10}");
            case KOMMUNE -> v != null && v.matches("[0-9]{3}") && Municipalities.isMunicipality(Integer.parseInt(v));
            case DATE -> v == null || v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && parses(() -> LocalDate.parse(v, DATE));
            case TIMESTAMP -> v == null || v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
                    && parses(() -> LocalDateTime.parse(v, TIMESTAMP));
            case INT -> v == null || v.matches("-?[0-9]{1,9}");
            case DECIMAL -> v == null || v.matches("-?[0-9]{1,16}(\\.[0-9]{1,2})?");
            case BOOL -> v == null || v.equals("J") || v.equals("N");
            case MONTH -> v == null || v.matches("[0-9]{4}-(0[1-9]|1[0-2])");
            case DREAM_KODE -> v == null || v.matches("[0-9]{3}");
            case GRAD -> v == null || v.matches("0(\\.[0-9]{1,4})?|1(\\.0{1,4})?");
            case KOMMUNE_OPTIONAL -> v == null
                    || v.matches("[0-9]{3}") && Municipalities.isMunicipality(Integer.parseInt(v));
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
