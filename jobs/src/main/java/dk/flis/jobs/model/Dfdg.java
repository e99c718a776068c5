package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;
import static dk.flis.jobs.model.TableDef.view;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.dfdg.ActivationSpells;
import dk.flis.common.dfdg.Conversations;
import dk.flis.common.dfdg.DfdgDimensions;
import dk.flis.common.dfdg.DfdgMonthly;
import dk.flis.common.dfdg.VisitationSpells;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DFDG (seed 000): visitation spells and their weekly roll-out, activations, held conversations, the category
 * dimensions with their unknown-value report, and the monthly aggregate. Activations and conversations are built
 * without any visitation too (SPEC 3.9): their {@code visitationskategori} is then null.
 */
public final class Dfdg implements Model {
    public static final String SILVER_VISITATIONSFORLOEB = "silver.dfdg_visitationsforloeb";
    public static final String SILVER_AKTIVITET = "silver.dfdg_aktivitet";
    public static final String SILVER_SAMTALE = "silver.dfdg_samtale";
    public static final String FACT_VISITATIONSFORLOEB = "gold.fact_dfdg_visitationsforloeb";
    public static final String FACT_VISITATION_UGE = "gold.fact_dfdg_visitation_uge";
    public static final String CATEGORY_PER_WEEK = "view.visitationskategori_pr_uge";
    public static final String FACT_AKTIVERING = "gold.fact_dfdg_aktivering";
    public static final String FACT_AKTIVERING_UGE = "gold.fact_dfdg_aktivering_uge";
    public static final String FACT_SAMTALE = "gold.fact_dfdg_samtale";
    public static final String FACT_SAMTALE_DELTAGER = "gold.fact_dfdg_samtale_deltager";
    private static final String OBSERVED = "view.dfdg_observerede_vaerdier";

