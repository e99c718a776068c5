package dk.flis.common.ky;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The KY dimensions of seed 003 §8.1's matrix; seed lists are marked {@code kendt}, new values are kept. */
public final class KyDimensions {
    /** Seed 003 §6.1.4: the ten ydelsesart codes. */
    public static final List<String[]> YDELSESARTER = List.of(
            new String[] {"T", "Transitionsydelse"}, new String[] {"H", "Kontanthjælp"},
            new String[] {"E", "Enkeltydelser"}, new String[] {"A", "Andre Ydelser"},
            new String[] {"S", "Særlig Støtte"}, new String[] {"F", "Forrevalidering"},
            new String[] {"L", "Ledighedsydelse"}, new String[] {"G", "Godtgørelser"},
            new String[] {"R", "Revalidering KMD Aktiv"}, new String[] {"K", "Residual Ydelser"});
    public static final List<String> AFGOERELSESTYPER = List.of("Bevilling", "Afslag", "Afledt bevilling", "Henlæg");
    public static final List<String> SAGSTILSTANDE = List.of("Oprettet", "Under oplysning", "Henlagt", "Bevilget",
            "Afslag", "Afsluttet");

    private KyDimensions() {}

    public static Dataset<Row> ydelsesarter(SparkSession spark) {
        return spark.createDataFrame(YDELSESARTER.stream().map(a -> RowFactory.create(a[0], a[1])).toList(),
                new StructType().add("ydelsesart", DataTypes.StringType).add("ydelsesartnavn", DataTypes.StringType))
                .coalesce(1);
    }

    /** Every distinct combination of {@code columns} seen in the facts (nulls excluded when all are null). */
    public static Dataset<Row> seen(List<Dataset<Row>> facts, String... columns) {
        Column[] cols = Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new);
        Column anySet = lit(false);
        for (String c : columns) {
            anySet = anySet.or(col(c).isNotNull());
        }
        return facts.stream().map(f -> f.select(cols)).reduce(Dataset::union).orElseThrow()
                .where(anySet).distinct().coalesce(1);
    }

    /** A one-attribute dimension: the seed's values (kendt) and every value seen in {@code rows}. */
    public static Dataset<Row> withKnown(Dataset<Row> rows, String column, List<String> known) {
        SparkSession spark = rows.sparkSession();
        Dataset<Row> k = spark.createDataFrame(known.stream().map(v -> RowFactory.create(v, true)).toList(),
                new StructType().add(column, DataTypes.StringType).add("kendt", DataTypes.BooleanType));
        return k.unionByName(rows.where(col(column).isNotNull()).select(col(column)).distinct()
                        .withColumn("kendt", lit(false)))
                .groupBy(column).agg(max(col("kendt")).as("kendt")).coalesce(1);
    }
}
