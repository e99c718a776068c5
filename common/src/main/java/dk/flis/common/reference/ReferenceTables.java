package dk.flis.common.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.reference.Benefits;
import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The conformed dimensions {@code dim_kommune} and {@code dim_tid}. */
public final class ReferenceTables {
    /** dim_tid spans this fixed range, so it does not depend on which deliveries are loaded. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2040, 12, 31);

    private ReferenceTables() {}

    /** The 98 municipalities as a small DataFrame (broadcast wherever it is joined). */
    public static Dataset<Row> municipalities(SparkSession spark) {
        StructType schema = new StructType()
                .add("kommunekode", DataTypes.IntegerType)
                .add("kommunenavn", DataTypes.StringType)
                .add("regionskode", DataTypes.IntegerType)
                .add("regionsnavn", DataTypes.StringType);
        List<Row> rows = Municipalities.all().stream()
                .map((Municipality m) -> RowFactory.create(m.kommunekode(), m.kommunenavn(), m.regionskode(),
                        m.regionsnavn()))
                .toList();
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    /** YR benefits → Release 6.0 benefit group (seed 001), for a broadcast join. */
    public static Dataset<Row> benefits(SparkSession spark) {
        List<Row> rows = Benefits.all().stream()
                .map(b -> RowFactory.create(b.ydelse(), b.ydelsesgruppe())).toList();
        return spark.createDataFrame(rows, new StructType().add("ydelse", DataTypes.StringType)
                .add("ydelsesgruppe", DataTypes.StringType)).coalesce(1);
    }

    public static Dataset<Row> days(SparkSession spark) {
        return spark.range(1)
                .select(explode(sequence(lit(FIRST_DAY), lit(LAST_DAY))).as("dato"))
                .select(
                        col("dato"),
                        IsoWeek.keyOf(col("dato")).as("uge"),
                        IsoWeek.yearOfWeek(col("dato")).as("iso_aar"),
                        weekofyear(col("dato")).as("iso_uge"),
                        date_format(col("dato"), "yyyy-MM").as("maaned"),
                        quarter(col("dato")).as("kvartal"),
                        year(col("dato")).as("aar"),
                        month(col("dato")).as("maaned_nr"),
                        expr("dayofweek(dato) + 5").mod(7).plus(1).as("ugedag"),
                        IsoWeek.mondayOf(col("dato")).as("uge_mandag"))
                .coalesce(1);
    }
}