    @Override
    public List<TableDef> tables() {
        List<TableDef> t = new ArrayList<>(List.of(
                silver("dfdg_visitationsforloeb").grain("visitation spell (same-day visitations dropped)")
                        .reads("bronze.dfdg_visitation").perCitizen()
                        .rowsIn(in -> Silver.latest(in.get("bronze.dfdg_visitation"), List.of("forloeb_id")))
                        .by("VisitationSpells.spells", in -> VisitationSpells.spells(Silver.pseudonymised(in,
                                        Silver.latest(in.get("bronze.dfdg_visitation"), List.of("forloeb_id"))))
                                .select("kommunekode", "cpr_id", "forloeb_id", "visitationskategori",
                                        "visitationstidspunkt", VisitationSpells.STARTDATO, VisitationSpells.SLUTDATO,
                                        "visiterende_organisation", "leverance")),
                silver("dfdg_aktivitet").grain("activation, latest version").reads("bronze.dfdg_aktivitet")
                        .perCitizen()
                        .by("LatestVersion.perKey", in -> Silver.pseudonymised(in, Silver.latest(
                                in.get("bronze.dfdg_aktivitet"), List.of("aktivitet_id"), "opdateret_tidspunkt"))),
                silver("dfdg_samtale").grain("conversation, latest version").reads("bronze.dfdg_samtale")
                        .perCitizen()
                        .by("LatestVersion.perKey", in -> Silver.pseudonymised(in, Silver.latest(
                                in.get("bronze.dfdg_samtale"), List.of("samtale_id")))),

                gold("fact_dfdg_visitationsforloeb").grain("visitation spell").reads(SILVER_VISITATIONSFORLOEB)
                        .perMunicipality().perCitizen()
                        .by("VisitationSpells.endAtNextStart", in -> in.get(SILVER_VISITATIONSFORLOEB)
                                .select("kommunekode", "cpr_id", "forloeb_id", "visitationskategori",
                                        "visitationstidspunkt", VisitationSpells.STARTDATO,
                                        VisitationSpells.SLUTDATO, "visiterende_organisation")),
                gold("fact_dfdg_visitation_uge").grain("visitation spell × ISO week in force")
                        // Rebuilt below the MERGE size: maintained it cost 15–18 s against 12 s rebuilt in a
                        // month at 0.1 × 13 deliveries, 28.5 against 17.8 s at 0.1 × 37 (bench/RESULTS.md).
                        .reads(FACT_VISITATIONSFORLOEB).perMunicipality().perCitizenWeekly().rebuiltWhenSmall()
                        .by("VisitationSpells.weeks", in -> VisitationSpells.weeks(in.get(FACT_VISITATIONSFORLOEB),
                                        in.context().rollout())
                                .select("kommunekode", "cpr_id", "forloeb_id", WeeklyRollout.UGE,
                                        "visitationskategori", VisitationSpells.STARTDATO,
                                        WeeklyRollout.DAGE_I_KRAFT)),
                view("visitationskategori_pr_uge").grain("citizen × ISO week: the category in force at week end")
                        .reads(FACT_VISITATION_UGE).perCitizenWeekly()
                        .by("ActivationSpells.categoryPerWeek",
                                in -> ActivationSpells.categoryPerWeek(in.get(FACT_VISITATION_UGE))),
                gold("fact_dfdg_aktivering").grain("activation spell").reads(SILVER_AKTIVITET, CATEGORY_PER_WEEK)
                        .perMunicipality().perCitizen(Dfdg::activationsOpenAtHorizon)
                        .by("ActivationSpells.spells", Dfdg::activations),
                gold("fact_dfdg_aktivering_uge").grain("activation spell × ISO week in force")
                        .reads(FACT_AKTIVERING, CATEGORY_PER_WEEK).perMunicipality().perCitizenWeekly()
                        .by("ActivationSpells.weeks", Dfdg::activationWeeks),
                gold("fact_dfdg_samtale").grain("held conversation").reads(SILVER_SAMTALE, CATEGORY_PER_WEEK)
                        .perMunicipality().perCitizen(Dfdg::conversationsAfterHorizon)
                        .by("Conversations.held", in -> ActivationSpells.withVisitationCategory(
                                        Conversations.held(in.get(SILVER_SAMTALE)), in.get(CATEGORY_PER_WEEK))
                                .select("kommunekode", "cpr_id", "samtale_id", "dato", WeeklyRollout.UGE,
                                        "samtaletype", "kontaktform", "samtaletidspunkt", "indkaldende_organisation",
                                        "visitationskategori")),
                gold("fact_dfdg_samtale_deltager").grain("held conversation × participant type")
                        .reads(FACT_SAMTALE, SILVER_SAMTALE).perMunicipality().perCitizen()
                        .by("Conversations.participants", in -> Conversations.participants(in.get(FACT_SAMTALE)
                                .join(in.get(SILVER_SAMTALE).select("samtale_id", "deltagere"), "samtale_id"))),
                gold("agg_dfdg_maaned").grain("kommune × month × visitationskategori × aktivitetstype, with totals")
                        .reads(FACT_VISITATION_UGE, FACT_AKTIVERING_UGE, FACT_AKTIVERING, FACT_SAMTALE)
                        .perMunicipality().perMonth("maaned")
                        .by("DfdgMonthly.aggregate", in -> DfdgMonthly.aggregate(in.get(FACT_VISITATION_UGE),
                                in.get(FACT_AKTIVERING_UGE), in.get(FACT_AKTIVERING), in.get(FACT_SAMTALE),
                                in.context().rollout(), in.context().fromMonth())),

                view("dfdg_observerede_vaerdier").grain("dimension × value × kommune seen in the data")
                        .reads(SILVER_AKTIVITET, SILVER_SAMTALE, FACT_SAMTALE_DELTAGER)
                        .by("DfdgDimensions.observed", in -> DfdgDimensions.observed(in.get(SILVER_AKTIVITET),
                                in.get(SILVER_SAMTALE), in.get(FACT_SAMTALE_DELTAGER)))));
        for (Map.Entry<String, String> d : DfdgDimensions.SINGLE.entrySet()) {
            t.add(gold(d.getValue()).grain(d.getKey() + " value (seed list and seen), with kendt").reads(OBSERVED)
                    .by("DfdgDimensions.single", in -> DfdgDimensions.single(in.get(OBSERVED), d.getKey())));
        }
        t.addAll(List.of(
                gold("dim_hjaelpemiddel").grain("hjælpemiddel art × type × form seen").reads(SILVER_AKTIVITET)
                        .by("DfdgDimensions.combined", in -> DfdgDimensions.combined(in.get(SILVER_AKTIVITET),
                                "hjaelpemiddel_art", "hjaelpemiddel_type", "hjaelpemiddel_form")),
                gold("dim_personlig_assistance").grain("støtteperson art × type seen").reads(SILVER_AKTIVITET)
                        .by("DfdgDimensions.combined", in -> DfdgDimensions.combined(in.get(SILVER_AKTIVITET),
                                "stoetteperson_art", "stoetteperson_type")),
                gold("dim_amu").grain("AMU/DUN code").reads(SILVER_AKTIVITET)
                        .by("DfdgDimensions.amu", in -> DfdgDimensions.amu(in.get(SILVER_AKTIVITET))),
                gold("dim_kursus").grain("course name × code").reads(SILVER_AKTIVITET)
                        .by("DfdgDimensions.courses", in -> DfdgDimensions.courses(in.get(SILVER_AKTIVITET))),
                gold("dim_statsligt_job").grain("statsligt job flag").once()
                        .by("DfdgDimensions.stateJob", in -> DfdgDimensions.stateJob(in.spark())),
                gold("dim_organisation").grain("organisation in any role")
                        .reads(SILVER_AKTIVITET, SILVER_VISITATIONSFORLOEB, SILVER_SAMTALE)
                        .by("DfdgDimensions.organisations", in -> DfdgDimensions.organisations(List.of(
                                in.get(SILVER_AKTIVITET).select(col("aktiverende_organisation").as("organisation")),
                                in.get(SILVER_AKTIVITET).select(col("visiterende_organisation").as("organisation")),
                                in.get(SILVER_VISITATIONSFORLOEB)
                                        .select(col("visiterende_organisation").as("organisation")),
                                in.get(SILVER_SAMTALE).select(col("indkaldende_organisation").as("organisation"))))),
                gold("dq_dfdg_ukendte_vaerdier").grain("unknown category value × kommune").reads(OBSERVED)
                        .by("DfdgDimensions.unknownValues", in -> DfdgDimensions.unknownValues(in.get(OBSERVED)))));
        return t;
    }

