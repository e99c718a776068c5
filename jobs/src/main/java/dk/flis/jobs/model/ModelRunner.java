package dk.flis.jobs.model;

import static org.apache.spark.sql.functions.col;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.RawRows;
import dk.flis.common.landing.Source;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.Progress;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.landing.DeliveryReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds silver and gold from bronze by walking the {@link ModelGraph} in order. SPEC 3.9: a table is built from
 * whatever its inputs hold — an input nothing was delivered for is an empty frame with its schema, so a join with
 * it is an empty side — and a table none of whose inputs exist is not written; {@code audit.runs} then names the
 * missing inputs. Each table is written once per run and audited: a whole-table overwrite (silver and gold are pure
 * functions of bronze), or — in a monthly run with a {@link ChangeSet}, for a table declared per citizen — a MERGE
 * of the touched citizens' rows and the new weeks ({@link TableDef.Incremental}), which gives the same table.
 */
public final class ModelRunner {
    public static final String NOT_BUILT = "ikke bygget";
    /**
     * Above this share of a source's citizens touched, its per-citizen tables are rebuilt: maintaining them would
     * read and write about as much and then pay the replace on top (bench/RESULTS.md). 1 maintains whatever the
     * share.
     */
    static final String MAX_SHARE_PROPERTY = "flis.maintain.max-share";
    private static final double DEFAULT_MAX_SHARE = 0.25;
    /**
     * Below this much bronze, silver and gold are computed with interpreted expressions: for tiny tables compiling
     * the code of ~60 plans costs more than it saves (two deliveries at scale 0.003, 0.7 MB of bronze: 95–108 →
     * 84–94 s); at the demo's 10 MB the two ways are even within noise, and large tables need compiled code
     * (bench/RESULTS.md). A session that sets {@value Sessions#CODEGEN_MODE} itself (conf's {@code spark} section, the
     * tests) keeps its setting; 0 always compiles.
     */
    static final long CODEGEN_FROM_BYTES = Long.getLong("flis.codegen.from.bytes", 4L << 20);

    private final ModelGraph graph;
    private final Lakehouse lake;
    private final AuditLog audit;
    /** Read once per run. */
    private final double maxShare;

    public ModelRunner(ModelGraph graph, Lakehouse lake, AuditLog audit) {
        this.graph = graph;
        this.lake = lake;
        this.audit = audit;
        this.maxShare = Double.parseDouble(System.getProperty(MAX_SHARE_PROPERTY, String.valueOf(DEFAULT_MAX_SHARE)));
    }

    public void run(RunContext context, String label) {
        run(context, label, Optional.empty());
    }

    /** With {@code changes}, the tables declared per citizen are maintained instead of rebuilt. */
    public void run(RunContext context, String label, Optional<ChangeSet> changes) {
        Map<String, Dataset<Row>> frames = new HashMap<>();
        Map<String, Supplier<Dataset<Row>>> notBuilt = new HashMap<>();
        Map<String, Dataset<Row>> viewPlans = new HashMap<>();
        Set<String> present = new HashSet<>();
        List<Dataset<Row>> views = new ArrayList<>();
        Inputs inputs = new Inputs() {
            @Override
            public Dataset<Row> get(String id) {
                Supplier<Dataset<Row>> empty = notBuilt.remove(id);
                if (empty != null) {
                    frames.put(id, empty.get());
                }
                return frames.computeIfAbsent(id, this::bronze);
            }

            private Dataset<Row> bronze(String id) {
                if (lake.exists(Layer.BRONZE, id.substring("bronze.".length()))) {
                    present.add(id);
                    return lake.read(Layer.BRONZE, id.substring("bronze.".length()));
                }
                return emptyBronze(ModelGraph.bronzeSource(id));
            }

            @Override
            public RunContext context() {
                return context;
            }
        };
        Map<String, String> settings = interpreted(lake.bytesUpTo(Layer.BRONZE, CODEGEN_FROM_BYTES))
                ? Sessions.INTERPRETED : Map.of();
        try {
            Sessions.withDefaults(lake.spark(), settings, () -> {
                for (TableDef t : graph.order()) {
                    t.inputs().stream().filter(ModelGraph::isBronze).forEach(inputs::get);
                    build(t, inputs, frames, notBuilt, present, views, label, changes, viewPlans);
                }
            });
        } finally {
            views.forEach(Dataset::unpersist);
        }
    }

