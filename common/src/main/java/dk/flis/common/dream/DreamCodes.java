package dk.flis.common.dream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import dk.flis.common.reference.ReferenceCsv;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * DREAM ydelseskoder → ydelsesgrupper (resources/reference/dream_koder.csv, Release 6.0 names) and the Release 6.0
 * renaming of the groups (ydelsesgruppe_omdoebning.csv, seed 001), so analyses written against the old names can
 * be translated.
 */
public final class DreamCodes {
    /** The group of a code the list does not know (SPEC 3.6). */
    public static final String ANDEN_YDELSE = "Anden ydelse";

    private static final Map<String, String> OLD_NAMES = ReferenceCsv.rows("ydelsesgruppe_omdoebning.csv").stream()
            .collect(Collectors.toMap(r -> r[1].strip(), r -> r[0].strip(), (a, b) -> a));

    private DreamCodes() {}

    private static Dataset<Row> ranges(SparkSession spark) {
        StructType schema = new StructType().add("kode_fra", DataTypes.IntegerType)
                .add("kode_til", DataTypes.IntegerType).add("ydelsesgruppe", DataTypes.StringType)
                .add("beskrivelse", DataTypes.StringType).add("tidligere_ydelsesgruppe", DataTypes.StringType);
        List<Row> rows = ReferenceCsv.rows("dream_koder.csv").stream()
                .map(r -> RowFactory.create(Integer.parseInt(r[0]), Integer.parseInt(r[1]), r[2], r[3],
                        OLD_NAMES.get(r[2])))
                .toList();
        return spark.createDataFrame(rows, schema);
    }

    /** One row per listed 3-digit code (string, as delivered): kode, ydelsesgruppe, beskrivelse (small: broadcast). */
    public static Dataset<Row> codes(SparkSession spark) {
        return ranges(spark)
                .select(explode(sequence(col("kode_fra"), col("kode_til"))).as("n"), col("ydelsesgruppe"),
                        col("beskrivelse"), col("tidligere_ydelsesgruppe"))
                .select(format_string("%03d", col("n")).as("kode"), col("ydelsesgruppe"), col("beskrivelse"),
                        col("tidligere_ydelsesgruppe"))
                .coalesce(1);
    }

    /** gold.dim_dream_ydelseskode: every listed code with its group and the group's name before Release 6.0. */
    public static Dataset<Row> dimension(SparkSession spark) {
        return codes(spark).withColumnRenamed("kode", "ydelseskode")
                .unionByName(spark.range(1).select(lit(null).cast("string").as("ydelseskode"),
                        lit(DreamWeeks.SELVFORSOERGENDE).as("ydelsesgruppe"),
                        lit("Ingen offentlig ydelse i ugen").as("beskrivelse"),
                        lit("Ingen ydelse").as("tidligere_ydelsesgruppe")))
                .orderBy(functions.asc_nulls_first("ydelseskode"))
                .coalesce(1);
    }
}
