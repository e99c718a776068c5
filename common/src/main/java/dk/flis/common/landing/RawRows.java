package dk.flis.common.landing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.reference.Municipalities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Raw landing lines → typed bronze rows, with the quarantine rules of SPEC 2 declared per field type
 * (Deequ-style: a list of named checks, one pass, one {@code aarsag} column). Rows are never cleaned: a value
 * either parses exactly or the row is quarantined with every reason that applies.
 *
 * <p>Input columns: {@code linje} (1-based line in the file, header = 1) and {@code raa_linje}. Output: the
 * source's typed columns, {@code linje}, {@code raa_linje} and {@code aarsag} (null for a good row).
 */
public final class RawRows {
    public static final String LINJE = "linje";
    public static final String RAA_LINJE = "raa_linje";
    /** Internal name: dfdg_aktivitet has a column called aarsag of its own. */
    public static final String AARSAG = "_karantaene_aarsag";

    /** Money and hours: two decimals, as delivered. */
    public static final String DECIMAL_TYPE = "decimal(18,2)";

    private static final String DATE_RE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final String TIMESTAMP_RE = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$";

    private RawRows() {}

    public static Dataset<Row> typed(Dataset<Row> lines, List<Field> fields) {
        StructType raw = new StructType();
        for (Field f : fields) {
            raw = raw.add(f.name(), DataTypes.StringType);
        }
        // Separators outside quotes: drop quoted sections, then count ';'.
        Column unquoted = regexp_replace(col(RAA_LINJE), lit("\"([^\"]|\"\")*\""), lit(""));
        Column fieldCount = length(unquoted).minus(length(replace(unquoted, lit(";"), lit("")))).plus(1);
        Dataset<Row> parsed = lines
                .withColumn("_n", fieldCount)
                .withColumn("_r", from_csv(col(RAA_LINJE), lit(raw.toDDL()), Map.of("sep", ";", "quote", "\"", "escape", "\"",
                        "mode", "PERMISSIVE")));

        List<Column> out = new ArrayList<>();
        List<Column> reasons = new ArrayList<>();
        for (Field f : fields) {
            Column v = nullif(col("_r." + f.name()), lit(""));
            out.add(typedValue(f.type(), v).as(f.name()));
            if (f.type().reason() != null) {
                reasons.add(when(invalid(f.type(), v), lit(f.type().reason().describe(f.name()))));
            }
        }
        Column fieldCountWrong = col("_n").notEqual(fields.size());
        Column aarsag = when(fieldCountWrong, lit(QuarantineReason.FELTANTAL.describe(null)
                        + " (" + fields.size() + " forventet)"))
                .otherwise(nullif(concat_ws("; ", reasons.toArray(Column[]::new)), lit("")));
        out.add(col(LINJE));
        out.add(col(RAA_LINJE));
        out.add(aarsag.as(AARSAG));
        return parsed.select(out.toArray(Column[]::new));
    }

    static Column typedValue(FieldType type, Column v) {
        return switch (type) {
            case TEXT, CPR, CPR_OPTIONAL, MONTH -> v;
            case KOMMUNE -> v.try_cast("int");
            case DATE -> try_to_timestamp(v, lit("yyyy-MM-dd")).cast("date");
            case TIMESTAMP -> try_to_timestamp(v, lit("yyyy-MM-dd HH:mm:ss")).cast("timestamp_ntz");
            case INT -> v.try_cast("int");
            case DECIMAL -> v.try_cast(DECIMAL_TYPE);
            case BOOL -> when(v.equalTo("J"), lit(true)).when(v.equalTo("N"), lit(false));
            case DREAM_KODE -> v;
            case GRAD -> v.try_cast("decimal(5,4)");
            case KOMMUNE_OPTIONAL -> v.try_cast("int");
        };
    }

    /** True when a value breaks its type's rule. cpr (except an optional one) and kommunekode are required; other nulls are fine. */
    static Column invalid(FieldType type, Column v) {
        Column typed = typedValue(type, v);
        return switch (type) {
            case TEXT -> lit(false);
            case CPR -> v.isNull().or(not(v.rlike("^[0-9]{10}$")));
            case CPR_OPTIONAL -> v.isNotNull().and(not(v.rlike("^[0-9]{10}$")));
            case KOMMUNE -> v.isNull().or(not(v.rlike("^[0-9]{3}$")))
                    .or(not(typed.isin(Municipalities.codes().stream().sorted().toArray())));
            case DATE -> v.isNotNull().and(not(v.rlike(DATE_RE)).or(typed.isNull()));
            case TIMESTAMP -> v.isNotNull().and(not(v.rlike(TIMESTAMP_RE)).or(typed.isNull()));
            case INT -> v.isNotNull().and(not(v.rlike("^-?[0-9]{1,9}$")));
            case DECIMAL -> v.isNotNull().and(not(v.rlike("^-?[0-9]{1,16}(\\.[0-9]{1,2})?$")));
            case BOOL -> v.isNotNull().and(typed.isNull());
            case MONTH -> v.isNotNull().and(not(v.rlike("^[0-9]{4}-(0[1-9]|1[0-2])$")));
            case DREAM_KODE -> v.isNotNull().and(not(v.rlike("^[0-9]{3}$")));
            case GRAD -> v.isNotNull().and(not(v.rlike("^(0(\\.[0-9]{1,4})?|1(\\.0{1,4})?)$")));
            case KOMMUNE_OPTIONAL -> v.isNotNull().and(not(v.rlike("^[0-9]{3}$"))
                    .or(not(typed.isin(Municipalities.codes().stream().sorted().toArray()))));
        };
    }
}
