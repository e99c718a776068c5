package dk.flis.jobs.cli;

import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.config.ConfigLoader;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags every data command shares (SPEC 5); precedence flag > environment > --config > application.conf. */
public final class CommonOptions {
    static volatile boolean verbose;

    @Option(names = "--landing", paramLabel = "DIR", description = "Landing folder (env FLIS_LANDING).")
    String landing;

    @Option(names = "--lakehouse", paramLabel = "DIR", description = "Lakehouse folder (env FLIS_LAKEHOUSE).")
    String lakehouse;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file layered over conf/application.conf.")
    File config;

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    void setVerbose(boolean v) {
        verbose = v;
    }

    FlisConfig load() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (landing != null) {
            flags.put("flis.landing", landing);
        }
        if (lakehouse != null) {
            flags.put("flis.lakehouse", lakehouse);
        }
        FlisConfig loaded = ConfigLoader.load(flags, System.getenv(), config);
        if (FlisConfig.DEV_PSEUDONYM_KEY.equals(loaded.pseudonymKey()) && !devKeyWarned) {
            devKeyWarned = true; // one line, and never the key itself
            System.err.println("flis: warning: FLIS_PSEUDONYM_KEY is not set; the development key is in use (flis.env = "
                    + loaded.env() + "), so cpr_id values are not secret. Never use it for real data.");
        }
        return loaded;
    }

    private static volatile boolean devKeyWarned;
}