    /** Whether a run over this much bronze computes silver and gold with interpreted expressions. */
    static boolean interpreted(long bronzeBytes) {
        return bronzeBytes < CODEGEN_FROM_BYTES;
    }

    private void build(TableDef t, Inputs inputs, Map<String, Dataset<Row>> frames,
                       Map<String, Supplier<Dataset<Row>>> notBuilt, Set<String> present, List<Dataset<Row>> views,
                       String label, Optional<ChangeSet> changes, Map<String, Dataset<Row>> viewPlans) {
        LocalDateTime startedAt = LocalDateTime.now();
        Instant started = Instant.now();
        List<String> missing = t.inputs().stream().filter(in -> !present.contains(in)).toList();
        String skip = null;
        if (!t.inputs().isEmpty() && missing.size() == t.inputs().size()) {
            skip = "mangler input: " + String.join(", ", missing);
        } else if (t.condition().isPresent() && !t.condition().get().holds().test(inputs.context())) {
            skip = "bygges kun " + t.condition().get().reason();
        }
        if (skip != null) {
            // A table built from it sees its schema, as an empty frame: planned only then (a one-file delivery
            // leaves ~35 tables unbuilt, and planning them all cost ~3 s in a cold JVM).
            notBuilt.put(t.id(), () -> empty(t.compute().apply(inputs)));
            if (!t.isView()) {
                audit.record(label, t.id(), null, null, null, startedAt, NOT_BUILT, skip);
                Progress.say(String.format("  %s: not built (%s)", t.id(), skip));
            }
            return;
        }
        present.add(t.id());
        if (t.isView()) {
            Dataset<Row> plan = t.compute().apply(inputs);
            // Kept unmaterialised too: a per-citizen reader filters it, and the filter reaches the view's input.
            viewPlans.put(t.id(), plan);
            Dataset<Row> view = plan.persist(StorageLevel.MEMORY_AND_DISK());
            views.add(view);
            frames.put(t.id(), view);
            return;
        }
        if (t.build() == TableDef.Build.ONCE && lake.exists(t.layer(), t.name())) {
            frames.put(t.id(), lake.read(t.layer(), t.name()));
            return;
        }
        String rebuiltBecause = null;
        if (changes.isPresent() && t.incremental().isPresent() && lake.exists(t.layer(), t.name())) {
            Set<Source> sources = graph.sourcesOf(t.id());
            TableDef.Incremental inc = t.incremental().get();
            // A DREAM table needs no per-citizen tracking: the weeks a delivery covers are what it changes.
            Optional<String> whyNot = inc.byDreamDelivery() ? Optional.empty()
                    : changes.get().whyNot(sources, inc.fromFirstChangedDay());
            if (whyNot.isEmpty() && !inc.fromFirstChange()) {
                whyNot = changes.get().tooBroad(sources, maxShare);
            }
            if (whyNot.isEmpty() && inc.rebuiltWhenSmall()
                    && lake.sizeInBytes(t.layer(), t.name()) < Lakehouse.MERGE_FROM_BYTES) {
                whyNot = Optional.of("under " + (Lakehouse.MERGE_FROM_BYTES >> 20) + " MB, billigere at genberegne");
            }
            if (whyNot.isEmpty()) {
                boolean done = inc.byDreamDelivery()
                        ? maintainDream(t, inputs, changes.get(), frames, label, startedAt, started)
                        : inc.fromFirstChangedDay()
                        ? maintainFromFirstDay(t, inputs, changes.get(), sources, frames, label, startedAt, started)
                        : maintain(t, inputs, changes.get(), sources, frames, viewPlans, label, startedAt, started);
                if (done) {
                    return;
                }
            } else {
                rebuiltBecause = "genopbygget: " + whyNot.get();
                Progress.say("  " + t.id() + ": rebuilt (" + whyNot.get() + ")");
            }
        }
        Long in = t.rowsIn().map(r -> r.apply(inputs).count()).orElse(null);
        Dataset<Row> rows = t.compute().apply(inputs);
        long written = lake.overwrite(rows, t.layer(), t.name(), t.partitionBy().toArray(String[]::new));
        frames.put(t.id(), lake.read(t.layer(), t.name()));
        audit.record(label, t.id(), in, written, null, startedAt, "ok", rebuiltBecause);
        Progress.step(String.format("%s: %d rows%s", t.id(), written, in == null ? "" : " of " + in + " in"),
                started);
    }

