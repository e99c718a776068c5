package dk.flis.jobs.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What a table's computation sees: its declared inputs (an undelivered one is empty) and the run's context. */
public interface Inputs {
    /** A declared input by id ({@code silver.x}); empty, with its schema, when nothing of it was delivered. */
    Dataset<Row> get(String id);

    RunContext context();

    default SparkSession spark() {
        return context().spark();
    }
}
