package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.reference.DfdgCategories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The DFDG dimensions of seed 000 §5.1.3–5.1.15, each its own table. Category values come from the seed lists
 * (kendt = true) plus every value seen in the data; a value the project does not know is kept, added with
 * kendt = false and reported in {@code dq_dfdg_ukendte_vaerdier} — DFDG releases change these lists.
 */
public final class DfdgDimensions {
    /** dimension name in dfdg_kategorier.csv → its table. Status, årsag and pulje are three independent dims. */
    public static final Map<String, String> SINGLE = new LinkedHashMap<>();

    static {
        SINGLE.put("aktivitetsstatus", "dim_aktivitetsstatus");
        SINGLE.put("aktivitetsaarsag", "dim_aktivitetsaarsag");
        SINGLE.put("puljenavn", "dim_puljenavn");
        SINGLE.put("aktivitetstype", "dim_aktivitetstype");
        SINGLE.put("jobtype", "dim_jobtype");
        SINGLE.put("samtaletype", "dim_samtaletype");
        SINGLE.put("kontaktform", "dim_kontaktform");
        SINGLE.put("samtaledeltager", "dim_samtaledeltager");
    }

    private DfdgDimensions() {}

    /** The seed lists as (dimension, vaerdi) rows. */
    static Dataset<Row> known(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        DfdgCategories.known().forEach((dim, values) -> values.forEach(v -> rows.add(RowFactory.create(dim, v))));
        return spark.createDataFrame(rows, new StructType()
                .add("dimension", DataTypes.StringType).add("vaerdi", DataTypes.StringType)).coalesce(1);
    }

    /**
     * Every category value seen, per dimension and municipality, with its row count.
     *
     * @param activations  silver activations (status, aarsag, … per row, with kommunekode)
     * @param conversations silver conversations
     * @param participants bridge rows (kommunekode, deltager)
     */
    public static Dataset<Row> observed(Dataset<Row> activations, Dataset<Row> conversations,
                                        Dataset<Row> participants) {
        Dataset<Row> fromActivations = longForm(activations, "status:aktivitetsstatus", "aarsag:aktivitetsaarsag",
                "puljenavn:puljenavn", "aktivitetstype:aktivitetstype", "jobtype:jobtype",
                "hjaelpemiddel_art:hjaelpemiddel_art", "hjaelpemiddel_type:hjaelpemiddel_type",
                "hjaelpemiddel_form:hjaelpemiddel_form", "stoetteperson_art:stoetteperson_art",
                "stoetteperson_type:stoetteperson_type");
        Dataset<Row> fromConversations = longForm(conversations, "samtaletype:samtaletype",
                "kontaktform:kontaktform");
        Dataset<Row> fromParticipants = longForm(participants, "deltager:samtaledeltager");
        return fromActivations.unionByName(fromConversations).unionByName(fromParticipants)
                .where(col("vaerdi").isNotNull())
                .groupBy("dimension", "vaerdi", "kommunekode").agg(count(lit(1)).as("antal_raekker"));
    }

    /** (kommunekode, dimension, vaerdi) per row and listed column, "column:dimension". */
    private static Dataset<Row> longForm(Dataset<Row> rows, String... columnToDimension) {
        Column[] pairs = new Column[columnToDimension.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] cd = columnToDimension[i].split(":");
            pairs[i] = struct(lit(cd[1]).as("dimension"), col(cd[0]).cast("string").as("vaerdi"));
        }
        return rows.select(col("kommunekode"), explode(array(pairs)).as("p"))
                .select(col("kommunekode"), col("p.dimension"), col("p.vaerdi"));
    }

    /** Values seen in the data that the seed lists do not hold: the data-quality report. */
    public static Dataset<Row> unknownValues(Dataset<Row> observed) {
        return observed.join(broadcast(known(observed.sparkSession())), new String[] {"dimension", "vaerdi"}, "left_anti")
                .select("dimension", "vaerdi", "kommunekode", "antal_raekker");
    }

    /** A one-attribute dimension: every known and every seen value, with kendt. */
    public static Dataset<Row> single(Dataset<Row> observed, String dimension) {
        Dataset<Row> values = known(observed.sparkSession()).where(col("dimension").equalTo(dimension)).select("vaerdi")
                .withColumn("kendt", lit(true))
                .unionByName(observed.where(col("dimension").equalTo(dimension)).select("vaerdi")
                        .withColumn("kendt", lit(false)))
                .groupBy("vaerdi").agg(org.apache.spark.sql.functions.max("kendt").as("kendt"));
        return values.withColumnRenamed("vaerdi", dimension).coalesce(1);
    }

    /** Several attributes that belong together (hjælpemiddel art/type/form, støtteperson art/type). */
    public static Dataset<Row> combined(Dataset<Row> activations, String... columns) {
        Dataset<Row> known = known(activations.sparkSession());
        Column anySet = lit(false);
        for (String c : columns) {
            anySet = anySet.or(col(c).isNotNull());
        }
        Dataset<Row> combos = activations.where(anySet).select(
                java.util.Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new)).distinct();
        Column allKnown = lit(true);
        Dataset<Row> out = combos;
        for (String c : columns) {
            Dataset<Row> k = known.where(col("dimension").equalTo(c)).select(col("vaerdi").as(c))
                    .withColumn("_k_" + c, lit(true));
            out = out.join(broadcast(k), new String[] {c}, "left");
            allKnown = allKnown.and(col(c).isNull().or(col("_k_" + c).isNotNull()));
        }
        return out.withColumn("kendt", allKnown)
                .drop(java.util.Arrays.stream(columns).map(c -> "_k_" + c).toArray(String[]::new))
                .coalesce(1);
    }

    /** AMU and DUN codes merged into one AMU dimension (seed 000 §5.1.4). */
    public static Dataset<Row> amu(Dataset<Row> activations) {
        return activations.where(col("amu_kode").isNotNull()).select("amu_kode").distinct()
                .withColumn("kodetype", when(col("amu_kode").rlike("^[0-9]{5}$"), lit("AMU"))
                        .when(col("amu_kode").startsWith("DUN"), lit("DUN")).otherwise(lit("Anden")))
                .coalesce(1);
    }

    /** Courses by name (seed 000 §5.1.5), with the AMU/DUN code they were given under. */
    public static Dataset<Row> courses(Dataset<Row> activations) {
        return activations.where(col("kursusnavn").isNotNull()).select("kursusnavn", "amu_kode").distinct()
                .coalesce(1);
    }

    /** One organisation dimension reused in three roles (seed 000 §5.1.6). */
    public static Dataset<Row> organisations(List<Dataset<Row>> names) {
        Dataset<Row> all = names.stream().reduce(Dataset::union).orElseThrow()
                .where(col("organisation").isNotNull()).distinct();
        return all.withColumn("organisationstype",
                        when(col("organisation").startsWith("Jobcenter"), lit("Jobcenter"))
                                .when(col("organisation").rlike("(?i)a-kasse"), lit("A-kasse"))
                                .when(col("organisation").startsWith("Kommune"), lit("Kommune"))
                                .otherwise(lit("Anden")))
                .coalesce(1);
    }

    public static Dataset<Row> stateJob(SparkSession spark) {
        return spark.createDataFrame(List.of(RowFactory.create(true, "Statsligt job"),
                        RowFactory.create(false, "Ikke statsligt job")),
                new StructType().add("statsligt_job", DataTypes.BooleanType).add("tekst", DataTypes.StringType))
                .coalesce(1);
    }
}