    /**
     * The per-citizen path: the rows of the touched citizens (and, when the horizon moved, of those whose rows
     * depend on it) from their inputs alone, plus every other citizen's weeks after the old horizon, replace their
     * old rows in one MERGE. A table nothing touched is left as it is.
     */
    private boolean maintain(TableDef t, Inputs inputs, ChangeSet changes, Set<Source> sources,
                             Map<String, Dataset<Row>> frames, Map<String, Dataset<Row>> viewPlans, String label,
                             LocalDateTime startedAt, Instant started) {
        TableDef.Incremental inc = t.incremental().orElseThrow();
        RunContext context = inputs.context();
        boolean moved = context.horizonMoved();
        Dataset<Row> citizens = changes.citizens(sources).orElseThrow();
        boolean touched = changes.touchesAny(sources);
        if (moved && inc.openAtHorizon().isPresent()) {
            Dataset<Row> open = inc.openAtHorizon().get().apply(inputs).select(ChangeSet.CPR_ID);
            // Fixed once: the MERGE and both passes read it, and it must not share lineage with the inputs.
            citizens = functions.broadcast(citizens.select(ChangeSet.CPR_ID).union(open).distinct()
                    .localCheckpoint(true));
            touched = true;
        }
        boolean newWeeks = inc.weekly() && moved;
        if (!touched && !newWeeks) {
            unchanged(t, frames, label, startedAt, started, "no citizen touched");
            return true;
        }
        Dataset<Row> rows = null;
        if (touched) {
            rows = t.compute().apply(scoped(inputs, context, citizens, "left_semi", viewPlans, null));
        }
        if (newWeeks) {
            int after = IsoWeek.key(context.previousHorizon());
            Dataset<Row> weeks = t.compute().apply(scoped(inputs, context.newWeeksOnly(), citizens, "left_anti",
                    viewPlans, after)).where(col(WeeklyRollout.UGE).gt(after));
            rows = rows == null ? weeks : rows.unionByName(weeks);
        }
        long[] merged = lake.replaceCitizens(rows, t.layer(), t.name(), citizens);
        frames.put(t.id(), lake.read(t.layer(), t.name()));
        audit.record(label, t.id(), null, merged[0], null, startedAt, "ok",
                "pr. borger: " + merged[0] + " rækker indsat, " + merged[1] + " slettet");
        Progress.step(String.format("%s: %d rows replaced by %d (%s)", t.id(), merged[1], merged[0],
                inc.describe()), started);
        return true;
    }

    /**
     * The per-month (or per-week) path: the months (weeks) from the first day a delivered record can change (or from
     * the old horizon) are recomputed, from inputs restricted to them where they carry the month (week) column, and
     * replace them in one {@code replaceWhere}. Returns false — rebuild — when a delivered record has no first day.
     */
    private boolean maintainFromFirstDay(TableDef t, Inputs inputs, ChangeSet changes, Set<Source> sources,
                                         Map<String, Dataset<Row>> frames, String label, LocalDateTime startedAt,
                                         Instant started) {
        TableDef.Incremental inc = t.incremental().orElseThrow();
        RunContext context = inputs.context();
        Optional<LocalDate> first = changes.firstChangedDay(sources);
        if (context.horizonMoved()) {
            LocalDate newDays = context.previousHorizon().plusDays(1);
            first = Optional.of(first.filter(f -> f.isBefore(newDays)).orElse(newDays));
        }
        if (first.isEmpty()) {
            unchanged(t, frames, label, startedAt, started, "no record delivered");
            return true;
        }
        if (first.get().equals(LocalDate.MIN)) {
            Progress.say("  " + t.id() + ": rebuilt (a delivered record has no first day)");
            return false;
        }
        if (inc.isoWeek().isPresent()) {
            int from = IsoWeek.key(first.get());
            replaceFrom(t, inputs, context.weeksFrom(from), "pr. uge", Scope.from(inc.isoWeek().get(), from, from),
                    Optional.empty(), List.of(), frames, label, startedAt, started);
            return true;
        }
        // The month of the Monday of that day's week: the week's rows and the day's own month both count from it.
        String from = YearMonth.from(first.get().with(DayOfWeek.MONDAY)).toString();
        replaceFrom(t, inputs, context.monthsFrom(from), "pr. måned", Scope.from(inc.month().orElseThrow(), from,
                "'" + from + "'"), Optional.empty(), List.of(), frames, label, startedAt, started);
        return true;
    }

