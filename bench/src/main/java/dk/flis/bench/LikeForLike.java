package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.landing.Source;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.config.ConfigLoader;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.landing.Delivery;
import dk.flis.jobs.landing.LandingZone;
import dk.flis.jobs.model.ModelGraph;
import dk.flis.jobs.model.ModelRunner;
import dk.flis.jobs.model.RunContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;

/**
 * Spark timed on exactly the work of the DuckDB reference (issue 17): the same landing files into bronze (only the
 * two sources the reference reads), then only the reference's four gold tables and what they read, declared by
 * {@link ModelGraph#upstreamOf}. In the bench's warm session, after the manifests are verified (DuckDB verifies
 * nothing): like DuckDB's in-process time, no JVM start.
 */
record LikeForLike(double seconds, int tables) {
    static LikeForLike measure(SparkSession spark, Path landing, List<DeliveryMonth> months, Path work)
            throws IOException {
        FileUtils.deleteDirectory(work.toFile());
        FlisConfig config = ConfigLoader.load(Map.of("flis.landing", landing.toString(), "flis.lakehouse",
                work.toString()), System.getenv(), null);
        Lakehouse lake = new Lakehouse(spark, config.lakehouse());
        ModelGraph graph = ModelGraph.flis().upstreamOf(DuckDbReference.TABLES.stream().map(t -> "gold." + t)
                .toList());
        Set<Source> sources = graph.sources();
        LandingZone zone = new LandingZone(landing.toString(), spark.sparkContext().hadoopConfiguration());
        List<Delivery> deliveries = months.stream().map(zone::open)
                .map(d -> new Delivery(d.month(), d.folder(), d.files().stream()
                        .filter(f -> sources.contains(f.source())).toList()))
                .toList();
        AuditLog audit = new AuditLog("like-for-like");
        long started = System.nanoTime();
        new BronzeStep(lake, audit).load(deliveries);
        new ModelRunner(graph, lake, audit).run(RunContext.of(spark, config, months.get(months.size() - 1)),
                "like-for-like");
        double seconds = (System.nanoTime() - started) / 1e9;
        FileUtils.deleteDirectory(work.toFile());
        return new LikeForLike(seconds, graph.order().size());
    }
}
