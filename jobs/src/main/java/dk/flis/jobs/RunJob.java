package dk.flis.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.audit.GoldState;
import dk.flis.jobs.audit.RunRecord;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.landing.Delivery;
import dk.flis.jobs.landing.LandingZone;
import dk.flis.jobs.model.ChangeSet;
import dk.flis.jobs.model.ModelGraph;
import dk.flis.jobs.model.ModelRunner;
import dk.flis.jobs.model.RunContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flis run}: landing → bronze → silver → gold for one month or every pending month. All deliveries of a
 * batch are verified before anything is written (a rejected delivery writes nothing). Silver and gold are a function
 * of all of bronze and the horizon of the latest loaded delivery, so the result never depends on load order: months
 * one by one, a backfill with {@code --all}, a rerun or {@code --rebuild} all give identical gold tables. A batch of
 * new months on gold a finished run built maintains the per-citizen tables instead of rebuilding them (issue 17):
 * the same tables, for the cost of the citizens the batch touches.
 */
public final class RunJob {
    private final Lakehouse lake;
    private final LandingZone landing;
    private final FlisConfig config;
    private final ModelGraph graph;
    private final String fingerprint;
    /** This run finishes a run that did not end: silver and gold are rebuilt, never maintained. */
    private boolean finishing;

    public RunJob(SparkSession spark, FlisConfig config) {
        this(config, new Lakehouse(spark, config.lakehouse()));
    }

    /** Runs over the given lakehouse instead of the configured folder (tests run rules over in-memory tables). */
    public RunJob(FlisConfig config, Lakehouse lake) {
        SparkSession spark = lake.spark();
        this.config = config;
        this.lake = lake;
        this.landing = new LandingZone(config.landing(), spark.sparkContext().hadoopConfiguration());
        // Validated before anything is read or written: a bad declaration is a start-up error.
        this.graph = ModelGraph.flis();
        this.fingerprint = GoldState.fingerprint(config, graph.plan());
    }

    public void runMonth(DeliveryMonth month) {
        load(withUnfinished(List.of(month)));
    }

    /** Loads every ready delivery not loaded before, and finishes a run that was killed; returns how many. */
    public int runAll() {
        Set<String> loaded = loadedMonths();
        List<DeliveryMonth> pending = new ArrayList<>();
        for (DeliveryMonth m : landing.readyMonths()) {
            if (!loaded.contains(m.toString())) {
                pending.add(m);
            }
        }
        List<DeliveryMonth> months = withUnfinished(pending);
        if (months.isEmpty()) {
            Progress.say("Nothing to load: every ready delivery in " + landing.root() + " is loaded already.");
            return 0;
        }
        load(months);
        return months.size();
    }

    /**
     * Rebuilds silver and gold from what bronze holds, with the latest loaded horizon, and loads nothing: after an
     * upgrade that changed a rule, gold follows without redelivering anything. An unfinished run is finished first
     * (its deliveries loaded again), which rebuilds as well. The run is recorded like any other, so a killed
     * rebuild is redone by the next run.
     */
    public void rebuild() {
        Set<String> loaded = loadedMonths();
        if (loaded.isEmpty()) {
            throw new FlisException("Nothing is loaded in " + lake.root() + ", so there is nothing to rebuild: run "
                    + "flis run --all first.");
        }
        List<DeliveryMonth> unfinished = withUnfinished(List.of());
        if (!unfinished.isEmpty()) {
            load(unfinished);
            return;
        }
        Progress.say("Rebuilding silver and gold from bronze (" + loaded.size() + " deliveries loaded).");
        execute(List.of(DeliveryMonth.parse(java.util.Collections.max(loaded))), List.of()); // YYYY-MM sorts
    }

    /**
     * Adds the deliveries of every run that started and did not finish (killed, or failed while writing): they
     * are loaded again, and silver and gold rebuilt, so the lakehouse ends as if that run had completed.
     */
    private List<DeliveryMonth> withUnfinished(List<DeliveryMonth> months) {
        List<RunRecord.Unfinished> open = RunRecord.unfinished(lake);
        finishing = !open.isEmpty(); // then gold may be half-written: rebuild it
        if (open.isEmpty()) {
            return months;
        }
        Set<DeliveryMonth> ready = new TreeSet<>(landing.readyMonths());
        Set<DeliveryMonth> all = new TreeSet<>(months);
        for (RunRecord.Unfinished u : open) {
            List<DeliveryMonth> again = u.months().stream().filter(ready::contains).toList();
            Progress.say("Run " + u.runId() + " (started " + u.started().withNano(0) + " on " + u.host() + ") "
                    + (u.status().equals("fejl") ? "failed" : "did not finish") + ": loading " + again
                    + " again and rebuilding silver and gold.");
            all.addAll(again);
        }
        if (all.isEmpty()) {
            // Its deliveries left the landing zone: bronze holds what was verified; rebuild from it.
            all.add(latestLoaded());
        }
        return new ArrayList<>(all);
    }

