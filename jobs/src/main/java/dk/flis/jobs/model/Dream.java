package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;

import dk.flis.common.dream.DreamCodes;
import dk.flis.common.dream.DreamSpells;
import dk.flis.common.dream.DreamWeeks;
import java.util.List;

/**
 * DREAM (seed 002; SPEC 3.6): the weekly benefit register as citizen-weeks, benefit spells, the state 4/13/26/52
 * weeks after a spell and after a DFDG activation. Citizens are joined across sources on cpr_id only.
 */
public final class Dream implements Model {
    public static final String SILVER_UGE = "silver.dream_uge";
    /** Which weeks each delivery covers; a maintained run reads the previous run's (ChangeSet). */
    static final String COVERAGE = "dream_daekning";
    private static final String SPELLS = "gold.dream_forloeb";

    @Override
    public List<TableDef> tables() {
        return List.of(
                silver("dream_uge").grain("citizen × covered week, latest delivery").reads("bronze.dream")
                        .perCoveredWeek("uge", "cpr_id", "uge")
                        .by("DreamWeeks.weeks", in -> DreamWeeks.weeks(in.get("bronze.dream"),
                                in.context().pseudonymizer(), in.context().fromWeek())),
                silver(COVERAGE).grain("delivery × covered week, with restatement flag").reads("bronze.dream")
                        .perDelivery("leverance")
                        .by("DreamWeeks.coverage", in -> DreamWeeks.coverage(in.get("bronze.dream"))),
                gold("dream_uge").grain("citizen × covered week").reads(SILVER_UGE).perMunicipality()
                        .perCoveredWeek("uge").by("DreamWeeks.gold", in -> DreamWeeks.gold(in.get(SILVER_UGE))),
                gold("dream_forloeb").grain("benefit spell (consecutive weeks in one ydelsesgruppe)")
                        .reads(SILVER_UGE).perMunicipality()
                        .by("DreamSpells.spells", in -> DreamSpells.spells(in.get(SILVER_UGE))),
                gold("dream_forloeb_status").grain("ended spell × horizon 4/13/26/52 weeks, where covered")
                        .reads(SPELLS, SILVER_UGE).perMunicipality()
                        .by("DreamSpells.spellStatus", in -> DreamSpells.spellStatus(in.get(SPELLS),
                                in.get(SILVER_UGE))),
                gold("dream_status_efter_aktivering").grain("ended activation × horizon 4/13/26/52 weeks, where covered")
                        .reads(Dfdg.FACT_AKTIVERING, SILVER_UGE).perMunicipality()
                        .by("DreamSpells.statusAfterActivation", in -> DreamSpells.statusAfterActivation(
                                in.get(Dfdg.FACT_AKTIVERING), in.get(SILVER_UGE))),
                gold("dim_dream_ydelseskode").grain("DREAM ydelseskode with ydelsesgruppe (Release 6.0 names)").once()
                        .by("DreamCodes.dimension", in -> DreamCodes.dimension(in.spark())));
    }
}
