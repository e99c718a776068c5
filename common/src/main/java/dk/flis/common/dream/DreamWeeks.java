package dk.flis.common.dream;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.landing.DreamColumns;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.silver.LatestVersion;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * silver.dream_uge (SPEC 3.6): the wide DREAM rows as one row per citizen × covered week. A week is covered for a
 * citizen by every delivery whose file has the citizen's row and the week's column; the latest such delivery wins
 * (a restatement replaces the week, SPEC 2.1). An empty code is {@code Selvforsørgende}. The week's month is the
 * month of its Monday — the month a delivery covers weeks by — and gives the week its branche, beskæftigelsesgrad
 * and arbejdsstedkommune from the same row. One pass over bronze: explode the row's week entries (a built-in
 * generator over the map, linear in the cells) and one aggregation for the latest version.
 */
public final class DreamWeeks {
    public static final String SELVFORSOERGENDE = "Selvforsørgende";

    private DreamWeeks() {}

    private static Column weekCells() {
        return expr("map_filter(" + DreamColumns.VAERDIER + ", (k, v) -> startswith(k, '"
                + DreamColumns.WEEK_PREFIX + "'))");
    }

    private static Column weekOfColumn(Column kolonne) {
        return lit(2000).plus(substring(kolonne, 3, 2).cast("int")).multiply(100)
                .plus(substring(kolonne, 5, 2).cast("int")).cast("int");
    }

    /**
     * silver.dream_daekning: which weeks each delivery covers, with its number of citizens, and whether the week is
     * a restatement (its Monday lies before the month the delivery is for, i.e. before the previous month). Every
     * line of a file has the same columns, so one aggregation over lines — not cells — gives the weeks.
     */
    public static Dataset<Row> coverage(Dataset<Row> bronze) {
        Column ownMonth = functions.add_months(to_date(concat(col("leverance"), lit("-01"))), -1);
        return bronze.groupBy("leverance")
                .agg(count(lit(1)).as("antal_borgere"), first(map_keys(weekCells())).as("kolonner"))
                .select(col("leverance"), explode(col("kolonner")).as("kolonne"), col("antal_borgere"))
                .select(col("leverance"), weekOfColumn(col("kolonne")).as("uge"), col("antal_borgere"))
                .withColumn("genlevering", IsoWeek.mondayOfKey(col("uge")).lt(ownMonth));
    }

    /** @param bronze bronze.dream: cpr, kommunekode, koen, alder, vaerdier, linje, leverance */
    public static Dataset<Row> weeks(Dataset<Row> bronze, Pseudonymizer pseudonymizer) {
        return weeks(bronze, pseudonymizer, Optional.empty());
    }

    /**
     * The same, for the weeks from {@code fromWeek} (yyyyww) on only: the earlier week cells are dropped first, so
     * a monthly run that maintains the weeks a delivery covers explodes only those. A week's latest version depends
     * only on that week's cells, so these rows equal the full result's from that week.
     */
    public static Dataset<Row> weeks(Dataset<Row> bronze, Pseudonymizer pseudonymizer, Optional<Integer> fromWeek) {
        String wanted = fromWeek.map(w -> " AND (2000 + int(substring(k, 3, 2))) * 100 + int(substring(k, 5, 2)) >= "
                + w).orElse("");
        // A delivery restates the trailing year, so most of a line's week cells are restated again by the
        // citizen's next line: drop those before exploding (a week only the next line lacks is kept; the latest
        // version below still decides exactly). This cuts the exploded cells about tenfold at a year's width.
        // Pseudonymised per line, before the cells multiply it by the weeks a line covers.
        WindowSpec next = Window.partitionBy("cpr_id").orderBy(col("leverance"), col("linje"));
        Dataset<Row> lines = bronze
                .select(pseudonymizer.cprId(col("cpr")).as("cpr_id"), col("kommunekode"), col("koen"), col("alder"),
                        col("leverance"), col("linje"),
                        expr("map_filter(" + DreamColumns.VAERDIER + ", (k, v) -> startswith(k, '"
                                + DreamColumns.WEEK_PREFIX + "')" + wanted + ")").as("uger"), expr("map_filter(" + DreamColumns.VAERDIER
                                + ", (k, v) -> NOT startswith(k, '" + DreamColumns.WEEK_PREFIX + "'))").as("maaneder"))
                .withColumn("senere", coalesce(lead(map_keys(col("uger")), 1).over(next),
                        array().cast("array<string>")));
        // The kept weeks by array_except (compiled, one hash set per line), each cell's code looked up after the
        // explode: a lambda testing every key against the next line's keys ran interpreted, key by key — 52 × 52
        // string comparisons per line, most of the table's time at 36 deliveries.
        Dataset<Row> cells = lines
                .select(col("cpr_id"), col("kommunekode"), col("koen"), col("alder"), col("leverance"),
                        // The month columns only: a row's week cells are exploded, its few month cells looked up.
                        col("linje"), col("maaneder"), col("uger"),
                        explode(array_except(map_keys(col("uger")), col("senere"))).as("kolonne"))
                .withColumn("ydelseskode", element_at(col("uger"), col("kolonne")))
                .drop("uger");
        Column uge = weekOfColumn(col("kolonne"));
        Column month = date_format(IsoWeek.mondayOfKey(col("uge")), "yyyy_MM");
        Dataset<Row> perWeek = cells.withColumn("uge", uge)
                .withColumn("branche", element_at(col("maaneder"), concat(lit("branche_"), month)))
                .withColumn("beskaeftigelsesgrad", element_at(col("maaneder"), concat(lit("grad_"), month))
                        .cast("decimal(5,4)"))
                .withColumn("arbejdsstedkommune", element_at(col("maaneder"), concat(lit("arbejdssted_"), month))
                        .cast("int"))
                .drop("maaneder", "kolonne");
        Dataset<Row> latest = LatestVersion.perKey(perWeek, List.of("cpr_id", "uge"));
        Dataset<Row> codes = broadcast(DreamCodes.codes(bronze.sparkSession()));
        Column group = coalesce(col("c.ydelsesgruppe"),
                when(col("ydelseskode").isNull(), lit(SELVFORSOERGENDE)).otherwise(lit(DreamCodes.ANDEN_YDELSE)));
        return latest.join(codes.as("c"), latest.col("ydelseskode").equalTo(col("c.kode")), "left")
                .select(col("kommunekode"), col("cpr_id"), col("uge"),
                        col("ydelseskode"), group.as("ydelsesgruppe"), col("branche"), col("beskaeftigelsesgrad"),
                        col("arbejdsstedkommune"), col("koen"), col("alder"), col("leverance"));
    }

    /**
     * gold.dream_uge: the silver weeks without lineage, plus {@code uge_mandag} (the week's Monday) so analyses
     * can count "78 weeks from a date" with plain date arithmetic.
     */
    public static Dataset<Row> gold(Dataset<Row> silverWeeks) {
        return silverWeeks.drop("leverance").withColumn("uge_mandag", IsoWeek.mondayOfKey(col("uge")));
    }
}