    private static Dataset<Row> activations(Inputs in) {
        Dataset<Row> spells = ActivationSpells.spells(in.get(SILVER_AKTIVITET), in.context().rollout())
                .withColumn(WeeklyRollout.UGE, IsoWeek.keyOf(col("startdato")));
        // The visitation category in force when the activation started.
        return ActivationSpells.withVisitationCategory(spells, in.get(CATEGORY_PER_WEEK))
                .select("kommunekode", "cpr_id", "aktivitet_id", "aktivitetstype", "status",
                        "aarsag", "puljenavn", "startdato", "slutdato", ActivationSpells.ER_AKTIVERET,
                        ActivationSpells.DAGE_AKTIVERET, "timer_pr_uge", "jobtype", "statsligt_job", "amu_kode",
                        "kursusnavn", "hjaelpemiddel_art", "hjaelpemiddel_type", "hjaelpemiddel_form",
                        "hjaelpemiddel_udgift", "stoetteperson_art", "stoetteperson_type", "aktiverende_organisation",
                        "visiterende_organisation", "visitationskategori", "opdateret_tidspunkt");
    }

    /**
     * Activations whose row moves with the horizon: days counted up to it while ongoing, and the category of a
     * start week not rolled out before.
     */
    private static Dataset<Row> activationsOpenAtHorizon(Inputs in) {
        Column old = lit(in.context().previousHorizon());
        return in.get(SILVER_AKTIVITET)
                .where(coalesce(col("slutdato"), lit(VisitationSpells.OPEN_END)).gt(old).or(col("startdato").gt(old)));
    }

    /** Conversations in a week not rolled out before: their visitation category was unknown then. */
    private static Dataset<Row> conversationsAfterHorizon(Inputs in) {
        return in.get(SILVER_SAMTALE).where(to_date(col("samtaletidspunkt")).gt(lit(in.context().previousHorizon())));
    }

    private static Dataset<Row> activationWeeks(Inputs in) {
        Dataset<Row> weeks = ActivationSpells.weeks(in.get(FACT_AKTIVERING).drop("visitationskategori"),
                in.context().rollout());
        return ActivationSpells.withVisitationCategory(weeks, in.get(CATEGORY_PER_WEEK))
                .select("kommunekode", "cpr_id", "aktivitet_id", WeeklyRollout.UGE, ActivationSpells.DAGE_AKTIVERET,
                        "timer_pr_uge", ActivationSpells.ER_AKTIVERET, "aktivitetstype", "status",
                        "visitationskategori");
    }
}