    private void load(List<DeliveryMonth> months) {
        Progress.say("Verifying " + months.size() + " deliver" + (months.size() == 1 ? "y" : "ies") + " in "
                + landing.root() + ": " + months.get(0) + (months.size() > 1 ? " … " + months.get(months.size() - 1) : ""));
        List<Delivery> deliveries = months.stream().map(landing::open).toList();
        if (deliveries.size() == 1 && loadedAsIs(deliveries.get(0))) {
            Progress.say("Delivery " + months.get(0) + " is loaded already with these very files (sha256) and gold is "
                    + "up to date: nothing to do. A changed delivery is loaded again; flis run --rebuild rebuilds "
                    + "silver and gold.");
            return;
        }
        execute(months, deliveries);
    }

    /**
     * A rerun of a month whose files bronze already holds, byte for byte, over gold a finished run built from this
     * configuration to the latest delivery: loading it again would rewrite every table with the same rows.
     */
    private boolean loadedAsIs(Delivery delivery) {
        if (finishing) {
            return false;
        }
        Optional<Dataset<Row>> manifest = lake.readIfExists(Layer.BRONZE, BronzeStep.DELIVERIES);
        if (manifest.isEmpty()) {
            return false;
        }
        Set<String> loaded = new TreeSet<>();
        for (Row r : manifest.get().where(col("leverance").equalTo(delivery.month().toString()))
                .select("fil", "sha256").collectAsList()) { // one row per file of the month
            loaded.add(r.getString(0) + ";" + r.getString(1));
        }
        Set<String> delivered = new TreeSet<>();
        delivery.files().forEach(f -> delivered.add(f.name() + ";" + f.sha256()));
        return !loaded.isEmpty() && loaded.equals(delivered)
                && GoldState.builtTo(lake, fingerprint).equals(Optional.of(latestLoaded()));
    }

    /** Bronze for {@code deliveries} (none for a rebuild), then silver and gold, between a run's start and end. */
    private void execute(List<DeliveryMonth> months, List<Delivery> deliveries) {
        Instant started = Instant.now();
        String label = months.size() == 1 ? months.get(0).toString()
                : months.get(0) + ".." + months.get(months.size() - 1);
        // Committed after verification (a rejected delivery writes nothing) and before the first write.
        Optional<DeliveryMonth> builtTo = deliveries.isEmpty() ? Optional.empty() : maintainableFrom(months);
        RunRecord record = RunRecord.start(lake, months);
        AuditLog audit = new AuditLog(record.runId());
        LocalDateTime startedAt = LocalDateTime.now();
        try {
            if (!deliveries.isEmpty()) {
                new BronzeStep(lake, audit).load(deliveries);
            }
            DeliveryMonth latest = latestLoaded();
            RunContext context = RunContext.of(lake.spark(), config, latest);
            Optional<ChangeSet> changes = Optional.empty();
            if (builtTo.isPresent()) {
                context = context.after(builtTo.get());
                changes = Optional.of(ChangeSet.of(lake, months, context.pseudonymizer()));
                Progress.say("Gold was built to " + builtTo.get() + ": maintaining the per-citizen tables ("
                        + changes.get().summary() + ").");
            }
            new ModelRunner(graph, lake, audit).run(context, label, changes);
            audit.record(label, "run", null, null, null, startedAt, "ok",
                    builtTo.map(b -> "pr. borger fra " + b).orElse(null));
            audit.flush(lake);
            GoldState.write(lake, record.runId(), latest, fingerprint);
            record.finish("ok"); // last: only now is the run done
            Progress.step("run " + label + " done (gold horizon " + latest.horizon() + ")", started);
        } catch (RuntimeException e) {
            audit.record(label, "run", null, null, null, startedAt, "fejl", String.valueOf(e.getMessage()));
            try {
                audit.flush(lake);
                record.finish("fejl");
            } catch (RuntimeException unwritable) {
                e.addSuppressed(unwritable); // the first error is the one to report
            }
            throw e;
        }
    }

    /**
     * The delivery gold was built to, when this batch can maintain it instead of rebuilding: no run to finish, only
     * months never loaded, gold built by a finished run from this very configuration to the latest loaded
     * delivery, and the same history start (a new year drops weeks: rebuilt).
     */
    private Optional<DeliveryMonth> maintainableFrom(List<DeliveryMonth> batch) {
        if (finishing) {
            return Optional.empty();
        }
        Set<String> loaded = loadedMonths();
        if (loaded.isEmpty() || batch.stream().anyMatch(m -> loaded.contains(m.toString()))) {
            return Optional.empty();
        }
        DeliveryMonth previous = DeliveryMonth.parse(java.util.Collections.max(loaded)); // YYYY-MM sorts
        DeliveryMonth latest = java.util.Collections.max(batch).compareTo(previous) > 0
                ? java.util.Collections.max(batch) : previous;
        int years = config.historyYears();
        if (!latest.historyStart(years).equals(previous.historyStart(years))) {
            return Optional.empty();
        }
        return GoldState.builtTo(lake, fingerprint).filter(previous::equals);
    }

    private Set<String> loadedMonths() {
        Set<String> out = new HashSet<>();
        lake.readIfExists(Layer.BRONZE, BronzeStep.DELIVERIES).ifPresent(d -> {
            for (Row r : d.select("leverance").distinct().collectAsList()) { // one row per month loaded
                out.add(r.getString(0));
            }
        });
        return out;
    }

    private DeliveryMonth latestLoaded() {
        Row r = lake.read(Layer.BRONZE, BronzeStep.DELIVERIES).agg(max(col("leverance"))).first();
        return DeliveryMonth.parse(r.getString(0));
    }
}
