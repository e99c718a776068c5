package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;

import dk.flis.common.benchmark.Benchmarks;
import dk.flis.common.reference.ReferenceTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ydelsesaktivitet (seed 000 §7.2) and the anonymised benchmarks (§7.3): from {@code yr-start} through the last
 * month the latest delivery is about, every municipality in every month.
 */
public final class Ydelsesaktivitet implements Model {
    private static final String SILVER_BEFOLKNING = "silver.befolkning";
    private static final String FACT_UGE = "gold.fact_ydelsesaktivitet_uge";

    @Override
    public List<TableDef> tables() {
        return List.of(
                silver("befolkning").grain("month × kommune × køn × alder (counts, no persons)")
                        .reads("bronze.befolkning")
                        .by("LatestVersion.perKey", in -> Silver.latest(in.get("bronze.befolkning"),
                                List.of("maaned", "kommunekode", "koen", "alder"))),
                // Week-local (a week's row reads that week's category, activations and payments): maintained
                // from the first changed week, so a YR month touching a third of the citizens is no rebuild.
                gold("fact_ydelsesaktivitet_uge").grain("citizen × ISO week × ydelse")
                        .reads(Dfdg.CATEGORY_PER_WEEK, Dfdg.FACT_AKTIVERING_UGE, Ydelsesrefusion.SILVER_YR)
                        .perMunicipality().perWeek("uge")
                        .when(Ydelsesaktivitet::fromYrStart, "from flis.yr-start")
                        .by("Ydelsesaktivitet.weeks", in -> dk.flis.common.dfdg.Ydelsesaktivitet.weeks(
                                in.get(Dfdg.CATEGORY_PER_WEEK), in.get(Dfdg.FACT_AKTIVERING_UGE),
                                dk.flis.common.dfdg.Ydelsesaktivitet.paidBenefitWeeks(
                                        in.get(Ydelsesrefusion.SILVER_YR), in.context().fromWeek()),
                                ReferenceTables.benefits(in.spark()), in.context().config().yrStart())),
                gold("benchmark_ydelsesaktivitet")
                        .grain("kommune × month × visitationskategori × ydelsesgruppe, with I alt; suppressed")
                        .reads(FACT_UGE, Dfdg.FACT_AKTIVERING_UGE, SILVER_BEFOLKNING).perMonth("maaned")
                        .when(Ydelsesaktivitet::fromYrStart, "from flis.yr-start")
                        .by("Benchmarks.ydelsesaktivitet", in -> Benchmarks.ydelsesaktivitet(in.get(FACT_UGE),
                                in.get(Dfdg.FACT_AKTIVERING_UGE),
                                Benchmarks.population16to66(in.get(SILVER_BEFOLKNING)), scaffold(in),
                                in.context().config().benchmarkMinCell(), in.context().fromMonth())),
                gold("benchmark_yr").grain("kommune × month × ydelse, with I alt; suppressed")
                        .reads(Ydelsesrefusion.FACT_YR_PERSON_MAANED).perMonth("maaned")
                        .when(Ydelsesaktivitet::fromYrStart, "from flis.yr-start")
                        .by("Benchmarks.yr", in -> Benchmarks.yr(in.get(Ydelsesrefusion.FACT_YR_PERSON_MAANED),
                                scaffold(in), in.context().config().benchmarkMinCell())));
    }

    private static boolean fromYrStart(RunContext c) {
        return !c.latestDelivery().lastDataDay().isBefore(c.config().yrStart());
    }

    private static Dataset<Row> scaffold(Inputs in) {
        return Benchmarks.scaffold(ReferenceTables.municipalities(in.spark()), in.context().config().yrStart(),
                in.context().latestDelivery().lastDataDay());
    }
}
