package dk.flis.jobs;

/** A failure with a message meant for the operator: one line saying what, where, and what to do. */
public class FlisException extends RuntimeException {
    private final int exitCode;

    public FlisException(String message) {
        this(message, 1, null);
    }

    public FlisException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    protected FlisException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The delivery breaks the landing contract (SPEC 2): nothing of it is written. Exit code 3. */
    public static final class DeliveryRejected extends FlisException {
        public DeliveryRejected(String message) {
            super(message, 3, null);
        }
    }

    /** Bad command-line usage. Exit code 2. */
    public static final class Usage extends FlisException {
        public Usage(String message) {
            super(message, 2, null);
        }
    }
}
