package dk.flis.jobs.landing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.RawRows;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one verified landing file into typed rows with lineage ({@code leverance}, {@code fil}, {@code linje})
 * and a quarantine reason. Line numbers come from {@code zipWithIndex} over the text (gzip handled by Hadoop's
 * codecs), so a quarantined row names the line an operator finds in an editor.
 */
public final class DeliveryReader {
    public static final String LEVERANCE = "leverance";
    public static final String FIL = "fil";

    private static final StructType LINES = new StructType()
            .add(RawRows.LINJE, DataTypes.LongType)
            .add(RawRows.RAA_LINJE, DataTypes.StringType);

    private final SparkSession spark;

    public DeliveryReader(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> read(Delivery delivery, DeliveryFile file) {
        JavaRDD<Row> lines = JavaSparkContext.fromSparkContext(spark.sparkContext())
                // minPartitions 1: a file below one block is one partition, and zipWithIndex needs no extra job
                // to size the partitions; larger files still split at the block size.
                .textFile(file.path(), 1)
                .zipWithIndex()
                .filter(t -> t._2() > 0 && !t._1().isEmpty())
                .map(t -> RowFactory.create(t._2() + 1, t._1()));
        Dataset<Row> raw = spark.createDataFrame(lines, LINES)
                .withColumn(RawRows.RAA_LINJE, regexp_replace(col(RawRows.RAA_LINJE), "\r$", ""));
        Dataset<Row> typed = file.source().isWide()
                ? DreamColumns.toBronze(RawRows.typed(raw, DreamColumns.fields(file.wide())), file.wide())
                : RawRows.typed(raw, file.source().fields());
        return typed.withColumn(LEVERANCE, lit(delivery.month().toString()))
                .withColumn(FIL, lit(file.name()));
    }
}
