package dk.flis.jobs.model;

import dk.flis.common.landing.Source;
import dk.flis.jobs.FlisException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every model's declared tables as one dataflow graph, validated before anything runs (as Spark's Declarative
 * Pipelines do): ids are unique, every input is a bronze source or a declared table, and there is no cycle. The
 * run order follows from the inputs alone — declaration order only breaks ties, so the plan is stable.
 */
public final class ModelGraph {
    private final Map<String, TableDef> tables = new LinkedHashMap<>();
    private final List<TableDef> order;

    public ModelGraph(List<Model> models) {
        for (Model m : models) {
            for (TableDef t : m.tables()) {
                if (tables.put(t.id(), t.ownedBy(m.name())) != null) {
                    throw new FlisException("Model graph: " + t.id() + " is declared twice (last by " + m.name()
                            + ").");
                }
            }
        }
        for (TableDef t : tables.values()) {
            for (String in : t.inputs()) {
                if (!tables.containsKey(in) && !isBronze(in)) {
                    throw new FlisException("Model graph: " + t.id() + " reads " + in
                            + ", which is neither a bronze source nor a declared table.");
                }
            }
        }
        order = topologicalOrder();
        for (TableDef t : order) {
            if (t.incremental().isPresent() && !t.incremental().get().byDreamDelivery()) {
                boolean perPeriod = t.incremental().get().fromFirstChangedDay();
                List<String> untracked = sourcesOf(t.id()).stream().filter(s -> !ChangeSet.tracked(s, perPeriod))
                        .map(s -> "bronze." + s.tableName()).toList();
                if (!untracked.isEmpty()) {
                    throw new FlisException("Model graph: " + t.id() + " is declared per " + (perPeriod ? "period"
                            : "citizen") + " but is fed by " + String.join(", ", untracked)
                            + ", whose changes are not tracked " + (perPeriod ? "by day" : "per citizen") + ".");
                }
            }
            if (t.incremental().map(TableDef.Incremental::byDreamDelivery).orElse(false)
                    && !sourcesOf(t.id()).equals(java.util.Set.of(Source.DREAM))) {
                throw new FlisException("Model graph: " + t.id() + " is declared per DREAM week or delivery but is "
                        + "fed by " + sourcesOf(t.id()) + "; only DREAM's deliveries are tracked that way.");
            }
        }
    }

    private ModelGraph(Map<String, TableDef> subset) {
        tables.putAll(subset);
        order = topologicalOrder();
    }

