package dk.flis.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.FlisException;
import java.io.File;
import java.util.HashMap;
import java.util.Map;

/**
 * Layers the configuration, highest first: command-line flag > environment ({@code FLIS_LANDING},
 * {@code FLIS_LAKEHOUSE}, {@code FLIS_PSEUDONYM_KEY}) > {@code --config} file > {@code conf/application.conf}
 * (the repo copy when {@code ./flis} points at it with {@code -Dflis.defaults}, else the copy embedded in the jar).
 */
public final class ConfigLoader {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "FLIS_LANDING", "flis.landing",
            "FLIS_LAKEHOUSE", "flis.lakehouse",
            "FLIS_PSEUDONYM_KEY", "flis.pseudonym-key");

    private ConfigLoader() {}

    public static FlisConfig load(Map<String, String> flags, Map<String, String> env, File configFile) {
        Map<String, Object> fromEnv = new HashMap<>();
        ENVIRONMENT.forEach((var, path) -> {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                fromEnv.put(path, v);
            }
        });
        Config file = ConfigFactory.empty();
        if (configFile != null) {
            if (!configFile.isFile()) {
                throw new FlisException.Usage("Config file " + configFile + " does not exist (--config).");
            }
            file = ConfigFactory.parseFile(configFile);
        }
        Config defaults = FlisConfig.defaults();
        Config merged = ConfigFactory.parseMap(flags)
                .withFallback(ConfigFactory.parseMap(fromEnv))
                .withFallback(file)
                .withFallback(defaults)
                .resolve();
        try {
            return FlisConfig.from(merged);
        } catch (ConfigException e) {
            throw new FlisException.Usage("Configuration error: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new FlisException(e.getMessage());
        }
    }
}
