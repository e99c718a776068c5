package dk.flis.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Prints a query result. Rows stream from the executors with {@code toLocalIterator} (one partition at a time),
 * never a full collect. CSV is RFC 4180 quoting with a header row, dates ISO, timestamps
 * {@code yyyy-MM-dd HH:mm:ss}, nulls empty, LF line ends — and nothing else on stdout.
 */
public final class ResultPrinter {
    public enum Format { table, csv, json }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int TABLE_MAX_ROWS = 1000;

    private ResultPrinter() {}

    public static void print(Dataset<Row> result, Format format, PrintStream out) throws IOException {
        switch (format) {
            case csv -> csv(result, out);
            case json -> json(result, out);
            case table -> table(result, out);
        }
        out.flush();
    }

    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).toPlainString();
        }
        if (v instanceof Float f) {
            return text(f.doubleValue());
        }
        if (v instanceof LocalDateTime t) {
            return t.format(TIMESTAMP);
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().format(TIMESTAMP);
        }
        if (v instanceof scala.collection.Seq<?> s) {
            return s.mkString("[", ",", "]");
        }
        return v.toString();
    }

    private static void csv(Dataset<Row> result, PrintStream out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        CSVPrinter printer = new CSVPrinter(out, format);
        printer.printRecord((Object[]) result.columns());
        Iterator<Row> rows = result.toLocalIterator();
        List<String> values = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            values.clear();
            for (int i = 0; i < r.size(); i++) {
                values.add(text(r.get(i)));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    /** A JSON array, one object per line, columns in query order, nulls kept. */
    private static void json(Dataset<Row> result, PrintStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        StructField[] fields = result.schema().fields();
        out.print("[");
        Iterator<Row> rows = result.toLocalIterator();
        String separator = "\n";
        while (rows.hasNext()) {
            Row r = rows.next();
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                object.put(fields[i].name(), jsonValue(r.get(i)));
            }
            out.print(separator);
            out.print(mapper.writeValueAsString(object));
            separator = ",\n";
        }
        out.println("\n]");
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof BigDecimal || v instanceof Integer
                || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return text(v);
    }

    private static void table(Dataset<Row> result, PrintStream out) {
        String[] cols = result.columns();
        List<String[]> lines = new ArrayList<>();
        Iterator<Row> rows = result.toLocalIterator();
        boolean more = false;
        while (rows.hasNext()) {
            if (lines.size() == TABLE_MAX_ROWS) {
                more = true;
                break;
            }
            Row r = rows.next();
            String[] line = new String[cols.length];
            for (int i = 0; i < cols.length; i++) {
                line[i] = r.isNullAt(i) ? "NULL" : text(r.get(i));
            }
            lines.add(line);
        }
        int[] width = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            width[i] = cols[i].length();
            for (String[] l : lines) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : width) {
            sep.append("-".repeat(w + 2)).append('+');
        }
        out.println(sep);
        out.println(row(cols, width));
        out.println(sep);
        for (String[] l : lines) {
            out.println(row(l, width));
        }
        out.println(sep);
        out.println(lines.size() + " row" + (lines.size() == 1 ? "" : "s")
                + (more ? " shown (first " + TABLE_MAX_ROWS + "; use --format csv for all)" : ""));
    }

    private static String row(String[] values, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < values.length; i++) {
            sb.append(' ').append(values[i]).append(" ".repeat(width[i] - values[i].length())).append(" |");
        }
        return sb.toString();
    }
}
