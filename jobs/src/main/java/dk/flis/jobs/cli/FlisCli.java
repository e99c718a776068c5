package dk.flis.jobs.cli;

import dk.flis.jobs.FlisException;
import org.apache.spark.sql.AnalysisException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code flis} — the command line (SPEC 5). The same main class runs under {@code ./flis} (local[*]) and
 * {@code spark-submit jobs/target/flis-jobs.jar}. Exit codes: 0 ok, 2 bad usage, 3 delivery rejected, 1 other.
 */
@Command(name = "flis", mixinStandardHelpOptions = true, version = "flis-lakehouse 0.1.0",
        description = "FLIS Beskæftigelse lakehouse: landing → bronze → silver → gold on Spark + Delta Lake.",
        subcommands = {GenerateCommand.class, RunCommand.class, SqlCommand.class, ExportCommand.class, StatusCommand.class,
                MaintainCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class FlisCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: generate, run, sql, export or demo.");
    }

    public static void main(String[] args) {
        int code = execute(args);
        System.exit(code);
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FlisCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e));
        return cli.execute(args);
    }

    private static int report(Exception e) {
        Throwable t = e;
        int code = 1;
        String message;
        if (t instanceof FlisException f) {
            code = f.exitCode();
            message = f.getMessage();
        } else if (t instanceof AnalysisException a) {
            code = 2;
            message = "Query failed: " + a.getSimpleMessage();
        } else {
            message = "Failed: " + t.getClass().getSimpleName() + ": " + t.getMessage()
                    + (CommonOptions.verbose ? "" : " (run with --verbose for the stack trace)");
        }
        System.err.println("flis: " + message.lines().findFirst().orElse(""));
        if (CommonOptions.verbose) {
            e.printStackTrace();
        }
        return code;
    }
}
