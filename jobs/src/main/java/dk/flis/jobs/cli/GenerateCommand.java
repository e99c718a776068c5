package dk.flis.jobs.cli;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.Progress;
import dk.flis.generator.DeliveryGenerator;
import dk.flis.generator.GeneratedWorld;
import dk.flis.generator.GeneratorOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic sample deliveries for all 98 municipalities into a landing folder.")
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to write; defaults to the landing folder (--landing, FLIS_LANDING, config).")
    Path out;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First delivery month.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last delivery month.")
    String to;

    @Option(names = "--scale", defaultValue = "0.01",
            description = "1.0 ≈ national volume (about 450 000 citizens with visitations). Default ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; same seed, same bytes.")
    long seed;

    @Option(names = "--defects", defaultValue = "0", paramLabel = "RATE",
            description = "Share of extra bad rows to inject (0..1); the truth goes to DIR/_truth/.")
    double defects;

    @Override
    public Integer call() throws IOException {
        DeliveryMonth first = parse("--from", from);
        DeliveryMonth last = parse("--to", to);
        if (last.compareTo(first) < 0) {
            throw new FlisException.Usage("--to " + to + " is before --from " + from + ".");
        }
        if (scale <= 0 || defects < 0 || defects > 1) {
            throw new FlisException.Usage("--scale must be > 0 and --defects between 0 and 1.");
        }
        Path target = out != null ? out : Path.of(common.load().landing());
        GeneratedWorld world = generate(target, first, last, scale, seed, defects);
        Progress.say(world.summary());
        return 0;
    }

    static GeneratedWorld generate(Path out, DeliveryMonth from, DeliveryMonth to, double scale, long seed,
                                   double defects) throws IOException {
        return new DeliveryGenerator(new GeneratorOptions(out, from.month(), to.month(), scale, seed, defects))
                .generate();
    }

    private static DeliveryMonth parse(String flag, String text) {
        try {
            return DeliveryMonth.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FlisException.Usage(flag + " " + e.getMessage());
        }
    }
}
