package dk.flis.jobs.model;

import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One declared silver or gold table: what it is (name, grain, partitioning), what it reads, and the function that
 * computes it. The runner derives the build order from {@link #inputs()} alone, so a table is added by declaring
 * it in its model — nothing else changes.
 *
 * @param id          {@code layer.name}, e.g. {@code gold.fact_dfdg_aktivering}
 * @param model       the FLIS model that owns it (e.g. {@code Dfdg})
 * @param grain       one line: what one row is
 * @param inputs      the {@code bronze.x}, {@code silver.x}, {@code gold.x} (or view) tables it reads
 * @param partitionBy partition columns ({@code kommunekode} for municipality tables)
 * @param computedBy  the {@code common/} function that holds the rule, for the plan and docs/tables.md
 * @param build       how often it is built
 * @param compute     the transformation; missing inputs arrive as empty frames with their schema
 * @param rowsIn      optional: rows going in, for the audit (e.g. visitations before the same-day rule)
 * @param condition   optional: built only when it holds (e.g. benchmarks from {@code yr-start})
 * @param incremental optional: how a monthly run maintains it without a rebuild ({@link Incremental}); absent =
 *                    rebuilt whole by every run
 */
public record TableDef(String id, String model, String grain, List<String> inputs, List<String> partitionBy,
                       String computedBy, Build build, Compute compute, Optional<Compute> rowsIn,
                       Optional<Condition> condition, Optional<Incremental> incremental) {

    /** How often a table is built. */
    public enum Build {
        /** Rebuilt by every run: a pure function of what is loaded. */
        EVERY_RUN,
        /** A constant reference table, written when missing. */
        ONCE,
        /** Not written: an intermediate result kept in memory for the tables of one run that read it. */
        VIEW
    }

    /** The transformation of a table, from its declared inputs. */
    @FunctionalInterface
    public interface Compute {
        Dataset<Row> apply(Inputs in);
    }

    /** A precondition with the reason written to the audit when it does not hold. */
    public record Condition(Predicate<RunContext> holds, String reason) {}

    /**
     * A table maintained per citizen (issue 17): its rule is citizen-local — every window and join is within one
     * {@code cpr_id} — so the rows of the citizens a delivery touches, computed from those citizens' inputs alone
     * (their whole history), equal their rows in a rebuild, and replace them in one Delta MERGE. Which citizens a
     * delivery touches follows from the bronze sources upstream of the table (the graph), so every one of them must
     * be a per-citizen source ({@code ChangeSet}).
     *
     * @param weekly        rows are citizen × ISO week ({@code uge}) up to the horizon: when the horizon moves, the
     *                      new weeks of every citizen are computed with a roll-out that starts after the old
     *                      horizon (a week once rolled out never changes for an untouched citizen)
     * @param openAtHorizon optional: citizens whose rows depend on the horizon in other ways (an ongoing activation's
     *                      days, the category of a week after the old horizon), recomputed whole when it moves
     */
    public record Incremental(boolean weekly, Optional<Compute> openAtHorizon, Optional<String> month,
                              Optional<String> week, Optional<String> isoWeek, Optional<String> delivery,
                              List<String> latestKeys, boolean rebuiltWhenSmall) {
        public Incremental {
            latestKeys = List.copyOf(latestKeys);
        }

        private static Incremental of(Optional<String> month, Optional<String> isoWeek, Optional<String> delivery) {
            return new Incremental(false, Optional.empty(), month, Optional.empty(), isoWeek, delivery, List.of(),
                    false);
        }

        /** Per citizen, as described above. */
        static Incremental perCitizen(boolean weekly, Optional<Compute> openAtHorizon) {
            return new Incremental(weekly, openAtHorizon, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), false);
        }

        /**
         * Per month instead: a row of month {@code m} (the yyyy-MM column {@code month}) depends only on input rows
         * of month {@code m} — inputs with that column are restricted to the months recomputed, and the rule may
         * read {@link RunContext#fromMonth()}. The months from the first day a delivered record can change (see
         * {@code ChangeSet}), or from the old horizon, are recomputed and replaced.
         */
        static Incremental perMonth(String month) {
            return of(Optional.of(month), Optional.empty(), Optional.empty());
        }

        /**
         * Per ISO week, the way {@link #perMonth} is per month: a row of week {@code w} (the int column {@code isoWeek},
         * yyyyww) depends only on input rows of week {@code w}; the weeks from the week of the first day a delivered
         * record can change are recomputed and replaced, and the rule may read {@link RunContext#fromWeek()}.
         */
        static Incremental perWeek(String isoWeek) {
            return of(Optional.empty(), Optional.of(isoWeek), Optional.empty());
        }

        /**
         * Per week of a DREAM delivery instead: a row of ISO week {@code w} (the int column {@code week}) depends only
         * on the week cells of {@code w} in the deliveries (the latest that covers it wins), so the weeks from the
         * first week the new deliveries cover are recomputed, from the deliveries that cover any of them, and
         * replaced; the rule may read {@link RunContext#fromWeek()}. With {@code latestKeys}, each row is its key's
         * version from the latest delivery that covers it: when every delivery of a batch is later than all loaded
         * before, the batch's rows alone replace those keys and every other row from the first week stays — the
         * batch is read, not the deliveries it restates.
         */
        static Incremental perCoveredWeek(String week, List<String> latestKeys) {
            return new Incremental(false, Optional.empty(), Optional.empty(), Optional.of(week), Optional.empty(),
                    Optional.empty(), latestKeys, false);
        }

        /**
         * Per DREAM delivery: a row of delivery {@code d} (the yyyy-MM column {@code delivery}) depends only on
         * {@code d}'s lines, so a batch's rows are computed from its deliveries and replace theirs.
         */
        static Incremental perDelivery(String delivery) {
            return of(Optional.empty(), Optional.empty(), Optional.of(delivery));
        }

        /**
         * The same, maintained only from {@link Lakehouse#MERGE_FROM_BYTES} on: below it a maintained
         * table is rewritten whole anyway, and for a table that is cheap to compute from small inputs (a roll-out of
         * spells into weeks) reading it back to keep the other citizens' rows costs more than recomputing them.
         */
        Incremental onlyWhenLarge() {
            return new Incremental(weekly, openAtHorizon, month, week, isoWeek, delivery, latestKeys, true);
        }

        /** Maintained from a first month or week (one replace of a column range), not per citizen. */
        public boolean fromFirstChange() {
            return month.isPresent() || week.isPresent() || isoWeek.isPresent() || delivery.isPresent();
        }

        /** Maintained from what the batch's DREAM deliveries cover: their weeks or their own rows. */
        public boolean byDreamDelivery() {
            return week.isPresent() || delivery.isPresent();
        }

        /** Maintained from the first day a delivered record can change: per month or per ISO week. */
        public boolean fromFirstChangedDay() {
            return month.isPresent() || isoWeek.isPresent();
        }

        public String describe() {
            return week.isPresent() ? "weeks from the first delivered" + (latestKeys.isEmpty() ? ""
                    : ", latest per " + String.join(" × ", latestKeys))
                    : delivery.isPresent() ? "the batch's deliveries"
                    : month.isPresent() ? "months from the first change"
                    : isoWeek.isPresent() ? "weeks from the first change"
                    : weekly ? "per citizen + new weeks" + (rebuiltWhenSmall ? " (rebuilt below "
                            + (Lakehouse.MERGE_FROM_BYTES >> 20) + " MB)" : "")
                    : openAtHorizon.isPresent() ? "per citizen + open at horizon" : "per citizen";
        }
    }

    public TableDef {
        Objects.requireNonNull(id);
        inputs = List.copyOf(inputs);
        partitionBy = List.copyOf(partitionBy);
    }

    /** The same declaration, owned by {@code model} (set by the graph from the declaring class). */
    TableDef ownedBy(String owner) {
        return new TableDef(id, owner, grain, inputs, partitionBy, computedBy, build, compute, rowsIn, condition,
                incremental);
    }

    public boolean isView() {
        return build == Build.VIEW;
    }

    public Layer layer() {
        return Layer.valueOf(id.substring(0, id.indexOf('.')).toUpperCase(java.util.Locale.ROOT));
    }

    public String name() {
        return id.substring(id.indexOf('.') + 1);
    }

    public static Builder silver(String name) {
        return new Builder("silver." + name);
    }

    public static Builder gold(String name) {
        return new Builder("gold." + name);
    }

    /** An in-memory intermediate shared by several tables of a run (never written). */
    public static Builder view(String name) {
        return new Builder("view." + name).build(Build.VIEW);
    }

    /** Fluent declaration: {@code gold("x").grain("…").reads("silver.y").perMunicipality().by("F.f", in -> …)}. */
    public static final class Builder {
        private final String id;
        private String grain = "";
        private List<String> inputs = List.of();
        private List<String> partitionBy = List.of();
        private Build build = Build.EVERY_RUN;
        private Compute rowsIn;
        private Condition condition;
        private Incremental incremental;

        private Builder(String id) {
            this.id = id;
        }

        public Builder grain(String grain) {
            this.grain = grain;
            return this;
        }

        public Builder reads(String... inputs) {
            this.inputs = List.of(inputs);
            return this;
        }

        public Builder perMunicipality() {
            this.partitionBy = List.of("kommunekode");
            return this;
        }

        public Builder once() {
            return build(Build.ONCE);
        }

        Builder build(Build build) {
            this.build = build;
            return this;
        }

        public Builder rowsIn(Compute rowsIn) {
            this.rowsIn = rowsIn;
            return this;
        }

        /** Maintained per citizen; the rule must be citizen-local and horizon-independent ({@link Incremental}). */
        public Builder perCitizen() {
            this.incremental = Incremental.perCitizen(false, Optional.empty());
            return this;
        }

        /** Per citizen, with the citizens whose rows depend on the horizon ({@link Incremental#openAtHorizon}). */
        public Builder perCitizen(Compute openAtHorizon) {
            this.incremental = Incremental.perCitizen(false, Optional.of(openAtHorizon));
            return this;
        }

        /** Per citizen, rows by ISO week up to the horizon: new weeks appended as it moves. */
        public Builder perCitizenWeekly() {
            this.incremental = Incremental.perCitizen(true, Optional.empty());
            return this;
        }

        /** The maintenance declared so far applies only to a large table ({@link Incremental#onlyWhenLarge()}). */
        public Builder rebuiltWhenSmall() {
            this.incremental = Objects.requireNonNull(incremental, "declare the maintenance first").onlyWhenLarge();
            return this;
        }

        /** Month-local rows (column {@code month}, yyyy-MM): the changed months are recomputed and replaced. */
        public Builder perMonth(String month) {
            this.incremental = Incremental.perMonth(month);
            return this;
        }

        /** Week-local rows (int column {@code isoWeek}, yyyyww): the changed weeks are recomputed and replaced. */
        public Builder perWeek(String isoWeek) {
            this.incremental = Incremental.perWeek(isoWeek);
            return this;
        }

        /** Maintained per DREAM week, optionally as each key's latest version ({@link Incremental#perCoveredWeek}). */
        public Builder perCoveredWeek(String week, String... latestKeys) {
            this.incremental = Incremental.perCoveredWeek(week, List.of(latestKeys));
            return this;
        }

        /** Maintained per DREAM delivery ({@link Incremental#perDelivery}). */
        public Builder perDelivery(String delivery) {
            this.incremental = Incremental.perDelivery(delivery);
            return this;
        }

        public Builder when(Predicate<RunContext> holds, String reason) {
            this.condition = new Condition(holds, reason);
            return this;
        }

        public TableDef by(String computedBy, Compute compute) {
            return new TableDef(id, "", grain, inputs, partitionBy, computedBy, build, compute,
                    Optional.ofNullable(rowsIn), Optional.ofNullable(condition), Optional.ofNullable(incremental));
        }
    }
}