    /**
     * The paths of a DREAM table; a batch without DREAM lines leaves it as it is. Per week: the weeks from the first
     * week the batch's deliveries cover are recomputed, from the deliveries that cover any of them — or, for a table
     * of each key's latest version when the batch is newer than everything loaded, from the batch alone, over the
     * old rows of the keys it does not cover — and replaced in one {@code replaceWhere}. Per delivery: the batch's
     * rows, from its lines.
     */
    private boolean maintainDream(TableDef t, Inputs inputs, ChangeSet changes, Map<String, Dataset<Row>> frames,
                                  String label, LocalDateTime startedAt, Instant started) {
        TableDef.Incremental inc = t.incremental().orElseThrow();
        Optional<ChangeSet.DreamChange> dream = changes.dream();
        if (dream.isEmpty()) {
            unchanged(t, frames, label, startedAt, started, "no DREAM line delivered");
            return true;
        }
        ChangeSet.DreamChange d = dream.get();
        if (inc.delivery().isPresent()) {
            replaceFrom(t, inputs, inputs.context(), "pr. levering", Scope.in(inc.delivery().get(), d.batch()),
                    Optional.empty(), List.of(), frames, label, startedAt, started);
            return true;
        }
        int from = d.fromWeek();
        boolean latest = !inc.latestKeys().isEmpty() && d.newest();
        replaceFrom(t, inputs, inputs.context().weeksFrom(from), "pr. uge", Scope.from(inc.week().orElseThrow(), from,
                from), latest ? Optional.of(d.batch()) : d.deliveries(), latest ? inc.latestKeys() : List.of(),
                frames, label, startedAt, started);
        return true;
    }

    /**
     * The rows a replace recomputes: {@code condition} in SQL on {@code column}, {@code audited} in the audit's
     * words and {@code shown} in the progress line's.
     */
    private record Scope(String column, String condition, String audited, String shown) {
        static Scope from(String column, Object from, Object literal) {
            return new Scope(column, column + " >= " + literal, column + " fra " + from, column + " >= " + from);
        }

        static Scope in(String column, List<String> values) {
            return new Scope(column, column + " IN (" + String.join(", ", values.stream().map(v -> "'" + v + "'")
                    .toList()) + ")", column + " i " + String.join(", ", values), column + " in " + values);
        }
    }

    /**
     * Recomputes the rows in {@code scope} from inputs restricted the same way where they carry its column (and
     * bronze to {@code deliveries}, when known), replaces the table's rows in it, and audits it under {@code kind}.
     * With {@code latestKeys}, the recomputed rows are the newest versions of their keys and the table's other rows
     * in the scope are kept.
     */
    private void replaceFrom(TableDef t, Inputs inputs, RunContext scopedContext, String kind, Scope scope,
                             Optional<List<String>> deliveries, List<String> latestKeys,
                             Map<String, Dataset<Row>> frames, String label, LocalDateTime startedAt,
                             Instant started) {
        Column keep = functions.expr(scope.condition());
        Inputs restricted = new Inputs() {
            @Override
            public Dataset<Row> get(String id) {
                Dataset<Row> rows = inputs.get(id);
                if (List.of(rows.columns()).contains(scope.column())) {
                    return rows.where(keep);
                }
                return ModelGraph.isBronze(id) && deliveries.isPresent()
                        ? rows.where(col(DeliveryReader.LEVERANCE).isin(deliveries.get().toArray())) : rows;
            }

            @Override
            public RunContext context() {
                return scopedContext;
            }
        };
        Dataset<Row> rows = t.compute().apply(restricted).where(keep);
        Dataset<Row> fresh = null;
        if (!latestKeys.isEmpty()) {
            // Computed once: the replace writes it and the kept rows are the old ones of every other key.
            fresh = rows.persist(StorageLevel.MEMORY_AND_DISK());
            String[] keys = latestKeys.toArray(String[]::new);
            rows = fresh.unionByName(lake.read(t.layer(), t.name()).where(keep)
                    .join(fresh.selectExpr(keys), keys, "left_anti"));
        }
        long[] replaced;
        try {
            replaced = lake.replaceMatching(rows, t.layer(), t.name(), scope.condition());
        } finally {
            if (fresh != null) {
                fresh.unpersist();
            }
        }
        frames.put(t.id(), lake.read(t.layer(), t.name()));
        audit.record(label, t.id(), null, replaced[0], null, startedAt, "ok", kind + ": " + scope.audited() + ", "
                + replaced[0] + " rækker indsat, " + replaced[1] + " slettet" + (fresh == null ? ""
                : " (nyeste leverancer over de beholdte rækker)"));
        Progress.step(String.format("%s: %d rows replaced by %d for %s (%s%s)", t.id(), replaced[1], replaced[0],
                scope.shown(), t.incremental().get().describe(), fresh == null ? "" : "; the batch over the kept rows"),
                started);
    }

