package dk.flis.common.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import dk.flis.common.silver.LatestVersion;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * dim_borger (seed 000 §5.1.11): cpr and full name for every citizen in a municipality's facts. The identity is
 * resolved from bronze, the only other place holding cpr; silver never does.
 */
public final class Identities {
    private Identities() {}

    /**
     * @param citizens  (kommunekode, cpr_id) of every fact that names a citizen
     * @param cprs      the {@code cpr} columns of the bronze sources those facts come from
     * @param cprBorger bronze cpr_borger (latest delivery wins per cpr); may be empty
     */
    public static Dataset<Row> dimBorger(List<Dataset<Row>> citizens, List<Dataset<Row>> cprs, Dataset<Row> cprBorger,
                                         Pseudonymizer pseudonymizer) {
        Dataset<Row> inFacts = citizens.stream().map(c -> c.select("kommunekode", "cpr_id"))
                .reduce(Dataset::union).orElseThrow().distinct();
        Dataset<Row> ids = cprs.stream().map(c -> c.select("cpr")).reduce(Dataset::union).orElseThrow()
                .where(col("cpr").isNotNull()).distinct()
                .withColumn("cpr_id", pseudonymizer.cprId(col("cpr")));
        Dataset<Row> persons = LatestVersion.perKey(cprBorger, List.of("cpr"))
                .select(col("cpr"), concat_ws(" ", col("fornavn"), col("efternavn")).as("fuldenavn"),
                        col("foedselsdato"), col("koen"), col("civilstand"));
        return inFacts.join(ids.join(persons, new String[] {"cpr"}, "left"), "cpr_id")
                .select("kommunekode", "cpr_id", "cpr", "fuldenavn", "foedselsdato", "koen", "civilstand");
    }
}
