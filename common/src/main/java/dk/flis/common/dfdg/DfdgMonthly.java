package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.spark.RollupCounts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code agg_dfdg_maaned}: the measures of seed 000 §6 per municipality × month × visitationskategori ×
 * aktivitetstype, with {@code I alt} rows over each dimension and both. Every citizen and spell count is a true
 * distinct count at its own level (every roll-up of one base table, {@link RollupCounts}), never a sum of lower
 * rows: a citizen in two categories counts once in {@code I alt} (the FLIS Dream bug of seed 001 cannot happen
 * here).
 *
 * <p>A week belongs to the month of its Thursday (the ISO rule that gives the week its year), so every week is in
 * exactly one month. Activation measures count only activations that took place ({@code er_aktiveret}).
 */
public final class DfdgMonthly {
    public static final String I_ALT = "I alt";
    /** Activations without a type are still counted, under this type. */
    public static final String UKENDT = "Ukendt";

    private DfdgMonthly() {}

    static Column monthOfWeek(Column uge) {
        return date_format(IsoWeek.thursdayOfKey(uge), "yyyy-MM");
    }

    /**
     * @param visitationWeeks fact_dfdg_visitation_uge
     * @param activationWeeks fact_dfdg_aktivering_uge (with visitationskategori and er_aktiveret)
     * @param activations     fact_dfdg_aktivering (spells, with er_aktiveret and hjaelpemiddel_udgift)
     * @param conversations   fact_dfdg_samtale (held, with visitationskategori)
     * @param fromMonth       only the months from this one (yyyy-MM), when the others are kept: every measure of
     *                        a month is computed from that month's rows alone
     */
    public static Dataset<Row> aggregate(Dataset<Row> visitationWeeks, Dataset<Row> activationWeeks,
                                         Dataset<Row> activations, Dataset<Row> conversations,
                                         WeeklyRollout rollout, Optional<String> fromMonth) {
        Column noText = lit(null).cast("string");
        Column noNumber = lit(null).cast("decimal(18,2)");
        Column noInt = lit(null).cast("int");
        Column category = coalesce(col("visitationskategori"), lit(ActivationSpells.UDEN_VISITATION))
                .as("visitationskategori");
        Dataset<Row> spells = visitationWeeks.select(col("kommunekode"), monthOfWeek(col("uge")).as("maaned"),
                category, noText.as("aktivitetstype"), col("cpr_id"), col("forloeb_id"),
                noText.as("aktivitet_id"), noText.as("samtale_id"), noInt.as("dage"), noNumber.as("timer"),
                noNumber.as("udgift"))
                // A spell has 4-5 weeks in a month; they only feed distinct counts, so one row per spell and month
                // gives the same result with a fifth of the rows in the expand of the grouping sets.
                .distinct();
        Dataset<Row> activated = activationWeeks.where(col(ActivationSpells.ER_AKTIVERET))
                .select(col("kommunekode"), monthOfWeek(col("uge")).as("maaned"), category,
                        coalesce(col("aktivitetstype"), lit(UKENDT)).as("aktivitetstype"), col("cpr_id"),
                        noText.as("forloeb_id"), col("aktivitet_id"), noText.as("samtale_id"),
                        col(ActivationSpells.DAGE_AKTIVERET).as("dage"), col("timer_pr_uge").as("timer"),
                        noNumber.as("udgift"));
        LocalDate from = rollout.historyStart();
        LocalDate to = rollout.horizon();
        Dataset<Row> aids = activations
                .where(col(ActivationSpells.ER_AKTIVERET).and(col("hjaelpemiddel_udgift").isNotNull())
                        .and(col("startdato").between(lit(from), lit(to))))
                .select(col("kommunekode"), date_format(col("startdato"), "yyyy-MM").as("maaned"),
                        category, coalesce(col("aktivitetstype"), lit(UKENDT)).as("aktivitetstype"), col("cpr_id"),
                        noText.as("forloeb_id"), col("aktivitet_id"), noText.as("samtale_id"), noInt.as("dage"),
                        noNumber.as("timer"), col("hjaelpemiddel_udgift").as("udgift"));
        Dataset<Row> talks = conversations.where(col("dato").between(lit(from), lit(to)))
                .select(col("kommunekode"), date_format(col("dato"), "yyyy-MM").as("maaned"),
                        category, noText.as("aktivitetstype"), col("cpr_id"),
                        noText.as("forloeb_id"), noText.as("aktivitet_id"), col("samtale_id"), noInt.as("dage"),
                        noNumber.as("timer"), noNumber.as("udgift"));
        Dataset<Row> all = spells.unionByName(activated).unionByName(aids).unionByName(talks);
        // The filter reaches each input's scan, before the distinct and the grouping sets.
        Dataset<Row> base = fromMonth.map(m -> all.where(col("maaned").geq(m))).orElse(all);
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("antal_borgere", "cpr_id");
        counts.put("antal_visitationsforloeb", "forloeb_id");
        counts.put("antal_aktiveringsforloeb", "aktivitet_id");
        counts.put("antal_samtaler", "samtale_id");
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("hjaelpemiddeludgifter", "udgift");
        sums.put("dage_aktiveret", "dage");
        sums.put("timer_aktiveret_pr_uge", "timer");
        Column allTypes = col("alle_aktivitetstype").equalTo(1);
        return RollupCounts.of(base, List.of("kommunekode", "maaned"),
                        List.of("visitationskategori", "aktivitetstype"), I_ALT, counts, sums)
                // rows of visitations and conversations have no activation type: they belong only to 'I alt'
                .where(allTypes.or(col("aktivitetstype").isNotNull()))
                .select(col("kommunekode"), col("maaned"), col("visitationskategori"), col("aktivitetstype"),
                        col("antal_borgere"),
                        when(allTypes, col("antal_visitationsforloeb")).as("antal_visitationsforloeb"),
                        col("antal_aktiveringsforloeb"),
                        when(allTypes, col("antal_samtaler")).as("antal_samtaler"),
                        coalesce(col("hjaelpemiddeludgifter"), lit(0)).as("hjaelpemiddeludgifter"),
                        coalesce(col("dage_aktiveret"), lit(0)).as("dage_aktiveret"),
                        coalesce(col("timer_aktiveret_pr_uge"), lit(0)).as("timer_aktiveret_pr_uge"));
    }
}
