package dk.flis.notebook;

import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.cli.ResultPrinter;
import dk.flis.jobs.config.ConfigLoader;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.lake.SqlCatalog;
import dk.flis.jobs.model.ModelGraph;
import dk.flis.jobs.model.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A notebook's way into the lakehouse: {@code var flis = Flis.open();} gives a SparkSession in which every table is
 * {@code gold.x}, {@code silver.x}, {@code bronze.x} or {@code audit.x}, configured like {@code ./flis sql}
 * (conf/application.conf, FLIS_* environment). Notebooks stay about the question, not the set-up.
 */
public final class Flis {
    private static final int SHOWN_ROWS = 20;
    private static final StructType TABLES = new StructType()
            .add("lag", DataTypes.StringType)
            .add("tabel", DataTypes.StringType)
            .add("model", DataTypes.StringType)
            .add("raekker", DataTypes.LongType)
            .add("grain", DataTypes.StringType);

    private final Lakehouse lake;

    private Flis(Lakehouse lake) {
        this.lake = lake;
    }

    /** The lakehouse of FLIS_LAKEHOUSE, else of the configuration (the demo's {@code ./lakehouse}). */
    public static Flis open() {
        return open(null);
    }

    /** The lakehouse in folder {@code lakehouse} (null: FLIS_LAKEHOUSE or the configuration). */
    public static Flis open(String lakehouse) {
        Map<String, String> flags = new HashMap<>();
        if (lakehouse != null) {
            flags.put("flis.lakehouse", lakehouse);
        }
        FlisConfig config = ConfigLoader.load(flags, System.getenv(), null);
        Lakehouse lake = new Lakehouse(Sessions.create(config), config.lakehouse());
        if (lake.tables(Layer.GOLD).isEmpty()) {
            throw new IllegalArgumentException("No gold tables in " + config.lakehouse()
                    + ": run ./flis demo, or give the lakehouse folder (Flis.open(\"/path/to/lakehouse\")).");
        }
        SqlCatalog.register(lake);
        return new Flis(lake);
    }

    public SparkSession spark() {
        return lake.spark();
    }

    public String root() {
        return lake.root();
    }

    public Dataset<Row> sql(String query) {
        return lake.spark().sql(query);
    }

    /** Every table with its rows (from the Delta log) and, for silver and gold, its model and declared grain. */
    public Dataset<Row> tables() {
        Map<String, TableDef> declared = new HashMap<>();
        for (TableDef t : ModelGraph.flis().order()) {
            declared.put(t.id(), t);
        }
        List<Row> rows = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (String t : lake.tables(layer)) {
                TableDef d = declared.get(layer.dir() + "." + t);
                rows.add(RowFactory.create(layer.dir(), t, d == null ? null : d.model(), lake.read(layer, t).count(),
                        d == null ? null : d.grain()));
            }
        }
        return lake.spark().createDataFrame(rows, TABLES);
    }

    /** The first 20 rows as an HTML table, the way a notebook shows a result. */
    public static String show(Dataset<Row> result) {
        return show(result, SHOWN_ROWS);
    }

    /** The first {@code rows} rows as an HTML table; a note says when there are more. */
    public static String show(Dataset<Row> result, int rows) {
        List<Row> head = result.limit(rows + 1).collectAsList(); // a display: at most rows + 1 rows
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        for (String c : result.columns()) {
            html.append("<th>").append(escape(c)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row r : head.subList(0, Math.min(rows, head.size()))) {
            html.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                boolean number = v instanceof Number;
                html.append(number ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(ResultPrinter.text(v))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (head.size() > rows) {
            html.append("<p>(first ").append(rows).append(" rows)</p>\n");
        }
        return html.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
