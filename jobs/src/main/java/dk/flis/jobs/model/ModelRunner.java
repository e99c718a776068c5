package dk.flis.jobs.model;

import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.RawRows;
import dk.flis.common.landing.Source;
import dk.flis.jobs.Progress;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.landing.DeliveryReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * missing inputs. Each table is written once per run (a whole-table overwrite: silver and gold are pure functions
 * of bronze) and audited.
 */
public final class ModelRunner {
    public static final String NOT_BUILT = "ikke bygget";

    private final ModelGraph graph;
    private final Lakehouse lake;
    private final AuditLog audit;

    public ModelRunner(ModelGraph graph, Lakehouse lake, AuditLog audit) {
        this.graph = graph;
        this.lake = lake;
        this.audit = audit;
    }

    public void run(RunContext context, String label) {
        Map<String, Dataset<Row>> frames = new HashMap<>();
        Set<String> present = new HashSet<>();
        List<Dataset<Row>> views = new ArrayList<>();
        Inputs inputs = new Inputs() {
            @Override
            public Dataset<Row> get(String id) {
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
        try {
            for (TableDef t : graph.order()) {
                t.inputs().stream().filter(ModelGraph::isBronze).forEach(inputs::get);
                build(t, inputs, frames, present, views, label);
            }
        } finally {
            views.forEach(Dataset::unpersist);
        }
    }

    private void build(TableDef t, Inputs inputs, Map<String, Dataset<Row>> frames, Set<String> present,
                       List<Dataset<Row>> views, String label) {
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
            // Downstream tables still see its schema, as an empty frame.
            frames.put(t.id(), empty(t.compute().apply(inputs)));
            if (!t.isView()) {
                audit.record(label, t.id(), null, null, null, startedAt, NOT_BUILT, skip);
                Progress.say(String.format("  %s: not built (%s)", t.id(), skip));
            }
            return;
        }
        present.add(t.id());
        if (t.isView()) {
            Dataset<Row> view = t.compute().apply(inputs).persist(StorageLevel.MEMORY_AND_DISK());
            views.add(view);
            frames.put(t.id(), view);
            return;
        }
        if (t.build() == TableDef.Build.ONCE && lake.exists(t.layer(), t.name())) {
            frames.put(t.id(), lake.read(t.layer(), t.name()));
            return;
        }
        Long in = t.rowsIn().map(r -> r.apply(inputs).count()).orElse(null);
        Dataset<Row> rows = t.compute().apply(inputs);
        long written = lake.overwrite(rows, t.layer(), t.name(), t.partitionBy().toArray(String[]::new));
        frames.put(t.id(), lake.read(t.layer(), t.name()));
        audit.record(label, t.id(), in, written, null, startedAt, "ok", null);
        Progress.step(String.format("%s: %d rows%s", t.id(), written, in == null ? "" : " of " + in + " in"),
                started);
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