    /**
     * Only the tables {@code targets} need, transitively, in the same order: the bench times Spark on exactly the
     * work of its DuckDB reference. An unknown target is a start-up error naming it.
     */
    public ModelGraph upstreamOf(java.util.Collection<String> targets) {
        Set<String> needed = new LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(targets);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (isBronze(id) || !needed.add(id)) {
                continue;
            }
            TableDef t = tables.get(id);
            if (t == null) {
                throw new FlisException("Model graph: no table " + id + ".");
            }
            todo.addAll(t.inputs());
        }
        Map<String, TableDef> subset = new LinkedHashMap<>();
        tables.values().stream().filter(t -> needed.contains(t.id())).forEach(t -> subset.put(t.id(), t));
        return new ModelGraph(subset);
    }

    /** The bronze sources the graph's tables read. */
    public Set<Source> sources() {
        Set<Source> out = new LinkedHashSet<>();
        tables.values().forEach(t -> t.inputs().stream().filter(ModelGraph::isBronze)
                .forEach(in -> out.add(bronzeSource(in))));
        return out;
    }

    /** The bronze sources upstream of a table, through every table it reads. */
    public Set<Source> sourcesOf(String id) {
        return upstreamOf(List.of(id)).sources();
    }

    /** The models of flis-lakehouse, in the order they are listed in the plan. */
    public static ModelGraph flis() {
        return new ModelGraph(List.of(new Borger(), new Dfdg(), new Ydelsesrefusion(), new Ydelsesaktivitet(),
                new Ky(), new Dream()));
    }

    public static boolean isBronze(String id) {
        return id.startsWith("bronze.") && bronzeSource(id) != null;
    }

    static Source bronzeSource(String id) {
        String name = id.substring("bronze.".length());
        for (Source s : Source.values()) {
            if (s.tableName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Tables in the order they are built. */
    public List<TableDef> order() {
        return order;
    }

    public TableDef table(String id) {
        return tables.get(id);
    }

    /** Kahn's algorithm; the declaration order picks among ready tables. A cycle names its tables. */
    private List<TableDef> topologicalOrder() {
        List<TableDef> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<TableDef> pending = new ArrayList<>(tables.values());
        while (!pending.isEmpty()) {
            TableDef ready = pending.stream()
                    .filter(t -> t.inputs().stream().allMatch(in -> isBronze(in) || done.contains(in)))
                    .findFirst().orElse(null);
            if (ready == null) {
                throw new FlisException("Model graph: a cycle among "
                        + pending.stream().map(TableDef::id).collect(Collectors.joining(", ")) + ".");
            }
            pending.remove(ready);
            done.add(ready.id());
            out.add(ready);
        }
        return List.copyOf(out);
    }

    /**
     * The plan as Markdown: the output of {@code flis run --plan}, and docs/tables.md exactly (a test fails when the
     * file is stale; regenerate it with {@code ./flis run --plan > docs/tables.md}).
     */
    public String plan() {
        StringBuilder b = new StringBuilder();
        b.append("# Tables in run order\n\n");
        b.append("Generated from the model declarations in `jobs/src/main/java/dk/flis/jobs/model/` by\n");
        b.append("`./flis run --plan > docs/tables.md`; a test fails when this file is stale. Every run builds the\n");
        b.append("tables in this order. An input nothing was delivered for is read as an empty table (SPEC 3.9); a\n");
        b.append("table none of whose inputs exist is not written, and `audit.runs` has a row with status\n");
        b.append("`ikke bygget` naming the missing inputs. `view.*` rows are shared intermediate results, kept in\n");
        b.append("memory for one run and never written.\n\n");
        b.append("A run of new months on a lakehouse built before maintains tables instead of rebuilding them (last\n");
        b.append("column): *per citizen*, the rows of the citizens the new deliveries touch are recomputed from their\n");
        b.append("whole history and replaced in one MERGE, and the weeks after the old horizon are added; *months from\n");
        b.append("the first change*, the months from the first day a delivered record can change are recomputed and\n");
        b.append("replaced; *weeks from the first delivered*, the weeks from the first week the new DREAM deliveries\n");
        b.append("cover are recomputed and replaced (*latest per* a key: from the new deliveries alone, over the\n");
        b.append("kept rows of the other keys, when they are later than every delivery loaded before); *the batch's\n");
        b.append("deliveries*, those deliveries' rows are added. A per-citizen table of a source whose new records\n");
        b.append("touch more than a quarter of its citizens is rebuilt for that run. The rest are rebuilt.\n");
        b.append("`flis run --rebuild` rebuilds everything and gives the same tables\n");
        b.append("([operations](operations.md#what-a-monthly-run-costs-maintained-or-rebuilt)).\n\n");
        b.append("| # | table | model | grain | reads | partitioned by | computed by | monthly run |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (TableDef t : order) {
            String kind = switch (t.build()) {
                case ONCE -> " (constant, written once)";
                case VIEW -> " (in memory, not written)";
                case EVERY_RUN -> "";
            };
            b.append("| ").append(i++).append(" | `").append(t.id()).append('`').append(kind)
                    .append(" | ").append(t.model())
                    .append(" | ").append(t.grain())
                    .append(" | ").append(t.inputs().isEmpty() ? "—" : t.inputs().stream().map(s -> "`" + s + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(t.partitionBy().isEmpty() ? "—" : String.join(", ", t.partitionBy()))
                    .append(" | `").append(t.computedBy()).append("`")
                    .append(t.condition().map(c -> "; only " + c.reason()).orElse(""))
                    .append(" | ").append(t.build() != TableDef.Build.EVERY_RUN ? "—"
                            : t.incremental().map(TableDef.Incremental::describe).orElse("rebuilt"))
                    .append(" |\n");
        }
        return b.toString();
    }
}
