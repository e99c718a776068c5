package dk.flis.jobs.audit;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code audit.tilstand}: what silver and gold were last built from — the delivery whose horizon they reach and a
 * fingerprint of everything besides bronze that decides their values (the table plan, the history length,
 * yr-start, the benchmark cell limit, the refusion ladders and the pseudonym key). A monthly run maintains gold
 * per citizen only from a state it recognises; anything else is a rebuild. Written last by a successful run.
 */
public final class GoldState {
    public static final String TABLE = "tilstand";
    private static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType)
            .add("leverance", DataTypes.StringType)
            .add("fingeraftryk", DataTypes.StringType)
            .add("skrevet", DataTypes.TimestampNTZType);

    private GoldState() {}

    /**
     * The fingerprint: an HMAC under the pseudonym key, so a new key changes it without the key (or anything
     * derived from it alone) being stored.
     */
    public static String fingerprint(FlisConfig config, String plan) {
        String facts = String.join("\n", plan, "history-years=" + config.historyYears(),
                "yr-start=" + config.yrStart(), "min-cell=" + config.benchmarkMinCell(),
                "ladders=" + new java.util.TreeMap<>(config.ladders()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("flis-tilstand\n" + facts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The delivery gold was last built to, if it was built with this fingerprint. */
    public static Optional<DeliveryMonth> builtTo(Lakehouse lake, String fingerprint) {
        return lake.readIfExists(Layer.AUDIT, TABLE)
                .flatMap(t -> t.collectAsList().stream().findFirst()) // one row
                .filter(r -> fingerprint.equals(r.getString(2)))
                .map(r -> DeliveryMonth.parse(r.getString(1)));
    }

    public static void write(Lakehouse lake, String runId, DeliveryMonth builtTo, String fingerprint) {
        Row row = RowFactory.create(runId, builtTo.toString(), fingerprint, LocalDateTime.now());
        lake.overwrite(lake.spark().createDataFrame(List.of(row), SCHEMA), Layer.AUDIT, TABLE);
    }
}
