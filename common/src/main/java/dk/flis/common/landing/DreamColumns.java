package dk.flis.common.landing;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;

import dk.flis.common.calendar.IsoWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The wide columns of a DREAM file (SPEC 2.1): after {@code cpr;kommunekode;koen;alder}, one {@code y_YYWW} per
 * covered ISO week and {@code branche_YYYY_MM}, {@code grad_YYYY_MM} and optionally {@code arbejdssted_YYYY_MM}
 * per covered month. Every month has other columns, so bronze keeps them as one map column
 * {@code vaerdier} (column name → value as delivered, empty = null): one bronze row per delivered line and one
 * Delta schema for every month.
 */
public final class DreamColumns {
    public static final String VAERDIER = "vaerdier";
    public static final String WEEK_PREFIX = "y_";

    /** A wide column family: its name pattern and the type its values must parse as. */
    public enum Family {
        UGE(Pattern.compile("^y_([0-9]{2})([0-9]{2})$"), FieldType.DREAM_KODE),
        BRANCHE(Pattern.compile("^branche_([0-9]{4})_(0[1-9]|1[0-2])$"), FieldType.TEXT),
        GRAD(Pattern.compile("^grad_([0-9]{4})_(0[1-9]|1[0-2])$"), FieldType.GRAD),
        ARBEJDSSTED(Pattern.compile("^arbejdssted_([0-9]{4})_(0[1-9]|1[0-2])$"), FieldType.KOMMUNE_OPTIONAL);

        final Pattern pattern;
        final FieldType type;

        Family(Pattern pattern, FieldType type) {
            this.pattern = pattern;
            this.type = type;
        }
    }

    /** One wide column: {@code uge} (YYYYWW) for a week column, {@code maaned} (YYYY-MM) for a month column. */
    public record WideColumn(String name, Family family, int uge, String maaned) {
        Field field() {
            return Field.of(name, family.type);
        }
    }

    private DreamColumns() {}

    /**
     * The wide columns of a DREAM header (the columns after the fixed ones), or the one-line reason the header is
     * not the contract: a column outside the four families, an ISO week that does not exist, or a repeated column.
     */
    public static List<WideColumn> parse(List<String> wide) {
        List<WideColumn> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : wide) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' appears twice");
            }
            out.add(column(name).orElseThrow(() -> new IllegalArgumentException("column '" + name
                    + "' is none of y_YYWW, branche_YYYY_MM, grad_YYYY_MM, arbejdssted_YYYY_MM")));
        }
        if (out.stream().noneMatch(c -> c.family() == Family.UGE)) {
            throw new IllegalArgumentException("no y_YYWW week column");
        }
        return out;
    }

    private static Optional<WideColumn> column(String name) {
        for (Family f : Family.values()) {
            Matcher m = f.pattern.matcher(name);
            if (!m.matches()) {
                continue;
            }
            if (f == Family.UGE) {
                // Two-digit ISO week-year: DREAM starts in the 2000s.
                int uge = (2000 + Integer.parseInt(m.group(1))) * 100 + Integer.parseInt(m.group(2));
                int week = uge % 100;
                if (week < 1 || IsoWeek.key(IsoWeek.mondayOf(uge)) != uge) {
                    throw new IllegalArgumentException("column '" + name + "' is not an ISO week (" + uge / 100
                            + " has no week " + week + ")");
                }
                return Optional.of(new WideColumn(name, f, uge, null));
            }
            return Optional.of(new WideColumn(name, f, 0, m.group(1) + "-" + m.group(2)));
        }
        return Optional.empty();
    }

    /** The fields to type a line of this file with: the fixed DREAM fields, then every wide column. */
    public static List<Field> fields(List<WideColumn> wide) {
        List<Field> fields = new ArrayList<>(Source.DREAM.fields());
        wide.forEach(c -> fields.add(c.field()));
        return fields;
    }

    /**
     * Typed DREAM rows (fixed columns, then the wide ones) → the bronze shape: the fixed columns and the wide ones
     * folded into {@link #VAERDIER}, values as strings. Every other column (lineage, quarantine reason) is kept.
     */
    public static Dataset<Row> toBronze(Dataset<Row> typed, List<WideColumn> wide) {
        Column names = array(wide.stream().map(c -> lit(c.name())).toArray(Column[]::new)).cast("array<string>");
        Column values = array(wide.stream().map(c -> col(c.name()).cast("string")).toArray(Column[]::new))
                .cast("array<string>");
        return typed.withColumn(VAERDIER, map_from_arrays(names, values))
                .drop(wide.stream().map(WideColumn::name).toArray(String[]::new));
    }
}
