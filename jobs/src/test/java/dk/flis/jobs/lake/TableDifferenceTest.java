package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.flis.common.test.SparkExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guard of a maintained lakehouse against its rebuild: same rows, whatever their order or column order. */
@ExtendWith(SparkExtension.class)
class TableDifferenceTest {
    @Test
    void fingerprintsOfTwoTablesInOneJobAgreeWithEachTablesOwn(SparkSession spark) {
        Dataset<Row> a = spark.sql("SELECT * FROM VALUES (101, 'a'), (751, 'b'), (751, 'b') AS t(kommunekode, cpr_id)");
        Dataset<Row> reordered = spark.sql("SELECT * FROM VALUES ('b', 751), ('a', 101), ('b', 751) "
                + "AS t(cpr_id, kommunekode)");
        Dataset<Row> once = spark.sql("SELECT * FROM VALUES (101, 'a'), (751, 'b') AS t(kommunekode, cpr_id)");

        String[] same = TableDifference.fingerprints(a, reordered);
        assertEquals(same[0], same[1]);
        assertEquals(TableDifference.fingerprint(a), same[0]);
        assertEquals(0, TableDifference.rows(a, reordered));

        String[] duplicate = TableDifference.fingerprints(a, once);
        assertNotEquals(duplicate[0], duplicate[1], "a duplicated row counts");
        assertEquals(1, TableDifference.rows(a, once));

        String[] empty = TableDifference.fingerprints(a, a.limit(0));
        assertEquals("3 rows", empty[0].split(",")[0]);
        assertEquals(TableDifference.fingerprint(a.limit(0)), empty[1]);
    }

    /** DREAM's bronze keeps a row's values as a map: the same entries in another order are the same row. */
    @Test
    void mapsCompareByTheirEntries(SparkSession spark) {
        Dataset<Row> a = spark.sql("SELECT 'x' AS cpr, map('y_2020', 'A', 'y_2021', 'B') AS vaerdier");
        Dataset<Row> sameEntries = spark.sql("SELECT 'x' AS cpr, map('y_2021', 'B', 'y_2020', 'A') AS vaerdier");
        Dataset<Row> otherValue = spark.sql("SELECT 'x' AS cpr, map('y_2020', 'A', 'y_2021', 'C') AS vaerdier");
        String[] same = TableDifference.fingerprints(a, sameEntries);
        assertEquals(same[0], same[1]);
        String[] other = TableDifference.fingerprints(a, otherValue);
        assertNotEquals(other[0], other[1]);
    }
}
