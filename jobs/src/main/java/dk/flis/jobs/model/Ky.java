package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;
import static org.apache.spark.sql.functions.col;

import dk.flis.common.ky.CaseTimes;
import dk.flis.common.ky.KyDimensions;
import dk.flis.common.ky.KyMonthly;
import dk.flis.common.reference.ReferenceTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KY, Kommunernes Ydelsessystem (seed 003): cases from their state changes, tasks, benefits, the monthly measures
 * and the KY benchmark. The three citizen roles stay apart (seed §8.1.1): ydelsesmodtager, bevillingsmodtager and
 * the citizen a task concerns each have their own cpr_id column; a recipient that is not a person has none.
 */
public final class Ky implements Model {
    static final String SILVER_SAG = "silver.ky_sag_tilstand";
    static final String SILVER_OPGAVE = "silver.ky_opgave";
    static final String SILVER_YDELSE = "silver.ky_ydelse";
    public static final String FACT_SAG = "gold.fact_ky_sag";
    public static final String FACT_OPGAVE = "gold.fact_ky_opgave";
    public static final String FACT_YDELSE = "gold.fact_ky_ydelse";
    private static final String FACT_YDELSE_MAANED = "gold.fact_ky_ydelse_maaned";
    private static final String AGG = "gold.agg_ky_maaned";
    private static final String BENEFIT_MONTHS = "view.ky_ydelse_maaned";

    @Override
    public List<TableDef> tables() {
        return List.of(
                // State changes: the latest delivery wins per case and state time (SPEC 3.5).
                silver("ky_sag_tilstand").grain("case × state change").reads("bronze.ky_sag")
                        .by("LatestVersion.perKey", in -> roles(in, Silver.latest(in.get("bronze.ky_sag"),
                                List.of("sag_id", "tilstand_tidspunkt")))),
                silver("ky_opgave").grain("task, latest version").reads("bronze.ky_opgave")
                        .by("LatestVersion.perKey", in -> Silver.pseudonymised(in,
                                Silver.latest(in.get("bronze.ky_opgave"), List.of("opgave_id")))),
                silver("ky_ydelse").grain("benefit, latest version").reads("bronze.ky_ydelse")
                        .by("LatestVersion.perKey", in -> roles(in, Silver.latest(in.get("bronze.ky_ydelse"),
                                List.of("ydelse_id")))),

                gold("fact_ky_sag").grain("case").reads(SILVER_SAG).perMunicipality()
                        .by("CaseTimes.cases", in -> CaseTimes.cases(in.get(SILVER_SAG))),
                gold("fact_ky_opgave").grain("task").reads(SILVER_OPGAVE).perMunicipality()
                        .by("CaseTimes.tasks", in -> CaseTimes.tasks(in.get(SILVER_OPGAVE))),
                gold("fact_ky_ydelse").grain("benefit").reads(SILVER_YDELSE).perMunicipality()
                        .by("KyMonthly.benefitMonths", in -> in.get(SILVER_YDELSE)
                                .withColumn("ydelsesmodtager_er_person", col("ydelsesmodtager_cpr_id").isNotNull())
                                .select("kommunekode", "ydelse_id", "sag_id", "ydelsesmodtager_cpr_id",
                                        "ydelsesmodtager_er_person", "ydelsesart", "ydelsestype", "startdato",
                                        "slutdato", "beloeb")),
                TableDef.view("ky_ydelse_maaned").grain("benefit × month it runs in").reads(FACT_YDELSE)
                        .by("KyMonthly.benefitMonths", in -> KyMonthly.benefitMonths(in.get(FACT_YDELSE),
                                in.context().latestDelivery().lastDataDay())),
                gold("fact_ky_ydelse_maaned").grain("kommune × month × ydelsesart × ydelsestype × person")
                        .reads(BENEFIT_MONTHS).perMunicipality()
                        .by("KyMonthly.personMonths", in -> KyMonthly.personMonths(in.get(BENEFIT_MONTHS))),
                gold("agg_ky_maaned").grain("kommune × month × ydelsesart, with I alt")
                        .reads(FACT_SAG, FACT_OPGAVE, BENEFIT_MONTHS).perMunicipality()
                        .by("KyMonthly.aggregate", in -> KyMonthly.aggregate(in.get(FACT_SAG), in.get(FACT_OPGAVE),
                                in.get(BENEFIT_MONTHS), in.context().latestDelivery().toString())),
                gold("benchmark_ky").grain("kommune × month × ydelsesart, with I alt; suppressed").reads(AGG)
                        .by("KyMonthly.benchmark", in -> KyMonthly.benchmark(in.get(AGG),
                                ReferenceTables.municipalities(in.spark()), in.context().latestDelivery().toString(),
                                in.context().config().benchmarkMinCell())),

                gold("dim_ky_ydelsesart").grain("ydelsesart code (seed 003 §6.1.4)").once()
                        .by("KyDimensions.ydelsesarter", in -> KyDimensions.ydelsesarter(in.spark())),
                gold("dim_ky_ydelsestype").grain("ydelsesart × ydelsestype seen").reads(FACT_SAG, FACT_YDELSE)
                        .by("KyDimensions.seen", in -> KyDimensions.seen(List.of(in.get(FACT_SAG),
                                in.get(FACT_YDELSE)), "ydelsesart", "ydelsestype")),
                gold("dim_ky_kle").grain("KLE number seen").reads(FACT_SAG)
                        .by("KyDimensions.seen", in -> KyDimensions.seen(List.of(in.get(FACT_SAG)), "kle_nummer")),
                gold("dim_ky_afgoerelsestype").grain("afgørelsestype (seed 003 §6.1.8)").reads(FACT_SAG)
                        .by("KyDimensions.withKnown", in -> KyDimensions.withKnown(in.get(FACT_SAG),
                                "afgoerelsestype", KyDimensions.AFGOERELSESTYPER)),
                gold("dim_ky_sagstilstand").grain("sagstilstand (seed 003 §6.1.9)").reads(SILVER_SAG)
                        .by("KyDimensions.withKnown", in -> KyDimensions.withKnown(in.get(SILVER_SAG),
                                "sagstilstand", KyDimensions.SAGSTILSTANDE)),
                gold("dim_ky_opgave").grain("opgavetitel × opgavestatus seen").reads(FACT_OPGAVE)
                        .by("KyDimensions.seen", in -> KyDimensions.seen(List.of(in.get(FACT_OPGAVE)),
                                "opgavetitel", "opgavestatus")),
                gold("dim_ky_sagsbehandler").grain("kommune × sagsbehandler × organisation seen").reads(FACT_SAG)
                        .perMunicipality()
                        .by("KyDimensions.seen", in -> KyDimensions.seen(List.of(in.get(FACT_SAG)), "kommunekode",
                                "sagsbehandler_id", "organisation")));
    }

    /** cpr_ydelsesmodtager and cpr_bevillingsmodtager → their own cpr_ids (an empty ydelsesmodtager stays null). */
    private static Dataset<Row> roles(Inputs in, Dataset<Row> rows) {
        var p = in.context().pseudonymizer();
        Dataset<Row> out = rows.withColumn("ydelsesmodtager_cpr_id", p.cprId(col("cpr_ydelsesmodtager")))
                .drop("cpr_ydelsesmodtager");
        if (List.of(rows.columns()).contains("cpr_bevillingsmodtager")) {
            out = out.withColumn("bevillingsmodtager_cpr_id", p.cprId(col("cpr_bevillingsmodtager")))
                    .drop("cpr_bevillingsmodtager");
        }
        return out;
    }
}