    private void unchanged(TableDef t, Map<String, Dataset<Row>> frames, String label, LocalDateTime startedAt,
                           Instant started, String why) {
        frames.put(t.id(), lake.read(t.layer(), t.name()));
        audit.record(label, t.id(), null, 0L, null, startedAt, "ok", "uændret: " + why);
        Progress.step(t.id() + ": unchanged (" + why + ")", started);
    }

    /**
     * {@code inputs} restricted to {@code citizens} ({@code left_semi}) or to everyone else ({@code left_anti}):
     * bronze on cpr, the rest on cpr_id. With {@code afterWeek}, inputs whose rows are weeks keep only the weeks
     * after it. Views are filtered unmaterialised, so the restriction reaches what they read.
     */
    private Inputs scoped(Inputs all, RunContext context, Dataset<Row> citizens, String how,
                          Map<String, Dataset<Row>> viewPlans, Integer afterWeek) {
        return new Inputs() {
            @Override
            public Dataset<Row> get(String id) {
                Dataset<Row> rows = viewPlans.containsKey(id) ? viewPlans.get(id) : all.get(id);
                String key = ModelGraph.isBronze(id) ? ChangeSet.CPR : ChangeSet.CPR_ID;
                if (!List.of(rows.columns()).contains(key) || !List.of(citizens.columns()).contains(key)) {
                    throw new FlisException("Model graph: " + id + " has no " + key + " to restrict to the touched "
                            + "citizens, so the tables reading it cannot be declared per citizen.");
                }
                // A USING join puts the key first: the rule gets its input's columns in their own order.
                Dataset<Row> out = rows.join(citizens.select(key), new String[] {key}, how)
                        .selectExpr(java.util.Arrays.stream(rows.columns()).map(c -> "`" + c + "`")
                                .toArray(String[]::new));
                TableDef input = graph.table(id);
                if (afterWeek != null && input != null
                        && input.incremental().map(TableDef.Incremental::weekly).orElse(false)) {
                    out = out.where(col(WeeklyRollout.UGE).gt(afterWeek));
                }
                return out;
            }

            @Override
            public RunContext context() {
                return context;
            }
        };
    }

    private Dataset<Row> empty(Dataset<Row> like) {
        return lake.spark().createDataFrame(List.of(), like.schema());
    }

    /** The bronze schema of a source nothing was delivered for: the typed fields plus lineage. */
    private Dataset<Row> emptyBronze(Source source) {
        StructType lines = new StructType().add(RawRows.LINJE, DataTypes.LongType)
                .add(RawRows.RAA_LINJE, DataTypes.StringType);
        Dataset<Row> rows = RawRows.typed(lake.spark().createDataFrame(List.of(), lines), source.fields());
        Dataset<Row> typed = (source.isWide() ? DreamColumns.toBronze(rows, List.of()) : rows)
                .withColumn(DeliveryReader.LEVERANCE, functions.lit(null).cast("string"))
                .withColumn(DeliveryReader.FIL, functions.lit(null).cast("string"))
                .drop(RawRows.AARSAG, RawRows.RAA_LINJE);
        return empty(typed);
    }
}
